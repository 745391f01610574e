import { useRef } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { NoticeView } from 'types/notices'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { noticesApi } from '@/lib/api'
import SharedPreview from '@/components/shared-preview'
import { sharePath, useShare } from '@/lib/share'
import { useLoadState } from '@/lib/use-load-state'
import './index.scss'

export default function NoticeDetailPage() {
  const [state, run] = useLoadState<NoticeView>()
  const noticeId = useRef('')
  const load = () => run(() => noticesApi.get(noticeId.current))

  useLoad((params) => {
    noticeId.current = params.noticeId ?? ''
    void load()
  })
  useShare(() =>
    state.kind === 'ready'
      ? {
          title: state.data.title,
          path: sharePath('/packages/notices/pages/detail/index', { noticeId: state.data.noticeId, communityId: state.data.communityId }),
        }
      : null,
  )

  return (
    <PageShell className='notice-detail'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && state.error.code === 'AUTH.FORBIDDEN' && (
        <SharedPreview kind='notice' id={noticeId.current} onJoined={load} />
      )}
      {state.kind === 'error' && state.error.code !== 'AUTH.FORBIDDEN' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && (
        <View className='yb-card'>
          <View className='yb-row'>
            {state.data.pinned && <Text className='yb-tag yb-tag--pin'>置顶</Text>}
            <Text className='yb-tag'>{state.data.category}</Text>
          </View>
          <View className='yb-hero notice-detail__title'>{state.data.title}</View>
          <View className='yb-row yb-small notice-detail__meta'>
            <Text>{state.data.publishAt ? `发布于 ${formatShanghai(state.data.publishAt)}` : '尚未发布'}</Text>
            <View className='yb-spacer' />
            <Text>{state.data.readCount} 人已读</Text>
          </View>
          {state.data.expiresAt && <View className='yb-small notice-detail__meta'>有效期至 {formatShanghai(state.data.expiresAt)}</View>}
          <View className='yb-notice-body notice-detail__body'>{state.data.body}</View>
          {state.data.viewer.canEdit && (
            <Button
              className='yb-btn yb-btn--block'
              onClick={() =>
                Taro.navigateTo({
                  url: `/packages/staff/pages/editor/index?communityId=${state.data.communityId}&noticeId=${state.data.noticeId}`,
                })
              }
            >
              编辑这条通知
            </Button>
          )}
        </View>
      )}
    </PageShell>
  )
}
