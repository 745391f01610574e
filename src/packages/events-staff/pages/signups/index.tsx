import { useRef, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import type { EventView, SignupStatus, StaffSignup } from 'types/events'
import { ADJUSTMENT_NOTE_MAX, KIND_LABEL, PHASE_LABEL, WALK_IN_NAME_MAX } from 'types/events-base'
import { formatShanghai } from 'types/time-format'
import CapacityBar from '@/components/capacity-bar'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useAction } from '@/lib/use-action'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import { openSpreadsheet } from '../../lib/open-document'
import { ROUTES, staffEventsApi } from '../../api'

type Data = { event: EventView; signups: StaffSignup[]; status: SignupStatus }
const TABS: { status: SignupStatus; label: string }[] = [
  { status: 'confirmed', label: '已报名' },
  { status: 'waitlisted', label: '候补' },
  { status: 'registered', label: '待抽签' },
  { status: 'cancelled', label: '已取消' },
]

/**
 * Staff, one event: places and the waitlist in order, check-in state; export to Excel, scan tickets, book a walk-in
 * (代报名), draw the lottery, the venue check-in code, and the public answer to low ratings.
 */
/** 本人 / 孩子 / "代报名 · 张阿姨": who the place is for, and that staff signed it up (never "代报名 · 代报名"). */
export function kindLine(s: { kind: keyof typeof KIND_LABEL; source?: string; displayName: string }): string {
  if (s.kind === 'walk_in') return `${KIND_LABEL.walk_in} · ${s.displayName}`
  return `${KIND_LABEL[s.kind]}${s.source === 'proxy' ? ' · 代报名' : ''}`
}

