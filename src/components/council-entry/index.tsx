import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'

/**
 * The way into 儿童议事会 from 首页 / 我的: a big friendly button; staff also get the management screen; everyone else a
 * way for a child's own WeChat to enter the guardian's binding code (in the profile subpackage) — not for an account
 * that is already a child's or a guardian's (`childLink={false}`).
 */
export default function CouncilEntry({
  communityId,
  canManage,
  childLink = true,
}: {
  communityId: string
  canManage?: boolean
  childLink?: boolean
}) {
  const go = (url: string) => Taro.navigateTo({ url: `${url}?communityId=${communityId}` })
  return (
    <View className='yb-card yb-council-entry'>
      <Button className='yb-btn yb-btn--block yb-council-entry__main' onClick={() => go('/packages/council/pages/index/index')}>
        🧒 儿童议事会
      </Button>
      {!canManage && childLink && (
        <View
          className='yb-link yb-council-entry__link child-link-entry'
          onClick={() => Taro.navigateTo({ url: '/packages/profile/pages/edit/index?link=1' })}
        >
          我是孩子，输入绑定码
        </View>
      )}
      {canManage && (
        <Button className='yb-btn yb-btn--block' onClick={() => go('/packages/council-staff/pages/index/index')}>
          议事会管理
        </Button>
      )}
    </View>
  )
}
