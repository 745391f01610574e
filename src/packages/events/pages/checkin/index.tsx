import { useRef } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ActionOutput } from 'types/contract'
import { parseVenueScene } from 'types/events-base'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { ROUTES, eventsApi } from '../../api'

/** After scanning the venue code (scene `a=<code>`): check in every place I hold on that event (me and my children). */
export default function CheckInPage() {
  const [state, run] = useLoadState<ActionOutput<'events', 'checkInAtVenue'>>()
  const code = useRef('')
  const load = () => run(() => eventsApi.checkInAtVenue(code.current))
  useLoad((params) => {
    code.current = params.code ?? parseVenueScene(params.scene) ?? ''
    void load()
  })
  return (
    <PageShell className='checkin'>
      {state.kind === 'loading' && <Loading text='正在签到…' />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && (
        <View className='yb-card'>
          <View className='yb-hero'>签到成功</View>
          <View className='yb-title'>{state.data.title}</View>
          {state.data.checkedIn.map((c) => (
            <Text key={c.participantId} className='yb-row'>
              {c.displayName}：{c.already ? '之前已签到' : '已签到'}
            </Text>
          ))}
          <Button
            className='yb-btn yb-btn--block'
            onClick={() => Taro.redirectTo({ url: `${ROUTES.detail}?eventId=${state.data.eventId}` })}
          >
            查看活动
          </Button>
        </View>
      )}
    </PageShell>
  )
}
