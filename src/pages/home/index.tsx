import { useRef } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { ChildView, CommunityView, ProfileView } from 'types/communities'
import type { NoticeSummary } from 'types/notices'
import { parseScene } from 'types/scene'
import PageShell from '@/components/page-shell'
import NoticeCard from '@/components/notice-card'
import ProposalSection from '@/components/proposal-section'
import CouncilEntry from '@/components/council-entry'
import WorkbenchEntry from '@/components/workbench-entry'
import JoinCard from '@/components/join-card'
import EventSection from '@/components/event-section'
import { EVENT_ROUTES } from '@/lib/events-api'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { communitiesApi, noticesApi } from '@/lib/api'
import type { Result } from '@/lib/cloud'
import { clearCurrentCommunity, getCurrentCommunity, setCurrentCommunity } from '@/lib/current-community'
import { setElderPreference, useElder } from '@/lib/elder'
import { takeEntryScene } from '@/lib/entry-scene'
import { openPosterCode } from '@/lib/poster-entry'
import { useLoadState } from '@/lib/use-load-state'
import { refreshUnread } from '@/lib/unread'
import './index.scss'

type Home = { community: CommunityView | null; notices: Result<{ notices: NoticeSummary[] }> | null; profile: ProfileView | null }

/**
 * Which community to show: a scanned community code first (join it), then the remembered one, then the first of mine.
 * A venue code (a=…) opens the check-in page; a guardian's child-link code (k=…) opens 我是孩子，输入绑定码 with the
 * code filled in, where the child confirms with a tap (nothing is linked from here); a notice's or an event's poster
 * (s=…) opens that notice or event.
 */
async function loadHome(scene: string | null, shared: string | null = null): Promise<Result<Home>> {
  // a shared card (`?communityId=`): look at that community, joined or not (a non-member gets the join card)
  if (shared) {
    const got = await communitiesApi.get({ communityId: shared })
    if (got.ok) setCurrentCommunity({ communityId: got.data.communityId, name: got.data.name, code: got.data.code })
  }
  const parsed = parseScene(scene)
  if (parsed?.kind === 'venue') void Taro.navigateTo({ url: `${EVENT_ROUTES.checkin}?code=${parsed.code}` })
  else if (parsed?.kind === 'childLink') void Taro.navigateTo({ url: `/packages/profile/pages/edit/index?link=1&code=${parsed.code}` })
  else if (parsed?.kind === 'share') await openPosterCode(parsed.code)
  else if (scene !== null) {
    if (!parsed) {
      void Taro.showToast({ title: '无法识别的社区码', icon: 'none' })
    } else {
      const joined = await communitiesApi.join(parsed.code)
      if (!joined.ok) return joined
      const c = joined.data.community
      setCurrentCommunity({ communityId: c.communityId, name: c.name, code: c.code })
      if (joined.data.joined) void Taro.showToast({ title: `已加入${c.name}`, icon: 'none' })
    }
  }

  let current = getCurrentCommunity()
  let community: CommunityView | null = null
  if (current) {
    const got = await communitiesApi.get({ communityId: current.communityId })
    if (got.ok) community = got.data
    else if (got.error.code === 'COMMUNITY.NOT_FOUND') clearCurrentCommunity()
    else return got
  }
  if (!community) {
    const mine = await communitiesApi.mine()
    if (!mine.ok) return mine
    community = mine.data.communities[0]?.community ?? mine.data.administered[0] ?? null
    if (!community) return { ok: true, data: { community: null, notices: null, profile: null } }
  }
  current = { communityId: community.communityId, name: community.name, code: community.code }
  setCurrentCommunity(current)
  // someone who has not joined (a shared link, a community they left): the join card, no member-only reads
  if (!community.viewer.isMember && !community.viewer.canManage) return { ok: true, data: { community, notices: null, profile: null } }
  const [notices, profile] = await Promise.all([noticesApi.list(community.communityId), communitiesApi.profile()])
  return { ok: true, data: { community, notices, profile: profile.ok ? profile.data : null } }
}

