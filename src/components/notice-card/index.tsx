import { Text, View } from '@tarojs/components'
import type { NoticeSummary } from '../../../types/notices'
import { formatShanghai } from '../../../types/time-format'
import './index.scss'

const STATE_LABEL: Record<NoticeSummary['state'], string> = {
  draft: '草稿',
  scheduled: '定时发布',
  live: '已发布',
  expired: '已过期',
}

/** One notice in a list: pinned mark, category, title, excerpt, time (Asia/Shanghai) and read count. */
export default function NoticeCard({ notice, showState, onOpen }: { notice: NoticeSummary; showState?: boolean; onOpen: () => void }) {
  const when = notice.publishAt ?? notice.updatedAt
  return (
    <View className='yb-card yb-notice-card' onClick={onOpen}>
      <View className='yb-row'>
        {notice.pinned && <Text className='yb-tag yb-tag--pin'>置顶</Text>}
        <Text className='yb-tag'>{notice.category}</Text>
        {showState && <Text className='yb-tag yb-tag--muted'>{STATE_LABEL[notice.state]}</Text>}
        {notice.moderation === 'review' && <Text className='yb-tag yb-tag--muted'>待审核</Text>}
      </View>
      <View className='yb-title yb-notice-card__title'>{notice.title}</View>
      {notice.excerpt && <View className='yb-notice-card__excerpt'>{notice.excerpt}</View>}
      <View className='yb-row yb-small'>
        <Text>{notice.state === 'draft' ? `更新于 ${formatShanghai(when)}` : formatShanghai(when)}</Text>
        <View className='yb-spacer' />
        <Text>{notice.readCount} 人已读</Text>
      </View>
    </View>
  )
}
