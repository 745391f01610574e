/**
 * Timer triggers (config.json): each is idempotent and safe to run at any time.
 *  - draw     every 5 min: give back seat claims whose sign-up was never written (their function died); draw lotteries whose sign-up has closed; finish
 *             draws left half-written (> 2 min old)
 *  - remind   every hour:  the day-before reminder for events starting within 24 h (once per event), queued
 *  - fanout   every minute: delivers queued fan-outs in batches (kernel outbox), answers pending count and oldest age
 *  - noShows  every 10 min: after the end (check-in closes), confirmed places never checked in become no-shows
 */
import type { Context } from '../_kernel/context'
import { drain, enqueue, outboxStats } from '../_kernel/outbox'
import type { TimerJob } from '../_kernel/timers'
import { REMINDER_HOURS_AHEAD } from '../../types/index'
import { noShowsDue, reminderDue } from './domain/event-rules'
import { reminderMessage } from './domain/messages'
import { applyDraw, claimDraw } from './actions/draw'
import {
  allSignups,
  eventsClaimedSince,
  listDrawCandidates,
  listEndedBetween,
  listStartingBetween,
  markNoShows,
  updateEventWhere,
} from './repo'
import { reconcileCounters, releaseAbandoned } from './seats'

const MINUTE = 60_000
const STUCK_DRAW_MS = 2 * MINUTE

export async function drawDue(ctx: Context) {
  let released = 0
  for (const event of await eventsClaimedSince(ctx, new Date(ctx.now.getTime() - 60 * MINUTE))) {
    released += await releaseAbandoned(ctx, event, ctx.now)
      .then(async (n) => n + (await reconcileCounters(ctx, event, ctx.now)))
      .catch((error) => {
        ctx.log.warn('abandoned claims not released', { eventId: event._id, error: (error as Error).message })
        return 0
      })
  }
  let drawn = 0
  let resumed = 0
  let failed = 0
  for (const event of await listDrawCandidates(ctx, ctx.now)) {
    try {
      if (event.drawState === 'none') {
        await claimDraw(ctx, event)
        await applyDraw(ctx, event._id, 'timer')
        drawn++
      } else if (ctx.now.getTime() - event.updatedAt.getTime() > STUCK_DRAW_MS) {
        await applyDraw(ctx, event._id, 'timer')
        resumed++
      }
    } catch (error) {
      failed++
      ctx.log.warn('draw failed', { eventId: event._id, error: (error as Error).message })
    }
  }
  return { released, drawn, resumed, failed }
}

export async function remindDayBefore(ctx: Context) {
  let events = 0
  let people = 0
  const until = new Date(ctx.now.getTime() + REMINDER_HOURS_AHEAD * 60 * MINUTE)
  for (const event of await listStartingBetween(ctx, ctx.now, until)) {
    if (!reminderDue(event, ctx.now)) continue
    // Claim first: at most once per event, even if two timers overlap.
    if (!(await updateEventWhere(ctx, { _id: event._id, reminderSentAt: null }, { reminderSentAt: ctx.now }))) continue
    const confirmed = await allSignups(ctx, event._id, ['confirmed'])
    const owners = confirmed.map((s) => s.ownerOpenid).filter((o): o is string => !!o)
    // Off the request path: the timer's fan-out drains it in batches sized to the quota.
    people += await enqueue(ctx, owners, `reminder:${event._id}`, reminderMessage(event))
    events++
  }
  return { events, people }
}

export async function recordNoShows(ctx: Context) {
  let events = 0
  let noShows = 0
  for (const event of await listEndedBetween(ctx, new Date(ctx.now.getTime() - 7 * 24 * 60 * MINUTE), ctx.now)) {
    if (!noShowsDue(event, ctx.now)) continue
    const count = await markNoShows(ctx, event._id, ctx.now)
    if (await updateEventWhere(ctx, { _id: event._id, noShowsRecordedAt: null }, { noShowsRecordedAt: ctx.now, noShowCount: count })) {
      events++
      noShows += count
    }
  }
  return { events, noShows }
}

/** Deliver queued fan-outs (events, proposals, council) in batches; answers what is still waiting. */
export async function drainFanout(ctx: Context) {
  const done = await drain(ctx, { budgetMs: 12_000 })
  return { ...done, ...(await outboxStats(ctx)) }
}

export const jobs: Record<string, TimerJob> = { draw: drawDue, remind: remindDayBefore, noShows: recordNoShows, fanout: drainFanout }
