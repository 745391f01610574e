import { useRef } from 'react'
import { useLoad } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ActionOutput } from 'types/contract'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import { useLoadState } from '@/lib/use-load-state'
import { eventsApi } from '../../api'

/** The ticket of a confirmed place: a QR code for staff to scan, and the code in large letters to read out. */
export default function TicketPage() {
  const [state, run] = useLoadState<ActionOutput<'events', 'ticket'>>()
  const ids = useRef({ eventId: '', participantId: '' })
  const load = () => run(() => eventsApi.ticket(ids.current.eventId, ids.current.participantId || undefined))
  useLoad((params) => {
    ids.current = { eventId: params.eventId ?? '', participantId: params.participantId ?? '' }
    void load()
  })
  return (
    <PageShell className='ticket'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={load} />}
      {state.kind === 'ready' && (
        <View className='yb-card' style={{ textAlign: 'center' }}>
          <View className='yb-title'>{state.data.displayName}</View>
          <Image src={state.data.qrDataUrl} style={{ width: '480rpx', height: '480rpx' }} />
          <View className='yb-hero' style={{ letterSpacing: '6rpx' }}>
            {state.data.ticketCode}
          </View>
          <Text className='yb-small'>到场后请工作人员扫码签到，或扫现场的签到码。</Text>
        </View>
      )}
    </PageShell>
  )
}
