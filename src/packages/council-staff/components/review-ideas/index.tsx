import Taro from '@tarojs/taro'
import { Button, Image, View } from '@tarojs/components'
import type { StaffBoardOutput } from 'types/council'
import type { Result } from '@/lib/cloud'
import { Empty } from '@/components/status-view'
import { councilStaffApi } from '../../api'

/** 待审核的建议: each child's idea and photo, seen by staff before anyone else; 通过 or 不通过. */
export default function ReviewIdeas({ board, act }: { board: StaffBoardOutput; act: (p: Promise<Result<unknown>>, done: string) => void }) {
  return (
    <>
      <View className='yb-section-title'>待审核的建议</View>
      {board.pendingReview.length === 0 && <Empty title='没有待审核的建议' hint='孩子交上来的主意会先在这里给你看。' />}
      {board.pendingReview.map((p) => (
        <View key={p.proposalId} className='yb-card council-staff-review'>
          <View className='yb-title'>{p.label}</View>
          <View>👀 {p.noticed}</View>
          <View>💡 {p.idea}</View>
          {p.photoUrl && (
            <View className='council-staff-photo'>
              <Image
                className='council-staff__photo'
                src={p.photoUrl}
                mode='aspectFill'
                onClick={() => Taro.previewImage({ urls: [p.photoUrl!], current: p.photoUrl! })}
              />
              <View className='yb-small'>通过后，社区里的大家都能看到这张照片；照片里有人脸或隐私时请不要通过。</View>
            </View>
          )}
          <View className='yb-row yb-actions'>
            <Button
              className='yb-btn yb-btn--primary'
              onClick={() => act(councilStaffApi.review({ proposalId: p.proposalId, decision: 'approve' }), '已通过')}
            >
              通过
            </Button>
            <Button
              className='yb-btn'
              onClick={() => act(councilStaffApi.review({ proposalId: p.proposalId, decision: 'reject' }), '已标记不通过，请给孩子回信')}
            >
              不通过
            </Button>
          </View>
        </View>
      ))}
    </>
  )
}