export default function SignupsPage() {
  const [state, run, setState] = useLoadState<Data>()
  const eventId = useRef('')
  const [tab, setTab] = useState<SignupStatus>('confirmed')
  const { busy, act, fail } = useAction(() => load())
  const [walkIn, setWalkIn] = useState({ name: '', birthYear: '' })
  const [note, setNote] = useState('')
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
  const proxy = () =>
    act(async () => {
      const name = walkIn.name.trim()
      if (!name) return { code: 'INPUT.INVALID', message: 'name' }
      const birthYear = walkIn.birthYear.trim() ? Number(walkIn.birthYear) : undefined
      const res = await staffEventsApi.proxySignUp({ eventId: eventId.current, name, ...(birthYear ? { birthYear } : {}) })
      if (!res.ok) return res.error
      setWalkIn({ name: '', birthYear: '' })
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
  const closeTask = () =>
    act(async () => {
      const res = await staffEventsApi.closeAdjustment(eventId.current, note.trim())
      if (!res.ok) return res.error
      setNote('')
      if (state.kind === 'ready') setState({ kind: 'ready', data: { ...state.data, event: res.data } })
      return null
    }, '已公开改进说明')

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
      <View className='yb-card'>
        <Text className='yb-small'>
          {PHASE_LABEL[e.phase]} · {formatShanghai(e.startAt, 'M月D日 HH:mm')} · {e.place}
        </Text>
        <View className='yb-title'>{e.title}</View>
        <CapacityBar event={e} />
        <Text className='yb-small'>
          已签到 {e.counts.checkedIn} 人{e.counts.noShow ? ` · 未到 ${e.counts.noShow} 人` : ''}
        </Text>
        {e.quotas.length > 0 && (
          <View className='staff-signups__quotas'>
            <Text className='yb-label'>年龄段名额</Text>
            {e.quotas.map((q, i) => {
              const filled = e.lottery?.drawnAt ? e.lottery.quotas[i]?.filled : undefined
              return (
                <View key={`${q.ageMin}-${q.ageMax}`} className='staff-signups__quota'>
                  {q.ageMin}–{q.ageMax} 岁：保留 {q.places} 个名额{filled === undefined ? '' : `，录取 ${filled} 人`}
                </View>
              )
            })}
          </View>
        )}
        <View className='yb-row yb-actions'>
          <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={exportList}>
            导出 Excel
          </Button>
          <Button className='yb-btn' onClick={() => Taro.navigateTo({ url: `${ROUTES.scan}?eventId=${e.eventId}` })}>
            扫码签到
          </Button>
          <Button className='yb-btn' disabled={busy} onClick={showPoster}>
            现场签到码
          </Button>
          <Button
            className='yb-btn event-poster'
            onClick={() => Taro.navigateTo({ url: `/packages/staff/pages/poster/index?communityId=${e.communityId}&eventId=${e.eventId}` })}
          >
            张贴海报（扫码直达活动）
          </Button>
          {e.viewer.canEdit && (
            <Button className='yb-btn' onClick={() => Taro.navigateTo({ url: `${ROUTES.editor}?eventId=${e.eventId}` })}>
              编辑
            </Button>
          )}
          {e.viewer.canDraw && (
            <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={draw}>
              公开抽签
            </Button>
          )}
        </View>
        {poster && <Image src={poster} mode='widthFix' style={{ width: '100%' }} showMenuByLongpress />}
      </View>

      {e.adjustment?.status === 'open' && (
        <View className='yb-card'>
          <View className='yb-title'>
            评价偏低（平均 {e.rating.average} 分，{e.rating.count} 人）
          </View>
          <Text className='yb-small'>了解原因、做出改进后，写一句公开说明，会显示在活动{e.seriesTitle ? '和系列' : ''}页上。</Text>
          <Textarea
            className='yb-textarea'
            value={note}
            maxlength={ADJUSTMENT_NOTE_MAX}
            placeholder='我们改进了：…'
            onInput={(ev) => setNote(ev.detail.value)}
          />
          <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={closeTask}>
            公开改进说明
          </Button>
        </View>
      )}

      {e.status === 'published' && e.phase !== 'ended' && (
        <View className='yb-card'>
          <View className='yb-title'>代报名（到社区窗口的居民）</View>
          <View className='yb-row'>
            <Input
              className='yb-input staff-signups__name'
              value={walkIn.name}
              maxlength={WALK_IN_NAME_MAX}
              placeholder='姓名或称呼'
              onInput={(ev) => setWalkIn({ ...walkIn, name: ev.detail.value })}
            />
            <Input
              className='yb-input staff-signups__year'
              type='number'
              value={walkIn.birthYear}
              placeholder='出生年（选填）'
              onInput={(ev) => setWalkIn({ ...walkIn, birthYear: ev.detail.value })}
            />
          </View>
          <Button className='yb-btn yb-btn--block' disabled={busy} onClick={proxy}>
            代报名
          </Button>
        </View>
      )}

      <View className='yb-chips'>
        {TABS.map((t) => (
          <View key={t.status} className={`yb-chip${tab === t.status ? ' yb-chip--on' : ''}`} onClick={() => switchTab(t.status)}>
            {t.label}
          </View>
        ))}
      </View>
      {signups.length === 0 && <Empty title='还没有人报名' hint='可以把活动转发到居民群，或在下面为不用手机的居民代报名。' />}
      {signups.map((s) => (
        <View key={s.signupId} className='yb-card yb-row staff-signups__row'>
          {s.position !== null && <Text className='yb-tag yb-tag--pin'>第 {s.position} 位</Text>}
          <Text className='yb-title'>{s.displayName}</Text>
          <Text className='yb-tag yb-tag--muted signup-kind'>{kindLine(s)}</Text>
          {s.birthYear && <Text className='yb-small'>{s.birthYear} 年生</Text>}
          {s.checkedIn && <Text className='yb-tag'>已签到</Text>}
          {s.noShow && <Text className='yb-tag yb-tag--muted'>未到</Text>}
          <View className='yb-spacer' />
          {s.status !== 'cancelled' && e.status === 'published' && (
            <Button className='yb-btn' disabled={busy} onClick={() => cancelFor(s)}>
              取消
            </Button>
          )}
        </View>
      ))}
    </PageShell>
  )
}
