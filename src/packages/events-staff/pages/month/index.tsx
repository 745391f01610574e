import { useRef, useState } from 'react'
import { useLoad } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import type { MonthOverview } from 'types/events'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { getCurrentCommunity, staffEventsApi } from '../../api'

/** Staff: the month's free courses per age group against the "at least two a month" target, and each series' sessions. */
export default function MonthPage() {
  const [state, run] = useLoadState<MonthOverview>()
  const communityId = useRef('')
  const [month, setMonth] = useState(formatShanghai(new Date(), 'YYYY-MM'))
  const load = (m = month) => run(() => staffEventsApi.month(communityId.current, m))
  useLoad((params) => {
    communityId.current = params.communityId ?? getCurrentCommunity()?.communityId ?? ''
    void load()
  })
  return (
    <PageShell className='month'>
      <Picker mode='date' fields='month' value={month} onChange={(e) => (setMonth(String(e.detail.value)), load(String(e.detail.value)))}>
        <View className='yb-picker'>{month}</View>
      </Picker>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={() => load()} />}
      {state.kind === 'ready' && (
        <View>
          <Text className='yb-small'>
            免费课程 {state.data.courses} 节；目标：每个年龄段每月至少 {state.data.target} 节。
          </Text>
          {state.data.groups.map((g) => (
            <View key={g.key} className='yb-card'>
              <View className='yb-row'>
                <Text className='yb-title'>{g.label}</Text>
                <View className='yb-spacer' />
                <Text className={`yb-tag${g.met ? '' : ' yb-tag--pin'}`}>
                  {g.met ? `${g.count} 节 · 达标` : `${g.count} 节 · 还差 ${state.data.target - g.count} 节`}
                </Text>
              </View>
              {g.events.map((e) => (
                <Text key={e.eventId} className='yb-small yb-row'>
                  {formatShanghai(e.startAt, 'M月D日')} {e.title}
                  {e.seriesTitle ? `（${e.seriesTitle}）` : ''}
                </Text>
              ))}
            </View>
          ))}
          {state.data.series.length > 0 && <View className='yb-section-title'>院落大学系列</View>}
          {state.data.series.map((s) => (
            <View key={s.seriesId} className='yb-card yb-row'>
              <Text>{s.title}</Text>
              <View className='yb-spacer' />
              <Text className='yb-small'>本月 {s.sessions} 节</Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
