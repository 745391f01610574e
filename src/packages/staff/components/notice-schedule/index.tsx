import { Picker, Text, View } from '@tarojs/components'
import type { WallClock } from 'types/time'
import FormField from '@/components/form-field'

/** 发布时间: publish now, or at a set time (Beijing time, picked as date + time). */
export default function NoticeSchedule(props: {
  schedule: boolean
  publishAt: WallClock
  onSchedule: (on: boolean) => void
  onPublishAt: (w: WallClock) => void
}) {
  const { schedule, publishAt } = props
  return (
    <FormField label='发布时间'>
      <View className='yb-chips'>
        <View className={`yb-chip${!schedule ? ' yb-chip--on' : ''}`} onClick={() => props.onSchedule(false)}>
          立即发布
        </View>
        <View className={`yb-chip${schedule ? ' yb-chip--on' : ''}`} onClick={() => props.onSchedule(true)}>
          定时发布
        </View>
      </View>
      {schedule && (
        <View className='yb-row yb-actions'>
          <Picker mode='date' value={publishAt.date} onChange={(e) => props.onPublishAt({ ...publishAt, date: String(e.detail.value) })}>
            <View className='yb-picker'>{publishAt.date}</View>
          </Picker>
          <Picker mode='time' value={publishAt.time} onChange={(e) => props.onPublishAt({ ...publishAt, time: String(e.detail.value) })}>
            <View className='yb-picker'>{publishAt.time}</View>
          </Picker>
          <Text className='yb-small'>北京时间</Text>
        </View>
      )}
    </FormField>
  )
}
