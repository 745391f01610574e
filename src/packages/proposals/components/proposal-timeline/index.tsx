import { Image, Text, View } from '@tarojs/components'
import type { ProposalView } from 'types/proposals'
import { formatShanghai } from 'types/time-format'

/** 进展: everything that happened to the proposal and its project, in order. */
export default function ProposalTimeline({ proposal: p }: { proposal: ProposalView }) {
  return (
    <>
      <View className='yb-section-title'>进展</View>
      <View className='yb-card proposal-detail__timeline'>
        {p.timeline.map((e, i) => (
          <View key={`${e.at}-${i}`} className='proposal-detail__event'>
            <View className='yb-row'>
              <Text className='proposal-detail__event-title'>{e.title}</Text>
              {e.progress !== null && <Text className='yb-tag'>{e.progress}%</Text>}
              <View className='yb-spacer' />
              <Text className='yb-small'>{formatShanghai(e.at, 'MM-DD HH:mm')}</Text>
            </View>
            {e.text && <View className='proposal-detail__event-text'>{e.text}</View>}
            {e.photoUrl && <Image className='proposal-detail__photo' src={e.photoUrl} mode='aspectFill' />}
          </View>
        ))}
      </View>
    </>
  )
}
