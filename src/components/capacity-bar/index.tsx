import { Text, View } from '@tarojs/components'
import './index.scss'

/** What the bar reads of an event view (the public card, the event page and the staff pages all pass theirs). */
export interface CapacityOf {
  capacity: number
  counts: { confirmed: number; waitlisted: number; registered: number }
  allocation: string
  lottery?: { drawnAt: unknown } | null
}

/**
 * Places taken out of the capacity as a bar, with the numbers in words (colour is never the only signal):
 * 「已报 18 / 20 · 剩 2 个名额」, 「已满 · 候补 3 人」, or for a lottery 「已登记 14 人 · 10 个名额」.
 */
export default function CapacityBar({ event }: { event: CapacityOf }) {
  const { capacity } = event
  const { confirmed, waitlisted, registered } = event.counts
  const lotteryOpen = event.allocation === 'lottery' && !event.lottery?.drawnAt
  const taken = lotteryOpen ? Math.min(capacity, registered) : Math.min(capacity, confirmed)
  const share = capacity > 0 ? Math.round((taken / capacity) * 100) : 0
  const full = !lotteryOpen && confirmed >= capacity
  const text = lotteryOpen
    ? `已登记 ${registered} 人 · ${capacity} 个名额，截止后抽签`
    : full
      ? `已满 ${capacity} 人${waitlisted > 0 ? ` · 候补 ${waitlisted} 人` : ' · 可以候补'}`
      : `已报 ${confirmed} / ${capacity} · 剩 ${capacity - confirmed} 个名额`
  return (
    <View className='yb-capacity' aria-label={text}>
      <View className='yb-capacity__track'>
        <View className={`yb-capacity__fill${full ? ' yb-capacity__fill--full' : ''}`} style={{ width: `${share}%` }} />
      </View>
      <Text className='yb-small yb-capacity__text'>{text}</Text>
    </View>
  )
}
