import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { FIGURES, type FigureKey } from 'types/insights'
import { cellText } from '../bar-chart'

/** One figure, its value, and its definition under it on tap. */
function Figure({ k, value }: { k: FigureKey; value: string }) {
  const [open, setOpen] = useState(false)
  const f = FIGURES[k]
  return (
    <View
      className='insights__figure'
      role='button'
      aria-label={`${f.label} ${value}${value === '—' ? '' : f.unit}，点按看定义`}
      onClick={() => setOpen(!open)}
    >
      <View className='yb-row'>
        <Text>{f.label}</Text>
        <View className='yb-spacer' />
        <Text className='insights__value'>{value}</Text>
        <Text className='yb-small'>{value === '—' ? '' : f.unit}</Text>
      </View>
      {open && <Text className='yb-small insights__definition'>{f.definition}</Text>}
    </View>
  )
}

/** The figures by group (活动, 建议, …), each with its definition on tap; cells under five people show <5. */
export default function FigureList({ figures, keys }: { figures: Record<string, number | string | null>; keys: FigureKey[] }) {
  const groups = [...new Set(keys.map((k) => FIGURES[k].group))]
  return (
    <View>
      {groups.map((g) => (
        <View key={g}>
          <View className='yb-section-title'>{g}</View>
          <View className='yb-card'>
            {keys
              .filter((k) => FIGURES[k].group === g)
              .map((k) => (
                <Figure key={k} k={k} value={cellText((figures[k] ?? null) as never)} />
              ))}
          </View>
        </View>
      ))}
      <Text className='yb-small'>少于 5 人的格子显示为 &lt;5；点按任一指标看它的定义。</Text>
    </View>
  )
}
