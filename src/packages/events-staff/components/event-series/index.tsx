import { Input, View } from '@tarojs/components'
import type { SeriesView } from 'types/events'
import FormField from '@/components/form-field'
import type { EventForm } from '../../lib/event-form'

type Set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => void

/** 课程系列 (院落大学): the series a course belongs to, or a new one named here. */
export default function EventSeries({ values, series, set }: { values: EventForm; series: SeriesView[]; set: Set }) {
  return (
    <FormField label='课程系列（院落大学）'>
      <View className='yb-chips'>
        <View className={`yb-chip${values.seriesId === '' ? ' yb-chip--on' : ''}`} onClick={() => set('seriesId', '')}>
          不属于系列
        </View>
        {series.map((s) => (
          <View
            key={s.seriesId}
            className={`yb-chip${values.seriesId === s.seriesId ? ' yb-chip--on' : ''}`}
            onClick={() => set('seriesId', s.seriesId)}
          >
            {s.title}
          </View>
        ))}
      </View>
      <Input
        className='yb-input'
        value={values.newSeries}
        placeholder='或新建系列，例如：院落大学·书法班'
        onInput={(ev) => set('newSeries', ev.detail.value)}
      />
    </FormField>
  )
}
