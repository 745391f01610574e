import { useRef, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import type { EventView, SignupStatus, StaffSignup } from 'types/events'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useAction } from '@/lib/use-action'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import AdjustmentTask from '../../components/adjustment-task'
import SignupList from '../../components/signup-list'
import SignupsSummary from '../../components/signups-summary'
import WalkInSignup from '../../components/walk-in-signup'
import { openSpreadsheet } from '../../lib/open-document'
import { staffEventsApi } from '../../api'

type Data = { event: EventView; signups: StaffSignup[]; status: SignupStatus }
/**
 * Staff, one event: places and the waitlist in order, check-in state; export to Excel, scan tickets, book a walk-in
 * (代报名), draw the lottery, the venue check-in code, and the public answer to low ratings.
 */
export default function SignupsPage() {
  const [state, run, setState] = useLoadState<Data>()
  const eventId = useRef('')
  const [tab, setTab] = useState<SignupStatus>('confirmed')
  const { busy, act } = useAction(() => load())
  const [poster, setPoster] = useState<string | null>(null)

  const load = (status: SignupStatus = tab) =>
    run(async (): Promise<Result<Data>> => {
      const [event, list] = await Promise.all([
        staffEventsApi.get(eventId.current),
        staffEventsApi.signups({ eventId: eventId.current, status, limit: 100 }),
      ])
      if (!event.ok) return event
      if (!list.ok) return list
      return { ok: true, data: { event: event.data, signups: list.data.signups, status } }
    })
  useLoad((params) => {
    eventId.current = params.eventId ?? ''
  })
  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  const switchTab = (status: SignupStatus) => {
    setTab(status)
    void load(status)
  }

  const exportList = () =>
    act(async () => {
      const res = await staffEventsApi.exportList(eventId.current)
      if (!res.ok) return res.error
      try {
        await openSpreadsheet(res.data.url, res.data.fileName)
      } catch {
        void Taro.setClipboardData({ data: res.data.url })
        void Taro.showToast({ title: '无法直接打开，下载链接已复制', icon: 'none' })
      }
      return null
    })
  /** answers whether it went through (the form then empties) */
  const proxy = async (typedName: string, typedYear: string) => {
    let done = false
    await act(async () => {
      const name = typedName.trim()
      if (!name) return { code: 'INPUT.INVALID', message: 'name' }
      const birthYear = typedYear.trim() ? Number(typedYear) : undefined
      const res = await staffEventsApi.proxySignUp({ eventId: eventId.current, name, ...(birthYear ? { birthYear } : {}) })
      if (!res.ok) return res.error
      done = true
      void Taro.showToast({
        title:
          res.data.status === 'confirmed'
            ? '已代报名'
            : res.data.status === 'waitlisted'
              ? `已候补第 ${res.data.position} 位`
              : '已登记抽签',
        icon: 'none',
      })
      return null
    })
    return done
  }
  const cancelFor = async (s: StaffSignup) => {
    const confirm = await confirmAction({
      title: '取消报名',
      content: `为“${s.displayName}”取消？名额会让给候补第一位。`,
      confirmText: '取消报名',
    })
    if (confirm)
      void act(async () => ((r) => (r.ok ? null : r.error))(await staffEventsApi.cancelFor(eventId.current, s.participantId)), '已取消')
  }
  const draw = async () => {
    const confirm = await confirmAction({ title: '公开抽签', content: '抽签结果公开且不能重抽。现在抽签吗？', confirmText: '抽签' })
    if (confirm) void act(async () => ((r) => (r.ok ? null : r.error))(await staffEventsApi.draw(eventId.current)), '已抽签')
  }
  const showPoster = () =>
    act(async () => {
      const res = await staffEventsApi.venuePoster(eventId.current)
      if (!res.ok) return res.error
      setPoster(res.data.url)
      return null
    })
  const closeTask = async (note: string) => {
    let done = false
    await act(async () => {
      const res = await staffEventsApi.closeAdjustment(eventId.current, note)
      if (!res.ok) return res.error
      done = true
      if (state.kind === 'ready') setState({ kind: 'ready', data: { ...state.data, event: res.data } })
      return null
    }, '已公开改进说明')
    return done
  }

  if (state.kind === 'loading')
    return (
      <PageShell className='staff-signups'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='staff-signups'>
        <ErrorView error={state.error} onRetry={() => load()} />
      </PageShell>
    )
  const { event: e, signups } = state.data
  if (!e.viewer.canManage)
    return (
      <PageShell className='staff-signups'>
        <Forbidden />
      </PageShell>
    )

  return (
    <PageShell className='staff-signups'>
      <SignupsSummary event={e} busy={busy} poster={poster} onExport={exportList} onPoster={showPoster} onDraw={draw} />
      {e.adjustment?.status === 'open' && <AdjustmentTask event={e} busy={busy} onClose={closeTask} />}
      {e.status === 'published' && e.phase !== 'ended' && <WalkInSignup busy={busy} onSignUp={proxy} />}
      <SignupList event={e} tab={tab} signups={signups} busy={busy} onTab={switchTab} onCancel={cancelFor} />
    </PageShell>
  )
}
