import { Button, Text, View } from '@tarojs/components'
import type { ModerationQueueOutput } from 'types/proposals'
import { Empty } from '@/components/status-view'
import { staffProposalsApi } from '../../api'
import type { Result } from '@/lib/cloud'

/** 举报与留言: proposals hidden by 3 reports (恢复显示 / 保持隐藏) and comments waiting or hidden (通过显示 / 隐藏). */
export default function ReportsTab(props: {
  queue: ModerationQueueOutput
  busy: boolean
  onOpen: (proposalId: string) => void
  act: (work: () => Promise<Result<unknown>>, done: string) => void
}) {
  const { queue, busy, onOpen, act } = props
  const reports = queue.hidden.length + queue.comments.length
  return (
    <View>
      {reports === 0 && <Empty title='没有待处理的举报和留言' hint='3 位居民举报的内容会先隐藏，出现在这里等你处理。' />}
      {queue.hidden.map((p) => (
        <View key={p.proposalId} className='yb-card'>
          <Text className='yb-tag yb-tag--pin'>被 3 位以上居民举报，已自动隐藏</Text>
          <View className='yb-title pstaff-queue__title' onClick={() => onOpen(p.proposalId)}>
            {p.title}
          </View>
          <View className='pstaff-queue__excerpt'>{p.excerpt}</View>
          <View className='yb-row'>
            <Button
              className='yb-btn'
              disabled={busy}
              onClick={() => act(() => staffProposalsApi.unhide({ proposalId: p.proposalId }), '已恢复显示')}
            >
              恢复显示
            </Button>
            <Button
              className='yb-btn yb-btn--primary'
              disabled={busy}
              onClick={() => act(() => staffProposalsApi.hide({ proposalId: p.proposalId }), '已保持隐藏')}
            >
              保持隐藏
            </Button>
          </View>
        </View>
      ))}
      {queue.comments.map((c) => (
        <View key={c.commentId} className='yb-card'>
          <Text className='yb-tag yb-tag--pin'>{c.moderation === 'review' ? '留言待审核' : '留言被举报隐藏'}</Text>
          <View className='yb-small pstaff-queue__title'>建议：{c.proposalTitle}</View>
          <View>{c.body}</View>
          <View className='yb-small'>{c.authorName}</View>
          <View className='yb-row'>
            <Button
              className='yb-btn'
              disabled={busy}
              onClick={() => act(() => staffProposalsApi.unhide({ commentId: c.commentId }), '已通过')}
            >
              通过显示
            </Button>
            <Button
              className='yb-btn yb-btn--primary'
              disabled={busy}
              onClick={() => act(() => staffProposalsApi.hide({ commentId: c.commentId }), '已隐藏')}
            >
              隐藏
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
