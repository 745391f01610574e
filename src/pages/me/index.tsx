import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Image, Switch, Text, View } from '@tarojs/components'
import type { CommunityRole, CommunityView, MyCommunitiesOutput, ProfileView } from 'types/communities'
import PageShell from '@/components/page-shell'
import CouncilEntry from '@/components/council-entry'
import WorkbenchEntry from '@/components/workbench-entry'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import { communitiesApi } from '@/lib/api'
import type { Result } from '@/lib/cloud'
import { getCurrentCommunity, setCurrentCommunity } from '@/lib/current-community'
import { setElderPreference, useElder } from '@/lib/elder'
import { useLoadState } from '@/lib/use-load-state'
import { refreshUnread } from '@/lib/unread'
import { useState } from 'react'
import { PROPOSAL_ROUTES } from '@/lib/proposals-api'
import { EVENT_ROUTES } from '@/lib/events-api'
import './index.scss'

const ROLE_LABEL: Record<CommunityRole, string> = { resident: '居民', staff: '社区工作人员' }

type Me = { profile: ProfileView; mine: MyCommunitiesOutput }

async function loadMe(): Promise<Result<Me>> {
  const [profile, mine] = await Promise.all([communitiesApi.profile(), communitiesApi.mine()])
  if (!profile.ok) return profile
  if (!mine.ok) return mine
  return { ok: true, data: { profile: profile.data, mine: mine.data } }
}

export default function MePage() {
  const [state, run] = useLoadState<Me>()
  const elder = useElder()
  const refresh = () => run(loadMe)
  const [unread, setUnread] = useState(0)
  useDidShow(() => {
    void refresh()
    void refreshUnread().then((n) => n !== null && setUnread(n))
  })

  const currentId = getCurrentCommunity()?.communityId
  const switchTo = (c: CommunityView) => {
    setCurrentCommunity({ communityId: c.communityId, name: c.name, code: c.code })
    void Taro.switchTab({ url: '/pages/home/index' })
  }

  const communityRow = (c: CommunityView, role: string) => (
    <View key={c.communityId} className='me__community' onClick={() => switchTo(c)}>
      <View className='me__community-main'>
        <View className='me__community-name'>{c.name}</View>
        <View className='yb-small'>
          {c.district} · {c.street}
        </View>
      </View>
      <Text className='yb-tag'>{role}</Text>
      {c.communityId === currentId && <Text className='yb-tag yb-tag--pin'>当前</Text>}
    </View>
  )

  return (
    <PageShell className='me'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={refresh} />}
      {state.kind === 'ready' && (
        <View>
          <View className='yb-card me__profile'>
            {state.data.profile.avatarUrl ? (
              <Image className='me__avatar' src={state.data.profile.avatarUrl} mode='aspectFill' />
            ) : (
              <View className='me__avatar me__avatar--empty'>{(state.data.profile.nickname ?? '邻').slice(0, 1)}</View>
            )}
            <View className='me__who'>
              <View className='yb-title'>{state.data.profile.nickname ?? '未设置昵称'}</View>
              {state.data.profile.isDistrictAdmin && <Text className='yb-tag yb-tag--pin'>区级管理员</Text>}
            </View>
            <Button className='yb-btn' onClick={() => Taro.navigateTo({ url: '/packages/profile/pages/edit/index' })}>
              编辑资料
            </Button>
          </View>

          {(state.data.mine.communities.length > 0 || state.data.mine.administered.length === 0) && (
            <View className='yb-section-title'>我的社区</View>
          )}
          {state.data.mine.communities.length === 0 && state.data.mine.administered.length === 0 && (
            <Empty title='还没有加入社区' hint='用微信扫描社区二维码即可加入。' />
          )}
          {state.data.mine.communities.length > 0 && (
            <View className='yb-card'>{state.data.mine.communities.map((m) => communityRow(m.community, ROLE_LABEL[m.role]))}</View>
          )}
          {!state.data.profile.isChild && (
            <View
              className='yb-card yb-row me__inbox me__children'
              onClick={() => Taro.navigateTo({ url: '/packages/profile/pages/children/index' })}
            >
              <View className='yb-title'>我的孩子</View>
              <View className='yb-spacer' />
              <View className='yb-small'>
                {state.data.profile.children.length > 0
                  ? state.data.profile.children.map((c) => c.alias).join('、')
                  : '添加孩子，报名儿童议事会'}
              </View>
            </View>
          )}
          {(state.data.profile.children.length > 0 || state.data.profile.isChild) && currentId && (
            <CouncilEntry communityId={currentId} childLink={false} />
          )}
          {currentId && (
            <WorkbenchEntry
              communityId={currentId}
              canManage={
                state.data.profile.isDistrictAdmin ||
                state.data.mine.communities.some((m) => m.community.communityId === currentId && m.role === 'staff')
              }
            />
          )}

          {state.data.mine.administered.length > 0 && (
            <View>
              <View className='yb-section-title'>管理的社区</View>
              <View className='yb-card'>{state.data.mine.administered.map((c) => communityRow(c, '区级管理'))}</View>
            </View>
          )}
        </View>
      )}

      <View className='yb-card yb-row me__inbox me__tickets' onClick={() => Taro.navigateTo({ url: EVENT_ROUTES.tickets })}>
        <View className='yb-title'>我的票</View>
        <View className='yb-spacer' />
        <View className='yb-small'>报名的活动、候补和签到</View>
      </View>

      <View
        className='yb-card yb-row me__inbox me__messages'
        aria-label={unread > 0 ? `我的消息，${unread} 条未读` : '我的消息'}
        onClick={() => Taro.navigateTo({ url: PROPOSAL_ROUTES.inbox })}
      >
        <View className='yb-title'>我的消息</View>
        {unread > 0 && <Text className='yb-badge me-unread-badge'>{unread > 99 ? '99+' : unread}</Text>}
        <View className='yb-spacer' />
        <View className='yb-small'>报名、建议和议事会的消息</View>
      </View>

      <View className='yb-section-title'>显示</View>
      <View className='yb-card me__elder'>
        <View className='me__elder-text'>
          <View className='yb-title'>长辈版</View>
          <View className='yb-small'>字更大、按钮更大。默认跟随微信的字体大小设置。</View>
        </View>
        <Switch
          className='me__switch'
          checked={elder.elder}
          color='#b5452b'
          onChange={(e) => setElderPreference(e.detail.value ? 'on' : 'off')}
        />
      </View>
      {elder.preference !== 'auto' && (
        <View className='yb-link' onClick={() => setElderPreference('auto')}>
          恢复跟随微信字体设置
        </View>
      )}
    </PageShell>
  )
}
