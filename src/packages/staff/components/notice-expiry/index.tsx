import { Picker, Switch, Text, View } from '@tarojs/components'
import type { WallClock } from 'types/time'

/** 置顶 and 到期: whether the notice stays on top, and when residents stop seeing it (Chengdu wall clock). */
export default function NoticeExpiry(props: {
  pinned: boolean
  expires: boolean
  expiresAt: WallClock
  error?: string
  onPinned: (on: boolean) => void
  onExpires: (on: boolean) => void
  onExpiresAt: (w: WallClock) => void
}) {
  const { expiresAt } = props
  return (
    <View className='yb-card'>
      <View className='yb-switch-row'>
        <Text>置顶</Text>
        <Switch checked={props.pinned} color='#b5452b' aria-label='置顶' onChange={(e) => props.onPinned(e.detail.value)} />
      </View>
      <View className='yb-switch-row'>
        <Text>设置到期时间</Text>
        <Switch checked={props.expires} color='#b5452b' aria-label='设置到期时间' onChange={(e) => props.onExpires(e.detail.value)} />
      </View>
      {props.expires && (
        <View className='yb-row'>
          <Picker mode='date' value={expiresAt.date} onChange={(e) => props.onExpiresAt({ ...expiresAt, date: String(e.detail.value) })}>
            <View className='yb-picker'>{expiresAt.date}</View>
          </Picker>
          <Picker mode='time' value={expiresAt.time} onChange={(e) => props.onExpiresAt({ ...expiresAt, time: String(e.detail.value) })}>
            <View className='yb-picker'>{expiresAt.time}</View>
          </Picker>
          <Text className='yb-small'>到期后居民不再看到</Text>
        </View>
      )}
      {props.error && <View className='yb-field-error'>{props.error}</View>}
    </View>
  )
}
