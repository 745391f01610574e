import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EventView } from 'types/events'
import { formatShanghai } from 'types/time-format'
import { ROUTES } from '../../api'

/** 公开抽签: the draw's outcome, or before it the seed's fingerprint; the age-band quotas; opens the public log. */
export default function LotteryCard({ event: e }: { event: EventView }) {
  const lottery = e.lottery
  if (!lottery) return null
  return (
    <View className='yb-card' onClick={() => Taro.navigateTo({ url: `${ROUTES.lottery}?eventId=${e.eventId}` })}>
      <View className='yb-title'>公开抽签</View>
      {lottery.drawnAt ? (
        <Text>
          {formatShanghai(lottery.drawnAt)} 抽签：{lottery.registrations} 人登记，{lottery.confirmed} 人录取，
          {lottery.waitlisted} 人候补。
        </Text>
      ) : (
        <Text>截止后抽签。种子已公布指纹：{lottery.seedCommitment.slice(0, 16)}…，抽签后公开种子，任何人都能复算。</Text>
      )}
      {e.quotas.length > 0 && (
        <View className='yb-small event-detail__quotas'>
          年龄段名额：{e.quotas.map((q) => `${q.ageMin}–${q.ageMax} 岁 ${q.places} 个`).join('，')}
          （先在各年龄段里抽，没抽满的给其他人）
        </View>
      )}
      <Text className='yb-link'>查看抽签记录</Text>
    </View>
  )
}
