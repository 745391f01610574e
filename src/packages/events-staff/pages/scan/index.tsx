import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { CheckInOutput } from 'types/events'
import { parseTicketText } from 'types/events-base'
import PageShell from '@/components/page-shell'
import { errorCopy } from '@/lib/error-copy'
import { canScan, scanTicket } from '../../lib/scan'
import { staffEventsApi } from '../../api'

type Line = { ok: boolean; text: string }

/** Staff check people in by scanning their ticket (or typing its code). A second scan of a ticket says so. */
export default function ScanPage() {
  const eventId = useRef('')
  const [code, setCode] = useState('')
  const [lines, setLines] = useState<Line[]>([])
  const [busy, setBusy] = useState(false)
  useLoad((params) => {
    eventId.current = params.eventId ?? ''
  })

  const checkIn = async (text: string | null) => {
    if (text === null) return
    const ticketCode = parseTicketText(text)
    if (!ticketCode) return setLines((l) => [{ ok: false, text: '不是院坝的票码' }, ...l])
    setBusy(true)
    const res = await staffEventsApi.checkIn(eventId.current, ticketCode)
    setBusy(false)
    if (!res.ok) {
      void Taro.vibrateShort?.({ type: 'heavy' })
      return setLines((l) => [{ ok: false, text: `${ticketCode}：${errorCopy(res.error)}` }, ...l])
    }
    const out: CheckInOutput = res.data
    setCode('')
    setLines((l) => [{ ok: true, text: `${out.signup.displayName}：${out.already ? '之前已签到' : '签到成功'}` }, ...l])
  }

  return (
    <PageShell className='scan'>
      {canScan && (
        <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={async () => checkIn(await scanTicket())}>
          扫描票码
        </Button>
      )}
      <View className='yb-card'>
        <Text className='yb-label'>{canScan ? '或输入票码' : '输入票码（票码下方的 10 位字母数字）'}</Text>
        <Input className='yb-input' value={code} maxlength={14} placeholder='例如 ABCD234567' onInput={(e) => setCode(e.detail.value)} />
        <Button className='yb-btn yb-btn--block' disabled={busy || code.trim().length === 0} onClick={() => checkIn(code)}>
          签到
        </Button>
      </View>
      {lines.map((l, i) => (
        <View key={i} className={`yb-card${l.ok ? '' : ' yb-status--forbidden'}`}>
          <Text className='yb-title'>
            {l.ok ? '✓ ' : '✗ '}
            {l.text}
          </Text>
        </View>
      ))}
    </PageShell>
  )
}
