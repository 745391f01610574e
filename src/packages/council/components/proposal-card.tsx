import { Image, Text, View } from '@tarojs/components'
import { ANSWER_KIND_LABEL, CHILD_PROPOSAL_STAGE_LABEL, COUNCIL_CATEGORY_EMOJI, type CouncilCategory } from 'types/council-base'
import type { ChildProposalView } from 'types/council'

/** A child's proposal, big and simple: who ("小明 · 11岁"), its stage, what they noticed, their idea, its photo, the adult's answer. */
export function ProposalCard({ p }: { p: ChildProposalView }) {
  return (
    <View className='yb-card council-proposal'>
      <View className='yb-row'>
        <Text className='council__kid'>
          {COUNCIL_CATEGORY_EMOJI[p.category as CouncilCategory] ?? '💡'} {p.label}
        </Text>
      </View>
      <View className='council__stage'>{CHILD_PROPOSAL_STAGE_LABEL[p.stage]}</View>
      <View>👀 {p.noticed}</View>
      <View>💡 {p.idea}</View>
      {p.photoUrl && <Image className='council__photo council-proposal-photo' src={p.photoUrl} mode='aspectFill' />}
      {p.answer && (
        <View className='council__answer'>
          <View>💌 大人的回信（{ANSWER_KIND_LABEL[p.answer.kind]}）</View>
          <View className='council-answer-text'>{p.answer.text}</View>
        </View>
      )}
      {p.private?.overdue && <View className='yb-small'>⏰ 大人的回信晚了，社区会尽快回复</View>}
    </View>
  )
}
