import { Text, View } from '@tarojs/components'
import type { ProposalSummary } from 'types/proposals'
import { PROPOSAL_STATUS_LABEL } from 'types/proposals-labels'
import { formatShanghai } from 'types/time-format'
import './index.scss'

/**
 * One proposal in a list: status and category, title, excerpt, who (a nickname or 居民 — never more), supports
 * against the threshold while supports are open, and the date. Colour is never the only signal: the status is text.
 */
export default function ProposalCard({ proposal, onOpen }: { proposal: ProposalSummary; onOpen: () => void }) {
  const p = proposal
  const when = p.publishedAt ?? p.createdAt
  const progress = Math.min(100, Math.round((p.supportCount / Math.max(1, p.threshold)) * 100))
  return (
    <View className='yb-card yb-proposal-card' onClick={onOpen}>
      <View className='yb-row'>
        <Text className={`yb-tag yb-proposal-card__status yb-proposal-card__status--${p.status}`}>{PROPOSAL_STATUS_LABEL[p.status]}</Text>
        <Text className='yb-tag yb-tag--muted'>{p.category}</Text>
        {p.thresholdReached && <Text className='yb-tag yb-tag--pin'>附议达标</Text>}
        {p.overdue && <Text className='yb-tag yb-proposal-card__overdue'>答复逾期</Text>}
        {p.hidden && <Text className='yb-tag yb-tag--muted'>已隐藏</Text>}
      </View>
      <View className='yb-title yb-proposal-card__title'>{p.title}</View>
      {p.excerpt && <View className='yb-proposal-card__excerpt'>{p.excerpt}</View>}
      {p.supportOpen && (
        <View className='yb-proposal-card__bar' aria-label={`附议 ${p.supportCount} / ${p.threshold}`}>
          <View className='yb-proposal-card__fill' style={`width: ${progress}%`} />
        </View>
      )}
      <View className='yb-row yb-small'>
        <Text>{p.authorName ?? '作者已撤回'}</Text>
        <Text>{formatShanghai(when, 'MM-DD')}</Text>
        <View className='yb-spacer' />
        <Text className='yb-proposal-card__count'>
          {p.supportOpen ? `附议 ${p.supportCount}/${p.threshold}` : `${p.supportCount} 人附议`}
        </Text>
        {p.commentCount > 0 && <Text>{p.commentCount} 条留言</Text>}
      </View>
    </View>
  )
}
