import Taro, { useLoad } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import {
  BAND_LABEL,
  DISTRICT_FIGURE_KEYS,
  FIGURES,
  FIGURE_KEYS,
  PARTICIPATION_BANDS,
  type CommunityInsights,
  type DistrictInsights,
  type FigureKey,
} from 'types/insights'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { errorCopy } from '@/lib/error-copy'
import { getCurrentCommunity } from '@/lib/current-community'
import { useLoadState } from '@/lib/use-load-state'
import { openSpreadsheet } from '@/packages/events-staff/lib/open-document'
import BarChart from '../../components/bar-chart'
import FigureList from '../../components/figure-list'
import { workbenchApi } from '../../api'
import './index.scss'

const DAY = 86_400_000
const PERIODS = [
  { label: '近 30 天', days: 30 },
  { label: '近 90 天', days: 90 },
  { label: '近一年', days: 365 },
] as const
const periodOf = (days: number) => ({
  from: formatShanghai(new Date(Date.now() - (days - 1) * DAY), 'YYYY-MM-DD'),
  to: formatShanghai(new Date(), 'YYYY-MM-DD'),
})
/** Figures staff compare communities on (district view). */
const COMPARE: FigureKey[] = [
  'events.held',
  'participation.monthlyAverage',
  'events.fillRate',
  'events.score',
  'proposals.submitted',
  'proposals.answeredOnTime',
  'courses.met.primary',
]

type Data = { kind: 'community'; data: CommunityInsights } | { kind: 'district'; data: DistrictInsights }

/** 数据看板: a community's figures and charts (its staff, the district admin), or every community side by side (`district=1`). */
export default function InsightsPage() {
  const [state, run] = useLoadState<Data>()
  const communityId = useRef('')
  const district = useRef(false)
  const [days, setDays] = useState<number>(30)
  const [compare, setCompare] = useState<FigureKey>('events.held')
  const [busy, setBusy] = useState(false)
  const load = (d = days) => {
    const { from, to } = periodOf(d)
    return run(async () => {
      if (district.current) {
        const res = await workbenchApi.district(from, to)
        return res.ok ? { ok: true, data: { kind: 'district', data: res.data } } : res
      }
      const res = await workbenchApi.community(communityId.current, from, to)
      return res.ok ? { ok: true, data: { kind: 'community', data: res.data } } : res
    })
  }
  useLoad((params) => {
    district.current = params.district === '1'
    communityId.current = params.communityId ?? getCurrentCommunity()?.communityId ?? ''
    void Taro.setNavigationBarTitle({ title: district.current ? '全区对比' : '数据看板' })
    void load()
  })
  const exportXlsx = async () => {
    if (busy) return
    setBusy(true)
    try {
      const { from, to } = periodOf(days)
      const res = await workbenchApi.export(from, to, district.current ? undefined : communityId.current)
      if (!res.ok) return Taro.showToast({ title: errorCopy(res.error), icon: 'none', duration: 3000 })
      if (!res.data.url) return Taro.showToast({ title: '导出成功，但暂时无法下载', icon: 'none' })
      try {
        await openSpreadsheet(res.data.url, res.data.fileName)
      } catch {
        void Taro.setClipboardData({ data: res.data.url })
        void Taro.showToast({ title: '无法直接打开，下载链接已复制', icon: 'none' })
      }
    } finally {
      setBusy(false)
    }
  }
  const month = (m: string) => `${Number(m.slice(5))}月`

  return (
    <PageShell className='insights'>
      <View className='yb-row yb-actions'>
        {PERIODS.map((p) => (
          <Button
            key={p.days}
            className={`yb-btn${days === p.days ? ' yb-btn--primary' : ''}`}
            aria-label={`${p.label}${days === p.days ? '，已选' : ''}`}
            onClick={() => (setDays(p.days), load(p.days))}
          >
            {p.label}
          </Button>
        ))}
      </View>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={() => load()} />}
      {state.kind === 'ready' &&
        state.data.kind === 'community' &&
        (() => {
          const figures = state.data.data.figures
          return (
            <View>
              <View className='yb-title'>{state.data.data.name}</View>
              <Text className='yb-small'>
                {state.data.data.from} 至 {state.data.data.to}
                {state.data.data.rolledUpAt ? ` · 数据更新于 ${formatShanghai(state.data.data.rolledUpAt, 'M月D日 HH:mm')}` : ''}
              </Text>
              <BarChart
                title='每月参与居民'
                unit='人'
                rows={state.data.data.months.map((m) => ({
                  key: m.month,
                  label: month(m.month),
                  value: m.figures['participation.any'] ?? null,
                }))}
              />
              <BarChart
                title='每月举办场次'
                unit='场'
                rows={state.data.data.months.map((m) => ({ key: m.month, label: month(m.month), value: m.figures['events.held'] ?? null }))}
              />
              <BarChart
                title='报名居民 · 年龄段'
                unit='人'
                rows={PARTICIPATION_BANDS.map((b) => ({ key: b, label: BAND_LABEL[b], value: figures[`participation.band.${b}`] ?? null }))}
              />
              <FigureList figures={figures} keys={FIGURE_KEYS} />
            </View>
          )
        })()}
      {state.kind === 'ready' && state.data.kind === 'district' && (
        <View>
          <Text className='yb-small'>
            {state.data.data.from} 至 {state.data.data.to} · {state.data.data.communities.length} 个社区
          </Text>
          <Picker
            mode='selector'
            range={COMPARE.map((k) => FIGURES[k].label)}
            value={COMPARE.indexOf(compare)}
            onChange={(e) => setCompare(COMPARE[Number(e.detail.value)])}
          >
            <View className='yb-picker' aria-label={`比较的指标：${FIGURES[compare].label}，点按更换`}>
              比较：{FIGURES[compare].label}
            </View>
          </Picker>
          <BarChart
            title={`各社区${FIGURES[compare].label}`}
            unit={FIGURES[compare].unit}
            rows={state.data.data.communities.map((c) => ({ key: c.communityId, label: c.name, value: c.figures[compare] ?? null }))}
          />
          <BarChart
            title='全区每月举办场次'
            unit='场'
            rows={state.data.data.months.map((m) => ({ key: m.month, label: month(m.month), value: m.figures['events.held'] ?? null }))}
          />
          <FigureList figures={state.data.data.total} keys={DISTRICT_FIGURE_KEYS} />
        </View>
      )}
      <Button className='yb-btn yb-btn--block' disabled={busy || state.kind !== 'ready'} onClick={exportXlsx}>
        导出 Excel（含指标定义）
      </Button>
    </PageShell>
  )
}
