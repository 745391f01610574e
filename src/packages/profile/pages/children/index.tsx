import Taro, { useDidShow } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { ProfileView } from 'types/communities'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import ChildrenCard from '../../components/children-card'
import { getCurrentCommunity, profileApi } from '../../api'

/**
 * 我的孩子, its own entry in 我的: the guardian's children by alias and age, add one, a code for a child's own WeChat,
 * and the way to enrol them in 儿童议事会. A child's own account is sent to its council instead.
 */
export default function ChildrenPage() {
  const [state, run] = useLoadState<ProfileView>()
  const load = () => run(() => profileApi.profile())
  useDidShow(() => {
    void load()
  })
  const communityId = getCurrentCommunity()?.communityId ?? null
  return (
    <PageShell className='profile-children'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && state.data.isChild && <View className='yb-card yb-small'>🧒 这是孩子自己的微信账号。</View>}
      {state.kind === 'ready' && !state.data.isChild && (
        <View>
          <ChildrenCard children={state.data.children} communityId={communityId} reload={load} />
          {!communityId && <View className='yb-card yb-small'>先扫社区的二维码加入社区，就能在这里添加孩子。</View>}
          {communityId && state.data.children.length > 0 && (
            <Button
              className='yb-btn yb-btn--block children-council'
              onClick={() => Taro.navigateTo({ url: `/packages/council/pages/index/index?communityId=${communityId}` })}
            >
              🧒 为孩子报名儿童议事会
            </Button>
          )}
        </View>
      )}
    </PageShell>
  )
}
