import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EventSummary, MySignup } from 'types/events'
import { PHASE_LABEL, myStatusLabel } from 'types/events-base'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { ROUTES, eventsApi } from '../../api'

type Ticket = { event: EventSummary; signup: MySignup }

/** 我的票: my places and my children's — coming ones first with their status, then past and cancelled ones. */
export default function TicketsPage() {
  const [state, run] = useLoadState<{ tickets: Ticket[] }>()
  const load = () => run(() => eventsApi.mine())
  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })
  const past = (t: Ticket) => t.signup.status === 'cancelled' || t.event.phase === 'ended' || t.event.phase === 'cancelled'
  const row = (t: Ticket) => (
    <View
      key={t.signup.signupId}
      className='yb-card tickets__row'
      onClick={() => Taro.navigateTo({ url: `${ROUTES.detail}?eventId=${t.event.eventId}` })}
    >
      <View className='yb-row'>
        <Text className={`yb-tag${t.signup.status === 'confirmed' ? ' yb-tag--pin' : ''}`}>{myStatusLabel(t.signup)}</Text>
        <Text>{t.signup.kind === 'self' ? '我' : t.signup.displayName}</Text>
        <View className='yb-spacer' />
        <Text className='yb-small'>{PHASE_LABEL[t.event.phase]}</Text>
      </View>
      <View className='yb-title'>{t.event.title}</View>
      <Text className='yb-small'>
        {formatShanghai(t.event.startAt, 'M月D日 HH:mm')} · {t.event.place}
      </Text>
    </View>
  )
  return (
    <PageShell className='tickets'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && state.data.tickets.length === 0 && <Empty title='还没有报名' hint='在首页的“活动与课程”里报名。' />}
      {state.kind === 'ready' && state.data.tickets.filter((t) => !past(t)).map(row)}
      {state.kind === 'ready' && state.data.tickets.some(past) && <View className='yb-section-title'>已结束或已取消</View>}
      {state.kind === 'ready' && state.data.tickets.filter(past).map(row)}
    </PageShell>
  )
}
