import { Button, Text, View } from '@tarojs/components'
import type { ProposalView } from 'types/proposals'
import { formatShanghai } from 'types/time-format'

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD')

/** 附议: how many neighbours support it against the threshold, the answer deadline once reached, support / take it back. */
export default function SupportCard(props: { proposal: ProposalView; busy: boolean; onSupport: () => void; onUnsupport: () => void }) {
  const { proposal: p, busy } = props
  const v = p.viewer
  const progress = Math.min(100, Math.round((p.supportCount / Math.max(1, p.threshold)) * 100))
  return (
    <View className='yb-card proposal-detail__support'>
      <View className='yb-row'>
        <Text className='yb-hero proposal-detail__count'>{p.supportCount}</Text>
        <Text>位邻居附议</Text>
        <View className='yb-spacer' />
        <Text className='yb-small'>满 {p.threshold} 人社区必答</Text>
      </View>
      <View className='proposal-detail__bar'>
        <View className='proposal-detail__fill' style={`width: ${progress}%`} />
      </View>
      {p.thresholdReached && p.answerDueAt && !p.answer?.decision.match(/accepted|rejected/) && (
        <View className={p.overdue ? 'proposal-detail__overdue' : 'yb-small'}>
          {p.overdue ? `社区答复已逾期（应于 ${day(p.answerDueAt)} 前答复）` : `已达附议人数，社区将于 ${day(p.answerDueAt)} 前答复`}
        </View>
      )}
      {p.supportOpen && p.supportUntil && <View className='yb-small'>附议截止 {day(p.supportUntil)}</View>}
      {v.canSupport && (
        <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={props.onSupport}>
          附议（我也支持）
        </Button>
      )}
      {v.canUnsupport && (
        <Button className='yb-btn yb-btn--block' disabled={busy} onClick={props.onUnsupport}>
          已附议 · 取消附议
        </Button>
      )}
      {v.isAuthor && p.supportOpen && <View className='yb-small'>这是你的建议：请邻居们来附议吧。</View>}
    </View>
  )
}
