import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { EventView, MySignup } from 'types/events'
import { myStatusLabel } from 'types/events-base'
import { ROUTES } from '../../api'

/** 我的报名: me and my children on this event — status (已报名 / 候补第 N 位 / 已签到), ticket, cancel, rate. */
export default function MySignups(props: {
  event: EventView
  busy: boolean
  onCancel: (m: MySignup) => void
  onRate: (m: MySignup) => void
}) {
  const { event: e, busy } = props
  return (
    <View className='yb-card event-detail__my'>
      <View className='yb-title'>我的报名</View>
      {e.mine.map((m) => (
        <View key={m.signupId} className='event-detail__mine'>
          <Text>{m.kind === 'self' ? '我' : m.displayName}</Text>
          <Text className={`event-detail__status${m.status === 'confirmed' ? ' event-detail__status--ok' : ''}`}>{myStatusLabel(m)}</Text>
          <View className='yb-spacer' />
          {m.ticketCode && !m.checkedIn && (
            <Button
              className='yb-btn'
              onClick={() => Taro.navigateTo({ url: `${ROUTES.ticket}?eventId=${e.eventId}&participantId=${m.participantId}` })}
            >
              出示票码
            </Button>
          )}
          {m.canCancel && (
            <Button className='yb-btn' disabled={busy} onClick={() => props.onCancel(m)}>
              {m.status === 'waitlisted' ? '退出候补' : '取消报名'}
            </Button>
          )}
          {m.canRate && (
            <Button className='yb-btn yb-btn--primary' onClick={() => props.onRate(m)}>
              评价
            </Button>
          )}
          {m.rated && <Text className='yb-small'>已评价</Text>}
          {m.noShow && <Text className='yb-small'>未到场</Text>}
        </View>
      ))}
    </View>
  )
}
