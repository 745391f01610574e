import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Cell } from 'types/insights'
import './index.scss'

export interface BarRow {
  key: string
  label: string
  value: Cell
}

export const cellText = (v: Cell): string => (v === null ? '—' : String(v))
const num = (v: Cell) => (typeof v === 'number' ? v : 0)

/** One sentence for the screen reader (and under the chart): the largest and smallest, and how many rows. */
export function summarize(rows: BarRow[], what: string, unit: string): string {
  const shown = rows.filter((r) => typeof r.value === 'number')
  if (rows.length === 0) return `${what}：暂无数据。`
  if (shown.length === 0) return `${what}：${rows.length} 项均少于 5 或暂无数据。`
  const top = shown.reduce((a, b) => (num(b.value) > num(a.value) ? b : a))
  const low = shown.reduce((a, b) => (num(b.value) < num(a.value) ? b : a))
  return `${what}，共 ${rows.length} 项：最高是${top.label}（${cellText(top.value)}${unit}），最低是${low.label}（${cellText(low.value)}${unit}）。`
}

/**
 * Plain view-drawn horizontal bars (the same on weapp and H5; no canvas, no library — docs/decisions/0061), with a
 * table view behind one tap and a one-sentence summary for screen readers. "<5" draws no bar.
 */
export default function BarChart({ title, unit, rows, summary }: { title: string; unit: string; rows: BarRow[]; summary?: string }) {
  const [table, setTable] = useState(false)
  const sentence = summary ?? summarize(rows, title, unit)
  const max = Math.max(1, ...rows.map((r) => num(r.value)))
  return (
    <View className='yb-card bar-chart'>
      <View className='yb-row'>
        <Text className='yb-title'>{title}</Text>
        <View className='yb-spacer' />
        <View
          className='yb-link bar-chart__toggle'
          role='button'
          aria-label={table ? `${title}：看图` : `${title}：看表格`}
          onClick={() => setTable(!table)}
        >
          {table ? '看图' : '看表格'}
        </View>
      </View>
      <Text className='yb-small bar-chart__summary'>{sentence}</Text>
      {table ? (
        <View className='bar-chart__table' role='table' aria-label={`${title}表格`}>
          <View className='bar-chart__tr bar-chart__th' role='row'>
            <View role='columnheader'>项目</View>
            <View role='columnheader'>数值（{unit}）</View>
          </View>
          {rows.map((r) => (
            <View key={r.key} className='bar-chart__tr' role='row'>
              <View role='cell'>{r.label}</View>
              <View role='cell'>{cellText(r.value)}</View>
            </View>
          ))}
        </View>
      ) : (
        <View aria-hidden='true' className='bar-chart__bars'>
          {rows.map((r) => (
            <View key={r.key} className='bar-chart__row'>
              <Text className='bar-chart__label'>{r.label}</Text>
              <View className='bar-chart__track'>
                <View className='bar-chart__bar' style={{ width: `${(num(r.value) / max) * 100}%` }} />
              </View>
              <Text className='bar-chart__value'>{cellText(r.value)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
