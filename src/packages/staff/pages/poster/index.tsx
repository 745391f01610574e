import { useRef } from 'react'
import { useLoad } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { CreatePosterOutput } from 'types/communities'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { getCurrentCommunity, staffApi } from '../../api'
import './index.scss'

/** Staff: the community's mini-program code. Residents scan it and land on 首页 of this community. */
export default function PosterPage() {
  const [state, run] = useLoadState<CreatePosterOutput>()
  const communityId = useRef('')
  const load = (regenerate = false) => run(() => staffApi.poster(communityId.current, regenerate))

  useLoad((params) => {
    communityId.current = params.communityId ?? getCurrentCommunity()?.communityId ?? ''
    void load()
  })

  return (
    <PageShell className='poster'>
      {state.kind === 'loading' && <Loading text='正在生成二维码…' />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={() => load()} />}
      {state.kind === 'ready' && (
        <View className='yb-card poster__card'>
          <View className='yb-title'>扫码加入社区</View>
          <Image className='poster__image' src={state.data.url} mode='widthFix' showMenuByLongpress />
          <Text className='yb-small'>长按图片可保存或转发，打印张贴在小区公告栏、电梯口。</Text>
          <Text className='yb-small poster__scene'>场景值：{state.data.scene}</Text>
          <Button className='yb-btn yb-btn--block' onClick={() => load(true)}>
            重新生成
          </Button>
        </View>
      )}
    </PageShell>
  )
}
