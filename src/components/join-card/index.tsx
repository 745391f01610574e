import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { CommunityView } from 'types/communities'
import { communitiesApi } from '../../lib/api'
import { setCurrentCommunity } from '../../lib/current-community'
import { errorCopy } from '../../lib/error-copy'

/** Not a member yet: what this community is, and one button to join it (as scanning its code would). */
export default function JoinCard({ community, onJoined, hint }: { community: CommunityView; onJoined: () => unknown; hint?: string }) {
  const join = async () => {
    const joined = await communitiesApi.join(community.code)
    if (!joined.ok) return Taro.showToast({ title: errorCopy(joined.error), icon: 'none', duration: 3000 })
    setCurrentCommunity({ communityId: community.communityId, name: community.name, code: community.code })
    void Taro.showToast({ title: `已加入${community.name}`, icon: 'none' })
    onJoined()
  }
  return (
    <View className='yb-card home-join'>
      <View className='yb-hero home__name'>{community.name}</View>
      <View className='yb-small'>
        {community.district} · {community.street}
      </View>
      <View className='home-join__text'>{hint ?? '加入后可以看社区通知、报名活动、提建议和附议。'}</View>
      {community.viewer.canJoin && (
        <Button className='yb-btn yb-btn--primary yb-btn--block home-join-btn' onClick={join}>
          加入{community.name}
        </Button>
      )}
    </View>
  )
}
