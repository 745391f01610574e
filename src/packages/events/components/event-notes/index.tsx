import { Text, View } from '@tarojs/components'
import type { EventView } from 'types/events'

/** 我们改进了 (the answer to low ratings, this event's and its series'), then 活动介绍 with the ratings so far. */
export default function EventNotes({ event: e }: { event: EventView }) {
  return (
    <>
      {e.adjustment?.status === 'closed' && e.adjustment.note && (
        <View className='yb-card event-detail__note'>
          <View className='yb-title'>我们改进了</View>
          <Text>{e.adjustment.note}</Text>
        </View>
      )}
      {e.seriesNote && e.seriesNote !== e.adjustment?.note && (
        <View className='yb-card event-detail__note'>
          <View className='yb-title'>{e.seriesTitle ?? '本系列'}的改进</View>
          <Text>{e.seriesNote}</Text>
        </View>
      )}

      <View className='yb-card'>
        <View className='yb-title'>活动介绍</View>
        <Text className='yb-notice-body'>{e.description}</Text>
        {e.rating.count > 0 && (
          <Text className='yb-small'>
            {e.rating.count} 人评价，平均 {e.rating.average} 分
          </Text>
        )}
      </View>
    </>
  )
}
