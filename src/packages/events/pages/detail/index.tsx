import { useRef, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { ChildView } from 'types/communities'
import type { EventView, MySignup } from 'types/events'
import { PHASE_LABEL, RATING_COMMENT_MAX, SUBSCRIBE_TEMPLATES, ageBandLabel, myStatusLabel } from 'types/events-base'
import { formatShanghai } from 'types/time-format'
import CapacityBar from '@/components/capacity-bar'
import PageShell from '@/components/page-shell'
import { ErrorView, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { useAction } from '@/lib/use-action'
import SharedPreview from '@/components/shared-preview'
import { sharePath, useShare } from '@/lib/share'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import { askToBeTold } from '../../lib/subscribe'
import { ROUTES, eventsApi } from '../../api'
import './index.scss'

type Detail = { event: EventView; children: ChildView[]; isChild: boolean }
const TAGS = ['内容好', '老师耐心', '组织有序', '场地太挤', '时间不合适']
const when = (e: EventView) => `${formatShanghai(e.startAt, 'M月D日 HH:mm')}–${formatShanghai(e.endAt, 'HH:mm')}`

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
  const { busy, act, fail } = useAction(() => load(), { reloadAfterError: true })
  const [rating, setRating] = useState<{ participantId: string; score: number; tags: string[]; comment: string } | null>(null)
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
      <View className='yb-card'>
        <View className='yb-row'>
          <Text className='yb-tag'>{e.category}</Text>
          {e.allocation === 'lottery' && <Text className='yb-tag yb-tag--muted'>抽签分配</Text>}
          <Text className={`yb-tag${e.phase === 'open' ? ' yb-tag--pin' : ' yb-tag--muted'}`}>{PHASE_LABEL[e.phase]}</Text>
        </View>
        <View className='yb-hero event-detail__title'>{e.title}</View>
        <View className='event-detail__facts'>
          <Text>时间：{when(e)}</Text>
          <Text>地点：{e.place}</Text>
          <Text>年龄：{ageBandLabel(e.ageMin, e.ageMax)}（按活动当天计算）</Text>
          <Text>
            报名：{formatShanghai(e.signupOpensAt, 'M月D日 HH:mm')} 至 {formatShanghai(e.signupClosesAt, 'M月D日 HH:mm')}
          </Text>
          <Text className='yb-small'>
            取消截止：{formatShanghai(e.cancelBefore, 'M月D日 HH:mm')}
            {e.openTo === 'anyone' ? ' · 面向所有人' : ' · 本社区居民'}
          </Text>
          {e.seriesTitle && <Text className='yb-small'>课程系列：{e.seriesTitle}</Text>}
        </View>
        {e.phase !== 'cancelled' && <CapacityBar event={e} />}
      </View>

      {e.phase === 'cancelled' && (
        <View className='yb-card event-detail__cancelled'>
          <View className='yb-title'>活动已取消</View>
          {e.cancelReason && <Text>原因：{e.cancelReason}</Text>}
        </View>
      )}

      {e.mine.length > 0 && (
        <View className='yb-card event-detail__my'>
          <View className='yb-title'>我的报名</View>
          {e.mine.map((m) => (
            <View key={m.signupId} className='event-detail__mine'>
              <Text>{m.kind === 'self' ? '我' : m.displayName}</Text>
              <Text className={`event-detail__status${m.status === 'confirmed' ? ' event-detail__status--ok' : ''}`}>
                {myStatusLabel(m)}
              </Text>
              <View className='yb-spacer' />
              {m.ticketCode && !m.checkedIn && (
                <Button
                  className='yb-btn'
                  onClick={() => Taro.navigateTo({ url: `${ROUTES.ticket}?eventId=${e.eventId}&participantId=${m.participantId}` })}
                >
                  出示票码
                </Button>
              )}
              {m.canCancel && (
                <Button className='yb-btn' disabled={busy} onClick={() => cancel(e, m)}>
                  {m.status === 'waitlisted' ? '退出候补' : '取消报名'}
                </Button>
              )}
              {m.canRate && (
                <Button
                  className='yb-btn yb-btn--primary'
                  onClick={() => setRating({ participantId: m.kind === 'self' ? '' : m.participantId, score: 0, tags: [], comment: '' })}
                >
                  评价
                </Button>
              )}
              {m.rated && <Text className='yb-small'>已评价</Text>}
              {m.noShow && <Text className='yb-small'>未到场</Text>}
            </View>
          ))}
        </View>
      )}

      {rating && (
        <View className='yb-card'>
          <View className='yb-title'>给这次活动打分</View>
          <View className='event-detail__stars'>
            {[1, 2, 3, 4, 5].map((n) => (
              <View
                key={n}
                className={`yb-chip${rating.score === n ? ' yb-chip--on' : ''}`}
                onClick={() => setRating({ ...rating, score: n })}
              >
                {n} 分
              </View>
            ))}
          </View>
          <View className='yb-chips'>
            {TAGS.map((t) => (
              <View
                key={t}
                className={`yb-chip${rating.tags.includes(t) ? ' yb-chip--on' : ''}`}
                onClick={() =>
                  setRating({ ...rating, tags: rating.tags.includes(t) ? rating.tags.filter((x) => x !== t) : [...rating.tags, t] })
                }
              >
                {t}
              </View>
            ))}
          </View>
          <Textarea
            className='yb-textarea'
            value={rating.comment}
            maxlength={RATING_COMMENT_MAX}
            placeholder='说说哪里好、哪里可以改进（选填）'
            onInput={(ev) => setRating({ ...rating, comment: ev.detail.value })}
          />
          <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy || rating.score < 1} onClick={() => submitRating(e)}>
            提交评价
          </Button>
        </View>
      )}

      {e.phase === 'open' &&
        (selfAllowed || (e.viewer.canSignUpChild && freeChildren.length > 0) || (forChildren && e.viewer.canSignUp)) && (
          <View className='yb-card event-detail__signup'>
            <View className='yb-title'>{e.allocation === 'lottery' ? '登记抽签' : '报名'}</View>
            <Text className='yb-small'>
              {e.allocation === 'lottery'
                ? '报名截止后公开抽签，没抽中的按抽签顺序候补。'
                : e.counts.remaining > 0
                  ? `还剩 ${e.counts.remaining} 个名额，先到先得。`
                  : '名额已满，报名后进入候补，有人取消时按顺序递补。'}
            </Text>
            {queued && (
              <View className='event-detail__queued' role='status' aria-live='polite'>
                <Text>排队中……报名的人很多，正在为你自动重试，请不要离开本页。</Text>
              </View>
            )}
            {forChildren && (
              <View className='event-detail__for-children event-for-children'>
                <Text>这是儿童活动，请为孩子报名（{ageBandLabel(e.ageMin, e.ageMax)}）。</Text>
                {freeChildren.length === 0 && (
                  <Button
                    className='yb-btn yb-btn--block event-add-child'
                    onClick={() => Taro.navigateTo({ url: '/packages/profile/pages/children/index' })}
                  >
                    ＋ 添加孩子（称呼和出生年份）
                  </Button>
                )}
              </View>
            )}
            {selfAllowed && (
              <Button className='yb-btn yb-btn--primary yb-btn--block' disabled={busy} onClick={() => signUp(e)}>
                为自己报名
              </Button>
            )}
            {e.viewer.canSignUpChild &&
              freeChildren.map((c) => (
                <Button
                  key={c.childId}
                  className='yb-btn yb-btn--primary yb-btn--block'
                  disabled={busy}
                  onClick={() => signUp(e, c.childId)}
                >
                  为 {c.alias} 报名（{c.age} 岁）
                </Button>
              ))}
          </View>
        )}

      {e.lottery && (
        <View className='yb-card' onClick={() => Taro.navigateTo({ url: `${ROUTES.lottery}?eventId=${e.eventId}` })}>
          <View className='yb-title'>公开抽签</View>
          {e.lottery.drawnAt ? (
            <Text>
              {formatShanghai(e.lottery.drawnAt)} 抽签：{e.lottery.registrations} 人登记，{e.lottery.confirmed} 人录取，
              {e.lottery.waitlisted} 人候补。
            </Text>
          ) : (
            <Text>截止后抽签。种子已公布指纹：{e.lottery.seedCommitment.slice(0, 16)}…，抽签后公开种子，任何人都能复算。</Text>
          )}
          {e.quotas.length > 0 && (
            <View className='yb-small event-detail__quotas'>
              年龄段名额：{e.quotas.map((q) => `${q.ageMin}–${q.ageMax} 岁 ${q.places} 个`).join('，')}
              （先在各年龄段里抽，没抽满的给其他人）
            </View>
          )}
          <Text className='yb-link'>查看抽签记录</Text>
        </View>
      )}

      {e.adjustment?.status === 'closed' && e.adjustment.note && (
        <View className='yb-card event-detail__note'>
          <View className='yb-title'>我们改进了</View>
          <Text>{e.adjustment.note}</Text>
        </View>
      )}
      {e.seriesNote && e.seriesNote !== e.adjustment?.note && (
        <View className='yb-card event-detail__note'>
          <View className='yb-title'>{e.seriesTitle ?? '本系列'}的改进</View>
          <Text>{e.seriesNote}</Text>
        </View>
      )}

      <View className='yb-card'>
        <View className='yb-title'>活动介绍</View>
        <Text className='yb-notice-body'>{e.description}</Text>
        {e.rating.count > 0 && (
          <Text className='yb-small'>
            {e.rating.count} 人评价，平均 {e.rating.average} 分
          </Text>
        )}
      </View>

      {e.viewer.canManage && (
        <Button className='yb-btn yb-btn--block' onClick={() => Taro.navigateTo({ url: `${ROUTES.staffSignups}?eventId=${e.eventId}` })}>
          管理报名
        </Button>
      )}
    </PageShell>
  )
}
