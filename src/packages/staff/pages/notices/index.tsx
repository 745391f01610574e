import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import type { NoticeSummary } from 'types/notices'
import PageShell from '@/components/page-shell'
import NoticeCard from '@/components/notice-card'
import { Empty, ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useCommunityPage } from '@/lib/use-community-page'
import { staffApi } from '../../api'

type Data = { community: CommunityView; notices: NoticeSummary[] }

async function load(communityId: string): Promise<Result<Data>> {
  const [community, notices] = await Promise.all([staffApi.community(communityId), staffApi.notices(communityId)])
  if (!notices.ok) return notices
  if (!community.ok) return community
  return { ok: true, data: { community: community.data, notices: notices.data.notices } }
}

/** Staff: every notice of the community, drafts and scheduled ones included. */
export default function StaffNoticesPage() {
  const { state, refresh, communityId } = useCommunityPage(load)

  const go = (page: string, query = '') =>
    Taro.navigateTo({ url: `/packages/staff/pages/${page}/index?communityId=${communityId.current}${query}` })

  if (state.kind === 'loading')
    return (
      <PageShell className='staff-notices'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='staff-notices'>
        <ErrorView error={state.error} onRetry={refresh} />
      </PageShell>
    )
  if (!state.data.community.viewer.canManage)
    return (
      <PageShell className='staff-notices'>
        <Forbidden />
      </PageShell>
    )
  return (
    <PageShell className='staff-notices'>
      <View className='yb-card'>
        <View className='yb-hero'>{state.data.community.name}</View>
        <View className='yb-small'>通知管理 · 共 {state.data.notices.length} 条</View>
        <View className='yb-row yb-actions'>
          <Button className='yb-btn yb-btn--primary' onClick={() => go('editor')}>
            新建通知
          </Button>
          {state.data.community.viewer.canCreatePoster && (
            <Button className='yb-btn' onClick={() => go('poster')}>
              社区二维码
            </Button>
          )}
        </View>
      </View>
      {state.data.notices.length === 0 && <Empty title='还没有通知' hint='点“新建通知”写第一条。' />}
      {state.data.notices.map((n) => (
        <NoticeCard key={n.noticeId} notice={n} showState onOpen={() => go('editor', `&noticeId=${n.noticeId}`)} />
      ))}
    </PageShell>
  )
}
