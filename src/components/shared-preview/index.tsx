import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import type { SharePreview } from 'types/share'
import { formatShanghai } from 'types/time-format'
import JoinCard from '../join-card'
import { ErrorView, Loading } from '../status-view'
import { callCloud, type ClientError, type Result } from '../../lib/cloud'

export type SharedKind = SharePreview['kind']

function loadPreview(kind: SharedKind, id: string): Promise<Result<SharePreview>> {
  if (kind === 'notice') return callCloud('notices', 'preview', { noticeId: id })
  if (kind === 'event') return callCloud('events', 'preview', { eventId: id })
  if (kind === 'proposal') return callCloud('proposals', 'preview', { proposalId: id })
  return callCloud('proposals', 'previewProject', { projectId: id })
}

const KIND_LABEL: Record<SharedKind, string> = { notice: '社区通知', event: '社区活动', proposal: '居民建议', project: '社区项目' }

/**
 * A shared page opened by someone who has not joined its community: the public part of the notice, event, proposal
 * or project, and one button to join (then the page shows everything). Pages render it where a member-only read
 * was refused (AUTH.FORBIDDEN), instead of a refusal.
 */
export default function SharedPreview({ kind, id, onJoined }: { kind: SharedKind; id: string; onJoined: () => unknown }) {
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; error: ClientError } | { kind: 'ready'; preview: SharePreview; community: CommunityView }
  >({ kind: 'loading' })
  useEffect(() => {
    let live = true
    void (async () => {
      const preview = await loadPreview(kind, id)
      if (!preview.ok) return live && setState({ kind: 'error', error: preview.error })
      const community = await callCloud('communities', 'get', { communityId: preview.data.communityId })
      if (!community.ok) return live && setState({ kind: 'error', error: community.error })
      if (live) setState({ kind: 'ready', preview: preview.data, community: community.data })
    })()
    return () => {
      live = false
    }
  }, [kind, id])

  if (state.kind === 'loading') return <Loading />
  if (state.kind === 'error') return <ErrorView error={state.error} />
  const { preview: p, community } = state
  return (
    <View className='shared-preview'>
      <View className='yb-card'>
        <View className='yb-row'>
          <Text className='yb-tag'>{KIND_LABEL[p.kind]}</Text>
          <Text className='yb-small'>{community.name}</Text>
        </View>
        <View className='yb-hero shared-preview__title'>{p.title}</View>
        {p.at && (
          <View className='yb-small'>
            {p.kind === 'event' ? `时间：${formatShanghai(p.at, 'M月D日 HH:mm')}` : `发布于 ${formatShanghai(p.at)}`}
          </View>
        )}
        {p.place && <View className='yb-small'>地点：{p.place}</View>}
        {p.supportsNeeded !== null && p.supportsNeeded > 0 && (
          <View className='yb-title shared-preview__needed'>还差 {p.supportsNeeded} 人附议，社区就要答复</View>
        )}
        {p.progress !== null && <View className='yb-small'>进度 {p.progress}%</View>}
        <View className='yb-notice-body shared-preview__text'>{p.text}</View>
      </View>
      <JoinCard
        community={community}
        onJoined={onJoined}
        hint={
          p.kind === 'proposal' ? '加入社区后就能附议、留言。' : p.kind === 'event' ? '加入社区后就能报名。' : '加入社区后可以看全部内容。'
        }
      />
    </View>
  )
}
