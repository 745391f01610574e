import { useRef } from 'react'
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { LotteryLog } from 'types/events'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { eventsApi } from '../../api'

/**
 * The public allocation log: seed commitment and seed, time, counts, quotas, and every registration as an anonymous
 * key in drawn order — enough for anyone to recompute the draw, no names. My own keys are marked.
 */
export default function LotteryPage() {
  const [state, run] = useLoadState<LotteryLog>()
  const eventId = useRef('')
  const load = () => run(() => eventsApi.lotteryLog(eventId.current))
  useLoad((params) => {
    eventId.current = params.eventId ?? ''
    void load()
  })
  if (state.kind === 'loading')
    return (
      <PageShell className='lottery'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='lottery'>
        <ErrorView error={state.error} onRetry={load} />
      </PageShell>
    )
  const log = state.data
  const mine = new Set(log.mine)
  const result = (key: string) => (log.winners.includes(key) ? '录取' : `候补第 ${log.waitlist.indexOf(key) + 1} 位`)
  return (
    <PageShell className='lottery'>
      <View className='yb-card'>
        <View className='yb-title'>{log.drawnAt ? `已于 ${formatShanghai(log.drawnAt)} 抽签` : '尚未抽签'}</View>
        <Text className='yb-small'>种子指纹（发布时公布）：{log.seedCommitment}</Text>
        {log.seed && <Text className='yb-small'>种子（抽签时公开）：{log.seed}</Text>}
        {log.drawnAt && (
          <Text>
            {log.entries.length} 人登记，{log.confirmed} 人录取，{log.waitlisted} 人按抽签顺序候补。
          </Text>
        )}
        {log.quotas.map((q) => (
          <View key={`${q.ageMin}-${q.ageMax}`} className='yb-small lottery__quota'>
            {q.ageMin}–{q.ageMax} 岁保留 {q.places} 个名额{log.drawnAt ? `，录取 ${q.filled} 人` : '，先在这个年龄段里抽'}
          </View>
        ))}
      </View>
      {log.mine.length > 0 && (
        <View className='yb-card'>
          <View className='yb-title'>我的抽签号</View>
          {log.mine.map((k) => (
            <Text key={k} className='yb-row'>
              {k}
              {log.drawnAt ? `：${result(k)}` : ''}
            </Text>
          ))}
        </View>
      )}
      <View className='yb-card'>
        <View className='yb-title'>怎样复算</View>
        <Text className='yb-small'>{log.algorithm || '抽签后公布算法、种子和全部抽签号。'}</Text>
      </View>
      {log.drawnAt && (
        <View className='yb-card'>
          <View className='yb-title'>抽签顺序</View>
          {log.order.map((k, i) => (
            <Text key={k} className={`yb-small yb-row${mine.has(k) ? ' yb-tag' : ''}`}>
              {i + 1}. {k} {result(k)}
            </Text>
          ))}
        </View>
      )}
    </PageShell>
  )
}
