import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import type { EventSummary } from 'types/events'
import { PHASE_LABEL, ageBandLabel, myStatusLabel } from 'types/events-labels'
import { formatShanghai } from 'types/time-format'
import CapacityBar from '../capacity-bar'
import { Empty, ErrorView, Loading } from '../status-view'
import type { ClientError } from '../../lib/cloud'
import { EVENT_ROUTES, eventsHomeApi } from '../../lib/events-api'
import './index.scss'

const SHOWN = 4

type State = { kind: 'loading' } | { kind: 'error'; error: ClientError } | { kind: 'ready'; events: EventSummary[]; more: boolean }

/** One event in a list: category, title, time and place, age band, the capacity bar and my status. */
export function EventCard({ event, onOpen }: { event: EventSummary; onOpen: () => void }) {
  const mine = event.mine.filter((m) => m.status !== 'cancelled')
  return (
    <View className='yb-card yb-event-card' onClick={onOpen}>
      <View className='yb-row'>
        <Text className='yb-tag'>{event.category}</Text>
        {event.allocation === 'lottery' && <Text className='yb-tag yb-tag--muted'>抽签</Text>}
        <Text className={`yb-tag${event.phase === 'open' ? ' yb-tag--pin' : ' yb-tag--muted'}`}>{PHASE_LABEL[event.phase]}</Text>
        {event.seriesTitle && <Text className='yb-small'>{event.seriesTitle}</Text>}
      </View>
      <View className='yb-title yb-event-card__title'>{event.title}</View>
      <View className='yb-small'>
        {formatShanghai(event.startAt, 'M月D日 HH:mm')} · {event.place} · {ageBandLabel(event.ageMin, event.ageMax)}
      </View>
      {event.phase !== 'cancelled' && <CapacityBar event={event} />}
      {mine.map((m) => (
        <View key={m.signupId} className='yb-row yb-event-card__mine'>
          <Text className='yb-tag yb-tag--pin'>{myStatusLabel(m)}</Text>
          <Text>{m.kind === 'self' ? '我' : m.displayName}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 活动与课程 on 首页: what is open or coming soon in the community, with places left and the viewer's own status;
 * the way to all events, to 我的票, and for staff to 活动管理. Loads itself and reloads whenever the page shows.
 */
export default function EventSection({ community, forAge }: { community: CommunityView; forAge?: number }) {
  const communityId = community.communityId
  const [state, setState] = useState<State>({ kind: 'loading' })
  const seq = useRef(0)

  const load = async () => {
    const mine = ++seq.current
    const res = await eventsHomeApi.list(communityId, forAge === undefined ? SHOWN + 1 : 50)
    if (mine !== seq.current) return
    if (!res.ok) return setState({ kind: 'error', error: res.error })
    // a child's home: the events with an age band that includes the child
    const fits = (e: EventSummary) => forAge === undefined || (e.ageMax !== null && (e.ageMin ?? 0) <= forAge && forAge <= e.ageMax)
    const upcoming = res.data.events.filter((e) => e.phase !== 'ended' && e.phase !== 'cancelled' && fits(e))
    setState({ kind: 'ready', events: upcoming.slice(0, SHOWN), more: res.data.events.length > SHOWN })
  }

  useEffect(() => {
    void load()
  }, [communityId])
  useDidShow(() => {
    void load()
  })

  const go = (url: string) => Taro.navigateTo({ url })

  return (
    <View className='yb-event-section'>
      <View className='yb-row yb-event-section__head'>
        <View className='yb-section-title yb-event-section__title'>{forAge === undefined ? '活动与课程' : `适合 ${forAge} 岁的活动`}</View>
        <View className='yb-spacer' />
        <View className='yb-link' onClick={() => go(EVENT_ROUTES.tickets)}>
          我的票
        </View>
      </View>
      {community.viewer.canManage && (
        <View className='yb-row yb-event-section__actions'>
          <Button className='yb-btn' onClick={() => go(`${EVENT_ROUTES.staffList}?communityId=${communityId}`)}>
            活动管理
          </Button>
        </View>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && state.events.length === 0 && (
        <Empty title={forAge === undefined ? '近期没有活动' : '近期没有适合你的活动'} hint='社区发布活动后会在这里显示。' />
      )}
      {state.kind === 'ready' &&
        state.events.map((e) => <EventCard key={e.eventId} event={e} onOpen={() => go(`${EVENT_ROUTES.detail}?eventId=${e.eventId}`)} />)}
      {state.kind === 'ready' && (state.more || state.events.length > 0) && (
        <Button className='yb-btn yb-btn--block' onClick={() => go(`${EVENT_ROUTES.list}?communityId=${communityId}`)}>
          全部活动和课程
        </Button>
      )}
    </View>
  )
}
