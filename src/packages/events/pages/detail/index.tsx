import { useRef, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@tarojs/components'
import type { ChildView } from 'types/communities'
import type { EventView, MySignup } from 'types/events'
import { SUBSCRIBE_TEMPLATES } from 'types/events-base'
import { formatShanghai } from 'types/time-format'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useAction } from '@/lib/use-action'
import SharedPreview from '@/components/shared-preview'
import { sharePath, useShare } from '@/lib/share'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import EventFacts from '../../components/event-facts'
import EventNotes from '../../components/event-notes'
import EventRating, { type Rating } from '../../components/event-rating'
import EventSignup from '../../components/event-signup'
import LotteryCard from '../../components/lottery-card'
import MySignups from '../../components/my-signups'
import { askToBeTold } from '../../lib/subscribe'
import { ROUTES, eventsApi } from '../../api'
import './index.scss'

type Detail = { event: EventView; children: ChildView[]; isChild: boolean }

async function loadDetail(eventId: string): Promise<Result<Detail>> {
  const [event, profile] = await Promise.all([eventsApi.get(eventId), eventsApi.profile()])
  if (!event.ok) return event
  return {
    ok: true,
    data: { event: event.data, children: profile.ok ? profile.data.children : [], isChild: profile.ok && profile.data.isChild },
  }
}

/**
 * One event or course: what, when, where, for whom; places left; my places (已报名 / 候补第 N 位 / 已签到) with the
 * ticket, cancelling and rating; signing up myself or a child; the lottery's public log; the answer to low ratings.
 */
export default function EventDetailPage() {
  const [state, run] = useLoadState<Detail>()
  const eventId = useRef('')
  const { busy, act } = useAction(() => load(), { reloadAfterError: true })
  const [rating, setRating] = useState<Rating | null>(null)
  /** 排队中: the platform is busy and the sign-up is being retried by itself */
  const [queued, setQueued] = useState(false)
  const load = () => run(() => loadDetail(eventId.current))

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
  useShare(() => {
    if (state.kind !== 'ready') return null
    const e = state.data.event
    const left = e.phase === 'open' && e.allocation === 'first_come' && e.counts.remaining > 0 ? `还剩 ${e.counts.remaining} 个名额 · ` : ''
    return {
      title: `${left}${e.title}（${formatShanghai(e.startAt, 'M月D日 HH:mm')}）`,
      path: sharePath('/packages/events/pages/detail/index', { eventId: e.eventId, communityId: e.communityId }),
    }
  })

  const signUp = (e: EventView, participantId?: string) =>
    act(async () => {
      await askToBeTold([SUBSCRIBE_TEMPLATES.result, SUBSCRIBE_TEMPLATES.reminder, SUBSCRIBE_TEMPLATES.cancelled])
      const res = await eventsApi.signUp(e.eventId, participantId, { onQueued: () => setQueued(true) }).finally(() => setQueued(false))
      if (!res.ok) return res.error
      const s = res.data
      const title = s.status === 'confirmed' ? '报名成功' : s.status === 'waitlisted' ? `已候补，第 ${s.position} 位` : '已登记，等待抽签'
      void Taro.showToast({ title, icon: s.status === 'confirmed' ? 'success' : 'none', duration: 2500 })
      return null
    })

  const cancel = async (e: EventView, m: MySignup) => {
    const what = m.status === 'waitlisted' ? '退出候补' : m.status === 'registered' ? '放弃抽签' : '取消报名'
    const confirm = await confirmAction({
      title: what,
      content:
        m.status === 'confirmed'
          ? `${m.kind === 'self' ? '你' : m.displayName}的名额会自动让给候补的第一位，不能恢复。`
          : m.status === 'waitlisted'
            ? '退出后候补位置不再保留。'
            : '放弃后不再参加这次抽签。',
      confirmText: what,
    })
    if (!confirm) return
    void act(async () => {
      const res = await eventsApi.cancel(e.eventId, m.kind === 'self' ? undefined : m.participantId)
      if (!res.ok) return res.error
      void Taro.showToast({ title: '已取消', icon: 'success' })
      return null
    })
  }

  const submitRating = (e: EventView) =>
    act(async () => {
      if (!rating || rating.score < 1) return { code: 'INPUT.INVALID', message: 'no score' }
      const comment = rating.comment.trim()
      const res = await eventsApi.rate({
        eventId: e.eventId,
        ...(rating.participantId ? { participantId: rating.participantId } : {}),
        score: rating.score,
        ...(rating.tags.length ? { tags: rating.tags } : {}),
        ...(comment ? { comment } : {}),
      })
      if (!res.ok) return res.error
      setRating(null)
      void Taro.showToast({ title: '谢谢你的评价', icon: 'success' })
      return null
    })

  if (state.kind === 'loading')
    return (
      <PageShell className='event-detail'>
        <Loading />
      </PageShell>
    )
  if (state.kind === 'error' && state.error.code === 'AUTH.FORBIDDEN')
    return (
      <PageShell className='event-detail'>
        <SharedPreview kind='event' id={eventId.current} onJoined={load} />
      </PageShell>
    )
  if (state.kind === 'error')
    return (
      <PageShell className='event-detail'>
        <ErrorView error={state.error} onRetry={load} />
      </PageShell>
    )
  const { event: e, children, isChild } = state.data
  const active = e.mine.filter((m) => m.status !== 'cancelled')
  const takenBy = new Set(active.map((m) => m.participantId))
  const freeChildren = children.filter((c) => !takenBy.has(c.childId))
  /** an event whose whole age band is under 18: an adult signs up a child, never themselves */
  const forChildren = e.ageMax !== null && e.ageMax < 18 && !isChild
  const selfAllowed = e.viewer.canSignUp && !forChildren

  return (
    <PageShell className='event-detail'>
      <EventFacts event={e} />

      {e.mine.length > 0 && (
        <MySignups
          event={e}
          busy={busy}
          onCancel={(m) => cancel(e, m)}
          onRate={(m) => setRating({ participantId: m.kind === 'self' ? '' : m.participantId, score: 0, tags: [], comment: '' })}
        />
      )}

      {rating && <EventRating rating={rating} busy={busy} onChange={setRating} onSubmit={() => submitRating(e)} />}

      {e.phase === 'open' &&
        (selfAllowed || (e.viewer.canSignUpChild && freeChildren.length > 0) || (forChildren && e.viewer.canSignUp)) && (
          <EventSignup
            event={e}
            freeChildren={freeChildren}
            forChildren={forChildren}
            selfAllowed={selfAllowed}
            queued={queued}
            busy={busy}
            onSignUp={(participantId) => signUp(e, participantId)}
          />
        )}

      <LotteryCard event={e} />

      <EventNotes event={e} />

      {e.viewer.canManage && (
        <Button className='yb-btn yb-btn--block' onClick={() => Taro.navigateTo({ url: `${ROUTES.staffSignups}?eventId=${e.eventId}` })}>
          管理报名
        </Button>
      )}
    </PageShell>
  )
}
