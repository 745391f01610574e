import { Button, Text, Textarea, View } from '@tarojs/components'
import { PROPOSAL_COMMENT_MAX, type ProposalView } from 'types/proposals'
import { formatShanghai } from 'types/time-format'

/** 留言: the comments (report one), and writing one. */
export default function ProposalComments(props: {
  proposal: ProposalView
  comment: string
  busy: boolean
  onComment: (text: string) => void
  onSend: () => void
  onReport: (commentId: string) => void
}) {
  const { proposal: p, comment, busy } = props
  return (
    <>
      <View className='yb-section-title'>留言 {p.commentCount > 0 ? `(${p.commentCount})` : ''}</View>
      {p.comments.length === 0 && <View className='yb-small proposal-detail__none'>还没有留言</View>}
      {p.comments.map((c) => (
        <View key={c.commentId} className='yb-card proposal-detail__comment'>
          <View className='yb-row yb-small'>
            <Text>{c.authorName}</Text>
            <Text>{formatShanghai(c.createdAt, 'MM-DD HH:mm')}</Text>
            {c.moderation === 'review' && <Text className='yb-tag yb-tag--muted'>待审核</Text>}
            {c.hidden && <Text className='yb-tag yb-tag--muted'>已隐藏</Text>}
            <View className='yb-spacer' />
            {c.viewer.canReport && (
              <Text className='yb-link' onClick={() => props.onReport(c.commentId)}>
                举报
              </Text>
            )}
          </View>
          <View>{c.body}</View>
        </View>
      ))}
      {p.viewer.canComment && (
        <View className='yb-card'>
          <Textarea
            className='yb-textarea proposal-detail__input'
            value={comment}
            maxlength={PROPOSAL_COMMENT_MAX}
            placeholder='说说你的看法或补充情况'
            onInput={(e) => props.onComment(e.detail.value)}
          />
          <Button className='yb-btn yb-btn--block' disabled={busy || !comment.trim()} onClick={props.onSend}>
            发表留言
          </Button>
        </View>
      )}
    </>
  )
}
