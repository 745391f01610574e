import { Picker, View } from '@tarojs/components'
import type { WallClock } from 'types/time'
import FormField from '../form-field'

/**
 * A date picker and a time picker (Taro Picker mode date / time) for one instant, edited as its Chengdu wall clock
 * (types/time: toWallClock / fromWallClock) — never a typed "2026-07-01 15:00". Used by subpackage forms only.
 */
export default function DateTimeField({
  label,
  value,
  onChange,
  error,
  className,
}: {
  label: string
  value: WallClock
  onChange: (w: WallClock) => void
  error?: string
  className?: string
}) {
  return (
    <FormField label={label} error={error} className={className}>
      <View className='yb-row'>
        <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className='yb-picker' aria-label={`${label}日期`}>
            {value.date}
          </View>
        </Picker>
        <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
          <View className='yb-picker' aria-label={`${label}时间`}>
            {value.time}
          </View>
        </Picker>
      </View>
    </FormField>
  )
}
