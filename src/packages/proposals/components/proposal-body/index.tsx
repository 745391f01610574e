import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { PROPOSAL_STATUS_LABEL, type ProposalView } from 'types/proposals'
import { formatShanghai } from 'types/time-format'

const day = (iso: string) => formatShanghai(iso, 'YYYY-MM-DD')

/** The proposal itself: status, category, title, who and when, the place, the text and photos; a review's reason. */
export default function ProposalBody({ proposal: p }: { proposal: ProposalView }) {
  return (
    <>
      <View className='yb-card'>
        <View className='yb-row'>
          <Text className='yb-tag proposal-detail__status'>{PROPOSAL_STATUS_LABEL[p.status]}</Text>
          <Text className='yb-tag yb-tag--muted'>{p.category}</Text>
          {p.hidden && <Text className='yb-tag yb-tag--muted'>已隐藏，等待工作人员处理</Text>}
          {p.moderation === 'review' && <Text className='yb-tag yb-tag--muted'>内容待人工审核</Text>}
        </View>
        <View className='yb-hero proposal-detail__title'>{p.title}</View>
        <View className='yb-small'>
          {p.authorName ?? '作者已撤回'} · {p.publishedAt ? `公示于 ${day(p.publishedAt)}` : `提交于 ${day(p.createdAt)}`}
        </View>
        {p.place && <View className='yb-small'>地点：{p.place}</View>}
        <View className='yb-notice-body proposal-detail__body'>{p.description}</View>
        {p.photos.length > 0 && (
          <View className='proposal-detail__photos'>
            {p.photos.map((ph) => (
              <Image
                key={ph.fileId}
                className='proposal-detail__photo'
                src={ph.url}
                mode='aspectFill'
                aria-label='照片，点按放大'
                onClick={() => Taro.previewImage({ urls: p.photos.map((x) => x.url), current: ph.url })}
              />
            ))}
          </View>
        )}
      </View>

      {p.review && (p.status === 'returned' || p.status === 'refused') && (
        <View className='yb-card proposal-detail__review'>
          <Text className='yb-label'>{p.status === 'returned' ? '工作人员请你补充修改' : '未通过审核的原因'}</Text>
          <Text>{p.review.reason}</Text>
        </View>
      )}
    </>
  )
}
