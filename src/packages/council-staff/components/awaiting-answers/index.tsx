import { View } from '@tarojs/components'
import { formatShanghai } from 'types/index'
import type { StaffBoardOutput } from 'types/council'
import { Empty } from '@/components/status-view'
import AnswerForm from '../answer-form'

/** 等大人回信: every reviewed idea waits for an adult's answer before its deadline (overdue marked ⏰). */
export default function AwaitingAnswers({ board, onAnswered }: { board: StaffBoardOutput; onAnswered: () => void }) {
  return (
    <>
      <View className='yb-section-title'>等大人回信</View>
      {board.awaitingAnswer.length === 0 && <Empty title='每个孩子都收到回信了' hint='新的建议审核通过后，记得在期限内回信。' />}
      {board.awaitingAnswer.map((p) => (
        <View key={p.proposalId} className='yb-card council-staff-awaiting'>
          <View className='yb-title'>
            {p.label} {p.private?.overdue ? '⏰ 已超期' : ''}
          </View>
          <View>💡 {p.idea}</View>
          <View className='yb-small'>回信期限 {p.private?.answerDueAt ? formatShanghai(p.private.answerDueAt, 'YYYY-MM-DD') : '—'}</View>
          <AnswerForm p={p} onDone={onAnswered} />
        </View>
      ))}
    </>
  )
}
