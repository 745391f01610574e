import { Text, View } from '@tarojs/components'
import type { EventView } from 'types/events'
import { PHASE_LABEL, ageBandLabel } from 'types/events-base'
import { formatShanghai } from 'types/time-format'
import CapacityBar from '@/components/capacity-bar'

const when = (e: EventView) => `${formatShanghai(e.startAt, 'M月D日 HH:mm')}–${formatShanghai(e.endAt, 'HH:mm')}`

/** 活动信息: what, when, where, for whom, sign-up window and places left; and, when it is off, that it was cancelled. */
export default function EventFacts({ event: e }: { event: EventView }) {
  return (
    <>
      <View className='yb-card'>
        <View className='yb-row'>
          <Text className='yb-tag'>{e.category}</Text>
          {e.allocation === 'lottery' && <Text className='yb-tag yb-tag--muted'>抽签分配</Text>}
          <Text className={`yb-tag${e.phase === 'open' ? ' yb-tag--pin' : ' yb-tag--muted'}`}>{PHASE_LABEL[e.phase]}</Text>
        </View>
        <View className='yb-hero event-detail__title'>{e.title}</View>
        <View className='event-detail__facts'>
          <Text>时间：{when(e)}</Text>
          <Text>地点：{e.place}</Text>
          <Text>年龄：{ageBandLabel(e.ageMin, e.ageMax)}（按活动当天计算）</Text>
          <Text>
            报名：{formatShanghai(e.signupOpensAt, 'M月D日 HH:mm')} 至 {formatShanghai(e.signupClosesAt, 'M月D日 HH:mm')}
          </Text>
          <Text className='yb-small'>
            取消截止：{formatShanghai(e.cancelBefore, 'M月D日 HH:mm')}
            {e.openTo === 'anyone' ? ' · 面向所有人' : ' · 本社区居民'}
          </Text>
          {e.seriesTitle && <Text className='yb-small'>课程系列：{e.seriesTitle}</Text>}
        </View>
        {e.phase !== 'cancelled' && <CapacityBar event={e} />}
      </View>

      {e.phase === 'cancelled' && (
        <View className='yb-card event-detail__cancelled'>
          <View className='yb-title'>活动已取消</View>
          {e.cancelReason && <Text>原因：{e.cancelReason}</Text>}
        </View>
      )}
    </>
  )
}
