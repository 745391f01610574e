import { useRef } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import type { NoticeSummary } from 'types/notices'
import { parseScene } from 'types/scene'
import PageShell from '@/components/page-shell'
import NoticeCard from '@/components/notice-card'
import ProposalSection from '@/components/proposal-section'
import CouncilEntry from '@/components/council-entry'
import EventSection from '@/components/event-section'
import { EVENT_ROUTES } from '@/lib/events-api'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { communitiesApi, noticesApi } from '@/lib/api'
import type { Result } from '@/lib/cloud'
import { clearCurrentCommunity, getCurrentCommunity, setCurrentCommunity } from '@/lib/current-community'
import { setElderPreference, useElder } from '@/lib/elder'
import { takeEntryScene } from '@/lib/entry-scene'
import { useLoadState } from '@/lib/use-load-state'
import './index.scss'

type Home = { community: CommunityView | null; notices: Result<{ notices: NoticeSummary[] }> | null }

/**
 * Which community to show: a scanned community code first (join it), then the remembered one, then the first of mine.
 * A venue code (a=…) opens the check-in page; a guardian's child-link code (k=…) opens 我是孩子，输入绑定码 with the
 * code filled in, where the child confirms with a tap (nothing is linked from here).
 */
async function loadHome(scene: string | null): Promise<Result<Home>> {
  const parsed = parseScene(scene)
  if (parsed?.kind === 'venue') void Taro.navigateTo({ url: `${EVENT_ROUTES.checkin}?code=${parsed.code}` })
  else if (parsed?.kind === 'childLink') void Taro.navigateTo({ url: `/packages/profile/pages/edit/index?link=1&code=${parsed.code}` })
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
    if (!community) return { ok: true, data: { community: null, notices: null } }
  }
  current = { communityId: community.communityId, name: community.name, code: community.code }
  setCurrentCommunity(current)
  const notices = await noticesApi.list(community.communityId)
  return { ok: true, data: { community, notices } }
}

export default function HomePage() {
  const [state, run] = useLoadState<Home>()
  const scene = useRef<string | null>(null)
  const { elder } = useElder()

  const refresh = () => {
    const s = scene.current
    scene.current = null
    return run(() => loadHome(s))
  }

  useLoad((params) => {
    scene.current = takeEntryScene(params)
  })
  useDidShow(() => {
    void refresh()
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
      {state.kind === 'ready' && state.data.community && (
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

          <View className='yb-section-title'>社区通知</View>
          {state.data.notices && !state.data.notices.ok && (
            <ErrorView error={state.data.notices.error} onRetry={refresh} />
          )}
          {state.data.notices?.ok && state.data.notices.data.notices.length === 0 && <Empty title='暂无通知' />}
          {state.data.notices?.ok &&
            state.data.notices.data.notices.map((n) => <NoticeCard key={n.noticeId} notice={n} onOpen={() => openNotice(n)} />)}

          <EventSection community={state.data.community} />
          <ProposalSection community={state.data.community} />
          <CouncilEntry communityId={state.data.community.communityId} canManage={state.data.community.viewer.canManage} />
        </View>
      )}
    </PageShell>
  )
}