export default function HomePage() {
  const [state, run] = useLoadState<Home>()
  const scene = useRef<string | null>(null)
  const shared = useRef<string | null>(null)
  const { elder } = useElder()

  const refresh = () => {
    const s = scene.current
    const c = shared.current
    scene.current = null
    shared.current = null
    return run(() => loadHome(s, c))
  }

  useLoad((params) => {
    scene.current = takeEntryScene(params)
    shared.current = params.communityId ?? null
  })
  useDidShow(() => {
    void refresh()
    void refreshUnread()
  })
  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })

  const openNotice = (n: NoticeSummary) => Taro.navigateTo({ url: `/packages/notices/pages/detail/index?noticeId=${n.noticeId}` })
  const manage = (c: CommunityView) => Taro.navigateTo({ url: `/packages/staff/pages/notices/index?communityId=${c.communityId}` })

  return (
    <PageShell className='home'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={refresh} />}
      {state.kind === 'ready' && !state.data.community && (
        <Empty title='欢迎来到院坝' hint='请用微信扫描社区的二维码，加入你所在的社区。' />
      )}
      {state.kind === 'ready' &&
        state.data.community &&
        !state.data.community.viewer.isMember &&
        !state.data.community.viewer.canManage && <JoinCard community={state.data.community} onJoined={refresh} />}
      {state.kind === 'ready' && state.data.community && state.data.profile?.ownChild && (
        <ChildHome community={state.data.community} child={state.data.profile.ownChild} />
      )}
      {state.kind === 'ready' &&
        state.data.community &&
        (state.data.community.viewer.isMember || state.data.community.viewer.canManage) &&
        !state.data.profile?.ownChild && (
          <View>
            <View className='yb-card home__header'>
              <View className='yb-hero home__name'>{state.data.community.name}</View>
              <View className='yb-small'>
                {state.data.community.district} · {state.data.community.street}
              </View>
              <View className='yb-row home__actions'>
                <Button className='yb-btn' onClick={() => Taro.switchTab({ url: '/pages/me/index' })}>
                  切换社区
                </Button>
                <Button
                  className='yb-btn home-search'
                  aria-label='搜索本社区的通知、活动和建议'
                  onClick={() =>
                    Taro.navigateTo({ url: `/packages/search/pages/index/index?communityId=${state.data.community!.communityId}` })
                  }
                >
                  🔍 搜索
                </Button>
                {state.data.community.viewer.canManage && (
                  <Button className='yb-btn yb-btn--primary' onClick={() => manage(state.data.community!)}>
                    管理
                  </Button>
                )}
                <View className='yb-spacer' />
                <Button className='yb-btn' onClick={() => setElderPreference(elder ? 'off' : 'on')}>
                  {elder ? '标准版' : '长辈版'}
                </Button>
              </View>
            </View>

            <WorkbenchEntry communityId={state.data.community.communityId} canManage={state.data.community.viewer.canManage} />
            <View className='yb-section-title'>社区通知</View>
            {state.data.notices && !state.data.notices.ok && <ErrorView error={state.data.notices.error} onRetry={refresh} />}
            {state.data.notices?.ok && state.data.notices.data.notices.length === 0 && (
              <Empty title='暂无通知' hint='社区发布通知后会在这里显示。' />
            )}
            {state.data.notices?.ok &&
              state.data.notices.data.notices.map((n) => <NoticeCard key={n.noticeId} notice={n} onOpen={() => openNotice(n)} />)}

            <EventSection community={state.data.community} />
            <ProposalSection community={state.data.community} />
            <CouncilEntry
              communityId={state.data.community.communityId}
              canManage={state.data.community.viewer.canManage}
              childLink={!state.data.profile?.isChild && !state.data.profile?.children.length}
            />
          </View>
        )}
    </PageShell>
  )
}

/** A child's own WeChat on 首页: what a child can do here — the council, and the events for their age. */
function ChildHome({ community, child }: { community: CommunityView; child: ChildView }) {
  return (
    <View className='home-child'>
      <View className='yb-card home__header'>
        <View className='yb-hero home__name'>🧒 {child.alias}，你好！</View>
        <View className='yb-small'>{community.name}</View>
      </View>
      <CouncilEntry communityId={community.communityId} childLink={false} />
      <EventSection community={community} forAge={child.age} />
    </View>
  )
}
