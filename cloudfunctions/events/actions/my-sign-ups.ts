import { eventsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { eventPhase } from '../domain/event-rules'
import { toEventSummary, toMySignup } from '../domain/event-view'
import { getEvents, listByOwner, positionsOf } from '../repo'
import { isShown, sortMine } from './load'

/**
 * 我的票: the places the caller manages (their own and their children's), with each event. Coming and open ones first
 * (soonest first), then past and cancelled ones.
 */
export const mySignUps = action(eventsContract.mySignups, async (ctx, input) => {
  const signups = (await listByOwner(ctx, ctx.openid, input.limit ?? 50)).filter(isShown)
  const events = await getEvents(ctx, [...new Set(signups.map((s) => s.eventId))])
  const viewer = await loadViewer(ctx, [...new Set(events.map((e) => e.communityId))])
  const positions = await positionsOf(ctx, signups)
  const byId = new Map(events.map((e) => [e._id, e]))
  const tickets = sortMine(signups)
    .filter((s) => byId.has(s.eventId))
    .map((s) => {
      const e = byId.get(s.eventId)!
      return { e, s, past: s.status === 'cancelled' || ['ended', 'cancelled'].includes(eventPhase(e, ctx.now)) }
    })
    .sort(
      (a, b) =>
        Number(a.past) - Number(b.past) ||
        (a.past ? b.e.startAt.getTime() - a.e.startAt.getTime() : a.e.startAt.getTime() - b.e.startAt.getTime()),
    )
  return {
    tickets: tickets.map(({ e, s }) => ({
      event: toEventSummary(e, viewer, ctx.now, []),
      signup: toMySignup(s, e, viewer, ctx.now, positions),
    })),
  }
})
