import { Button, Textarea, View } from '@tarojs/components'
import { RATING_COMMENT_MAX } from 'types/events-base'

export type Rating = { participantId: string; score: number; tags: string[]; comment: string }
const TAGS = ['内容好', '老师耐心', '组织有序', '场地太挤', '时间不合适']

/** 给这次活动打分: 1–5 分, a few tags, an optional comment. */
export default function EventRating(props: { rating: Rating; busy: boolean; onChange: (r: Rating) => void; onSubmit: () => void }) {
  const { rating, onChange } = props
  return (
    <View className='yb-card'>
      <View className='yb-title'>给这次活动打分</View>
      <View className='event-detail__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View key={n} className={`yb-chip${rating.score === n ? ' yb-chip--on' : ''}`} onClick={() => onChange({ ...rating, score: n })}>
            {n} 分
          </View>
        ))}
      </View>
      <View className='yb-chips'>
        {TAGS.map((t) => (
          <View
            key={t}
            className={`yb-chip${rating.tags.includes(t) ? ' yb-chip--on' : ''}`}
            onClick={() =>
              onChange({ ...rating, tags: rating.tags.includes(t) ? rating.tags.filter((x) => x !== t) : [...rating.tags, t] })
            }
          >
            {t}
          </View>
        ))}
      </View>
      <Textarea
        className='yb-textarea'
        value={rating.comment}
        maxlength={RATING_COMMENT_MAX}
        placeholder='说说哪里好、哪里可以改进（选填）'
        onInput={(ev) => onChange({ ...rating, comment: ev.detail.value })}
      />
      <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={props.busy || rating.score < 1} onClick={props.onSubmit}>
        提交评价
      </Button>
    </View>
  )
}
