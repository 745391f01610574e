import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { PROPOSAL_REASON_MAX, type ModerationQueueOutput, type ProposalSummary, type ReviewDecision } from 'types/proposals'
import { formatShanghai } from 'types/time-format'
import { Empty } from '@/components/status-view'

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD')

/** 待审核: each new proposal with its content-check flag and photos; 公示, or 退回修改 / 不通过 with a reason for the resident. */
export default function ReviewTab(props: {
  queue: ModerationQueueOutput
  busy: boolean
  onOpen: (proposalId: string) => void
  onReview: (p: ProposalSummary, decision: ReviewDecision, reason: string) => void
}) {
  const { queue, busy, onOpen, onReview } = props
  const [reasons, setReasons] = useState<Record<string, string>>({})
  return (
    <View>
      {queue.pending.length === 0 && <Empty title='没有待审核的建议' hint='居民提交新建议后会出现在这里，审核通过才会公示。' />}
      {queue.pending.map((p) => (
        <View key={p.proposalId} className='yb-card pstaff-queue__review'>
          <View className='yb-row'>
            <Text className='yb-tag yb-tag--muted'>{p.category}</Text>
            {p.moderation === 'review' && <Text className='yb-tag yb-tag--pin'>内容安全：需人工判断</Text>}
            {p.photoCount > 0 && <Text className='yb-tag'>{p.photoCount} 张照片</Text>}
            <View className='yb-spacer' />
            <Text className='yb-small'>{day(p.createdAt)}</Text>
          </View>
          <View className='yb-title pstaff-queue__title' onClick={() => onOpen(p.proposalId)}>
            {p.title}
          </View>
          <View className='pstaff-queue__excerpt'>{p.excerpt}</View>
          <View className='yb-small'>{p.authorName}</View>
          <Textarea
            className='yb-textarea pstaff-queue__reason'
            value={reasons[p.proposalId] ?? ''}
            maxlength={PROPOSAL_REASON_MAX}
            placeholder='退回或不通过时，写给居民的原因'
            onInput={(e) => setReasons((r) => ({ ...r, [p.proposalId]: e.detail.value }))}
          />
          <View className='yb-row'>
            <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={() => onReview(p, 'publish', reasons[p.proposalId] ?? '')}>
              公示
            </Button>
            <Button className='yb-btn' disabled={busy} onClick={() => onReview(p, 'return', reasons[p.proposalId] ?? '')}>
              退回修改
            </Button>
            <Button className='yb-btn' disabled={busy} onClick={() => onReview(p, 'reject', reasons[p.proposalId] ?? '')}>
              不通过
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
