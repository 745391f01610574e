import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ProposalSummary } from 'types/proposals'
import { Empty } from '@/components/status-view'

/** 待立项: accepted proposals; pick one or several and build one project from them. */
export default function ProjectsTab({ accepted, onBuild }: { accepted: ProposalSummary[]; onBuild: (proposalIds: string[]) => void }) {
  const [picked, setPicked] = useState<string[]>([])
  return (
    <View>
      {accepted.length === 0 && <Empty title='没有待立项的建议' hint='采纳的建议会出现在这里，可以一条或几条合并立项。' />}
      {accepted.map((p) => {
        const on = picked.includes(p.proposalId)
        return (
          <View
            key={p.proposalId}
            className={`yb-card pstaff-queue__pick${on ? ' pstaff-queue__pick--on' : ''}`}
            onClick={() => setPicked((list) => (on ? list.filter((x) => x !== p.proposalId) : [...list, p.proposalId]))}
          >
            <View className='yb-row'>
              <Text className='yb-tag'>{on ? '已选' : '选择'}</Text>
              <Text className='yb-tag yb-tag--muted'>{p.category}</Text>
            </View>
            <View className='yb-title pstaff-queue__title'>{p.title}</View>
          </View>
        )
      })}
      {accepted.length > 0 && (
        <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={picked.length === 0} onClick={() => onBuild(picked)}>
          用选中的 {picked.length} 条建议立项
        </Button>
      )}
    </View>
  )
}
