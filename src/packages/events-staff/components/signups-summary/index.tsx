import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { EventView } from 'types/events'
import { PHASE_LABEL } from 'types/events-base'
import { formatShanghai } from 'types/time-format'
import CapacityBar from '@/components/capacity-bar'
import { ROUTES } from '../../api'

/** The event at a glance for staff: places, check-ins, age-band quotas; 导出 Excel, 扫码签到, 现场签到码, 张贴海报, 编辑, 公开抽签. */
export default function SignupsSummary(props: {
  event: EventView
  busy: boolean
  poster: string | null
  onExport: () => void
  onPoster: () => void
  onDraw: () => void
}) {
  const { event: e, busy } = props
  return (
    <View className='yb-card'>
      <Text className='yb-small'>
        {PHASE_LABEL[e.phase]} · {formatShanghai(e.startAt, 'M月D日 HH:mm')} · {e.place}
      </Text>
      <View className='yb-title'>{e.title}</View>
      <CapacityBar event={e} />
      <Text className='yb-small'>
        已签到 {e.counts.checkedIn} 人{e.counts.noShow ? ` · 未到 ${e.counts.noShow} 人` : ''}
      </Text>
      {e.quotas.length > 0 && (
        <View className='staff-signups__quotas'>
          <Text className='yb-label'>年龄段名额</Text>
          {e.quotas.map((q, i) => {
            const filled = e.lottery?.drawnAt ? e.lottery.quotas[i]?.filled : undefined
            return (
              <View key={`${q.ageMin}-${q.ageMax}`} className='staff-signups__quota'>
                {q.ageMin}–{q.ageMax} 岁：保留 {q.places} 个名额{filled === undefined ? '' : `，录取 ${filled} 人`}
              </View>
            )
          })}
        </View>
      )}
      <View className='yb-row yb-actions'>
        <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={props.onExport}>
          导出 Excel
        </Button>
        <Button className='yb-btn' onClick={() => Taro.navigateTo({ url: `${ROUTES.scan}?eventId=${e.eventId}` })}>
          扫码签到
        </Button>
        <Button className='yb-btn' disabled={busy} onClick={props.onPoster}>
          现场签到码
        </Button>
        <Button
          className='yb-btn event-poster'
          onClick={() => Taro.navigateTo({ url: `/packages/staff/pages/poster/index?communityId=${e.communityId}&eventId=${e.eventId}` })}
        >
          张贴海报（扫码直达活动）
        </Button>
        {e.viewer.canEdit && (
          <Button className='yb-btn' onClick={() => Taro.navigateTo({ url: `${ROUTES.editor}?eventId=${e.eventId}` })}>
            编辑
          </Button>
        )}
        {e.viewer.canDraw && (
          <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={props.onDraw}>
            公开抽签
          </Button>
        )}
      </View>
      {props.poster && <Image src={props.poster} mode='widthFix' style={{ width: '100%' }} showMenuByLongpress />}
    </View>
  )
}
