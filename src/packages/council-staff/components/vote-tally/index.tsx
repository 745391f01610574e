import { View } from '@tarojs/components'
import type { AgendaItemView } from 'types/council'

type Vote = NonNullable<AgendaItemView['vote']>

/** A closed vote's count: 赞成 · 反对 · 弃权, and whether it passed (or the quorum was not met). */
export default function VoteTally({
  tally,
  quorumMet,
  passed,
}: { tally: NonNullable<Vote['tally']> } & Pick<Vote, 'quorumMet' | 'passed'>) {
  return (
    <View className='council-result'>
      赞成 {tally.yes} · 反对 {tally.no} · 弃权 {tally.abstain} · {quorumMet ? (passed ? '通过' : '未通过') : '未达法定人数'}
    </View>
  )
}
