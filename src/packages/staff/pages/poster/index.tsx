import { useRef } from 'react'
import { useLoad } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { CommunityView, CreatePosterOutput } from 'types/communities'
import type { Result } from '@/lib/cloud'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { getCurrentCommunity, staffApi } from '../../api'
import './index.scss'

type Poster = { poster: CreatePosterOutput; community: CommunityView; title: string }

async function loadPoster(communityId: string, noticeId: string, regenerate: boolean): Promise<Result<Poster>> {
  const [poster, community, notice] = await Promise.all([
    staffApi.poster(communityId, regenerate),
    staffApi.community(communityId),
    noticeId ? staffApi.notice(noticeId) : Promise.resolve(null),
  ])
  if (!poster.ok) return poster
  if (!community.ok) return community
  const title = notice?.ok ? notice.data.title : `扫码加入${community.data.name}`
  return { ok: true, data: { poster: poster.data, community: community.data, title } }
}

/**
 * Staff: a poster to print — the community's name, a title (扫码加入… or a notice's title with `?noticeId=`), the
 * mini-program code and the community code to type. Residents scan it and land on 首页 of this community.
 */
export default function PosterPage() {
  const [state, run] = useLoadState<Poster>()
  const communityId = useRef('')
  const noticeId = useRef('')
  const load = (regenerate = false) => run(() => loadPoster(communityId.current, noticeId.current, regenerate))

  useLoad((params) => {
    communityId.current = params.communityId ?? getCurrentCommunity()?.communityId ?? ''
    noticeId.current = params.noticeId ?? ''
    void load()
  })

  return (
    <PageShell className='poster'>
      {state.kind === 'loading' && <Loading text='正在生成二维码…' />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={() => load()} />}
      {state.kind === 'ready' && (
        <View className='yb-card poster__card'>
          <View className='yb-hero poster__community'>{state.data.community.name}</View>
          <View className='yb-title poster__title'>{state.data.title}</View>
          <Image className='poster__image' src={state.data.poster.url} mode='widthFix' showMenuByLongpress />
          <Text className='poster__code'>微信扫一扫 · 社区码 {state.data.community.code}</Text>
          <Text className='yb-small'>
            {state.data.community.district} · {state.data.community.street}
          </Text>
          <Text className='yb-small'>长按图片可保存或转发，打印张贴在小区公告栏、电梯口。</Text>
          <Button className='yb-btn yb-btn--block' onClick={() => load(true)}>
            重新生成
          </Button>
        </View>
      )}
    </PageShell>
  )
}
