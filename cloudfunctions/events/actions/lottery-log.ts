import { eventsContract, type DrawDoc, type EventDoc, type LotteryLog } from '../../../types/index'
import { action } from '../../_kernel/router'
import { entryKey } from '../domain/lottery'
import { getDraw, listByOwnerFor } from '../repo'
import { loadVisibleEvent } from './load'

/** The public allocation log: seed (once drawn), commitment, time, counts and the anonymous entries and order. */
export function toLotteryLog(event: EventDoc, draw: DrawDoc | null, mine: string[]): LotteryLog {
  return {
    eventId: event._id,
    algorithm: draw?.algorithm ?? '',
    capacity: draw?.capacity ?? event.capacity,
    seedCommitment: draw?.seedCommitment ?? event.seedCommitment ?? '',
    seed: draw?.seed ?? null,
    drawnAt: draw ? draw.drawnAt.toISOString() : null,
    quotas: draw?.quotas ?? event.quotas.map((q) => ({ ...q, filled: 0 })),
    entries: draw?.entries ?? [],
    order: draw?.order ?? [],
    winners: draw?.winners ?? [],
    waitlist: draw?.waitlist ?? [],
    confirmed: draw?.confirmed ?? 0,
    waitlisted: draw?.waitlisted ?? 0,
    mine,
  }
}

/** Anyone who can see the event can read its draw and recompute it; the caller also gets their own keys. */
export const lotteryLog = action(eventsContract.lotteryLog, async (ctx, input) => {
  const { event } = await loadVisibleEvent(ctx, input.eventId)
  const [draw, mine] = await Promise.all([getDraw(ctx, event._id), listByOwnerFor(ctx, ctx.openid, [event._id])])
  return toLotteryLog(event, draw, mine.map((s) => entryKey(s._id)).sort())
})
