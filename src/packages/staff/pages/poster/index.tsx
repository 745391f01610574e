import { useRef } from 'react'
import { useLoad } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { CommunityView, CreatePosterOutput } from 'types/communities'
import type { Result } from '@/lib/cloud'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { getCurrentCommunity, staffApi, type PosterOf } from '../../api'
import './index.scss'

type Poster = { poster: CreatePosterOutput; community: CommunityView; title: string }

async function loadPoster(communityId: string, of: PosterOf, regenerate: boolean): Promise<Result<Poster>> {
  const [poster, community] = await Promise.all([staffApi.poster(communityId, of, regenerate), staffApi.community(communityId)])
  if (!poster.ok) return poster
  if (!community.ok) return community
  const title = poster.data.target?.title ?? `扫码加入${community.data.name}`
  return { ok: true, data: { poster: poster.data, community: community.data, title } }
}

const SCAN_HINT = { notice: '微信扫一扫，直接打开这条通知', event: '微信扫一扫，直接打开这个活动' } as const

/**
 * Staff: a poster to print — the community's name, a title and the mini-program code. The community's own poster
 * (扫码加入…, with the community code to type) lands on 首页; with `?noticeId=` or `?eventId=` the code opens that
 * notice or event itself (scene `s=<share code>`; someone who never joined sees it with a join button).
 */
export default function PosterPage() {
  const [state, run] = useLoadState<Poster>()
  const communityId = useRef('')
  const of = useRef<PosterOf>({})
  const load = (regenerate = false) => run(() => loadPoster(communityId.current, of.current, regenerate))

  useLoad((params) => {
    communityId.current = params.communityId ?? getCurrentCommunity()?.communityId ?? ''
    of.current = params.eventId ? { eventId: params.eventId } : params.noticeId ? { noticeId: params.noticeId } : {}
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
          <Text className='poster__code'>
            {state.data.poster.target ? SCAN_HINT[state.data.poster.target.kind] : `微信扫一扫 · 社区码 ${state.data.community.code}`}
          </Text>
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
