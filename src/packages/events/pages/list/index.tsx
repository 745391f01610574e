import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { EventSummary } from 'types/events'
import PageShell from '@/components/page-shell'
import { EventCard } from '@/components/event-section'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { useCommunityPage } from '@/lib/use-community-page'
import { ROUTES, eventsApi } from '../../api'

/** Every event of the community: open and coming first, then the last two weeks' (to rate them). */
export default function EventListPage() {
  const { state, refresh: load } = useCommunityPage((communityId) => eventsApi.list(communityId))
  const open = (e: EventSummary) => Taro.navigateTo({ url: `${ROUTES.detail}?eventId=${e.eventId}` })
  const past = (e: EventSummary) => e.phase === 'ended' || e.phase === 'cancelled'
  return (
    <PageShell className='event-list'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && state.data.events.length === 0 && (
        <Empty title='近期没有活动' hint='社区发布活动后会在这里显示，也会出现在首页。' />
      )}
      {state.kind === 'ready' &&
        state.data.events.filter((e) => !past(e)).map((e) => <EventCard key={e.eventId} event={e} onOpen={() => open(e)} />)}
      {state.kind === 'ready' && state.data.events.some(past) && <View className='yb-section-title'>最近结束</View>}
      {state.kind === 'ready' && state.data.events.filter(past).map((e) => <EventCard key={e.eventId} event={e} onOpen={() => open(e)} />)}
    </PageShell>
  )
}
