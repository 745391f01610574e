import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { EventSummary, ListForStaffOutput } from 'types/events'
import { PHASE_LABEL } from 'types/events-base'
import { formatShanghai } from 'types/time-format'
import CapacityBar from '@/components/capacity-bar'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { useCommunityPage } from '@/lib/use-community-page'
import { ROUTES, staffEventsApi } from '../../api'

type Filter = 'coming' | 'draft' | 'past' | 'all'
const FILTERS: { key: Filter; label: string }[] = [
  { key: 'coming', label: '未结束' },
  { key: 'draft', label: '草稿' },
  { key: 'past', label: '已结束' },
  { key: 'all', label: '全部' },
]
const ENDED = new Set(['ended', 'cancelled'])
/** which events a filter keeps, in date order: coming soonest first, past ones latest first */
export function filterStaffEvents(events: EventSummary[], filter: Filter): EventSummary[] {
  const byStart = (a: EventSummary, b: EventSummary) => Date.parse(a.startAt) - Date.parse(b.startAt)
  const keep = events.filter((e) =>
    filter === 'all'
      ? true
      : filter === 'draft'
        ? e.status === 'draft'
        : filter === 'past'
          ? ENDED.has(e.phase)
          : !ENDED.has(e.phase) && e.status !== 'draft',
  )
  return filter === 'past' || filter === 'all' ? keep.sort((a, b) => byStart(b, a)) : keep.sort(byStart)
}

/** Staff: every event of the community (drafts too) by date, filtered, with places, waitlist and the way to each tool. */
export default function StaffEventListPage() {
  const { state, refresh: load, communityId } = useCommunityPage((communityId) => staffEventsApi.list(communityId))
  const [filter, setFilter] = useState<Filter>('coming')
  const go = (url: string) => Taro.navigateTo({ url })
  const card = (e: EventSummary) => (
    <View key={e.eventId} className='yb-card staff-events__card' onClick={() => go(`${ROUTES.signups}?eventId=${e.eventId}`)}>
      <View className='yb-row'>
        <Text className={`yb-tag${e.status === 'draft' ? ' yb-tag--muted' : ''}`}>{PHASE_LABEL[e.phase]}</Text>
        <Text className='yb-tag'>{e.category}</Text>
        {e.allocation === 'lottery' && <Text className='yb-tag yb-tag--muted'>抽签</Text>}
        {e.moderation === 'review' && <Text className='yb-tag yb-tag--muted'>待审核</Text>}
      </View>
      <View className='yb-title'>{e.title}</View>
      <Text className='yb-small'>
        {formatShanghai(e.startAt, 'M月D日 HH:mm')} · {e.place}
      </Text>
      {e.status !== 'draft' && <CapacityBar event={e} />}
      <View className='yb-row'>
        {e.viewer.canEdit && (
          <Button className='yb-btn' onClick={(ev) => (ev.stopPropagation(), go(`${ROUTES.editor}?eventId=${e.eventId}`))}>
            编辑
          </Button>
        )}
        <Button className='yb-btn' onClick={(ev) => (ev.stopPropagation(), go(`${ROUTES.signups}?eventId=${e.eventId}`))}>
          报名名单
        </Button>
      </View>
    </View>
  )
  return (
    <PageShell className='staff-events'>
      {state.kind === 'ready' && (
        <View className='yb-row yb-actions'>
          <Button className='yb-btn yb-btn--primary' onClick={() => go(`${ROUTES.editor}?communityId=${communityId.current}`)}>
            新建活动
          </Button>
          <Button className='yb-btn' onClick={() => go(`${ROUTES.month}?communityId=${communityId.current}`)}>
            本月课程
          </Button>
        </View>
      )}
      {state.kind === 'ready' && (
        <View className='yb-chips staff-events__filters' role='tablist'>
          {FILTERS.map((f) => (
            <View
              key={f.key}
              role='tab'
              aria-selected={filter === f.key}
              className={`yb-chip staff-events-filter${filter === f.key ? ' yb-chip--on' : ''}`}
              onClick={() => setFilter(f.key)}
            >
              {f.label}（{filterStaffEvents(state.data.events, f.key).length}）
            </View>
          ))}
        </View>
      )}
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && state.data.openTasks > 0 && (
        <View className='yb-card'>
          <Text className='yb-title'>有 {state.data.openTasks} 个活动评价偏低，需要改进并公开说明</Text>
        </View>
      )}
      {state.kind === 'ready' && state.data.events.length === 0 && <Empty title='还没有活动' hint='点“新建活动”发布第一个活动或课程。' />}
      {state.kind === 'ready' && state.data.events.length > 0 && filterStaffEvents(state.data.events, filter).length === 0 && (
        <Empty title={`没有${FILTERS.find((f) => f.key === filter)!.label}的活动`} hint='点上面的“全部”看所有活动，或点“新建活动”。' />
      )}
      {state.kind === 'ready' && filterStaffEvents(state.data.events, filter).map(card)}
    </PageShell>
  )
}
