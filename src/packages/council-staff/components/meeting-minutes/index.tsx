import { Text, View } from '@tarojs/components'
import type { MeetingView } from 'types/council'

/** The published 纪要: how many came, what happened, what comes next. */
export default function MeetingMinutes({ minutes }: { minutes: NonNullable<MeetingView['minutes']> }) {
  return (
    <View className='yb-card'>
      <View className='yb-title'>📝 纪要 · 到会 {minutes.attendanceCount} 人</View>
      <Text>{minutes.summary}</Text>
      <View>接下来：{minutes.nextSteps}</View>
    </View>
  )
}
