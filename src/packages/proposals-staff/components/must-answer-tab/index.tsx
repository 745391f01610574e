import { Text, View } from '@tarojs/components'
import type { MustAnswerOutput } from 'types/proposals'
import { formatShanghai } from 'types/time-format'
import ProposalCard from '@/components/proposal-card'
import { Empty } from '@/components/status-view'

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD')

/** 必答清单: proposals that reached the threshold, each with its answer deadline (overdue in red), and the counts. */
export default function MustAnswerTab({ must, onAnswer }: { must: MustAnswerOutput; onAnswer: (proposalId: string) => void }) {
  return (
    <View>
      <View className='yb-card yb-row pstaff-queue__counts'>
        <Text>待答复 {must.counts.open}</Text>
        <Text className={must.counts.overdue > 0 ? 'pstaff-queue__overdue' : ''}>已逾期 {must.counts.overdue}</Text>
        <Text>按时答复 {must.counts.answeredOnTime}</Text>
        <Text>逾期答复 {must.counts.answeredLate}</Text>
      </View>
      {must.items.length === 0 && <Empty title='必答清单是空的' hint='附议达到门槛的建议会出现在这里，须在期限内答复。' />}
      {must.items.map((p) => (
        <View key={p.proposalId}>
          <ProposalCard proposal={p} onOpen={() => onAnswer(p.proposalId)} />
          <View className={`yb-small pstaff-queue__due${p.overdue ? ' pstaff-queue__overdue' : ''}`}>
            {p.answerDueAt ? `${p.overdue ? '已逾期：应于' : '请于'} ${day(p.answerDueAt)} 前答复` : ''}
          </View>
        </View>
      ))}
    </View>
  )
}
