/**
 * Drawing a lottery, in steps that can be re-run after a crash and can never produce a second, different draw:
 *  1. claim: the event goes drawState none → applying by a conditional update (one claimant; from then on no
 *     cancellation commits — they answer EVENT.BUSY — and sign-up is closed, so the registrations are fixed);
 *  2. the draw document (`_id` = eventId) is computed from the revealed seed and the registrations and inserted:
 *     the commit point. A second insert fails, so a published draw is never recomputed or changed;
 *  3. apply: each registration becomes confirmed or waitlisted (waitlist seq = drawn order) by a conditional update
 *     (status still `registered`), so re-applying changes nothing twice;
 *  4. tell: one message per family is queued (the kernel outbox; the events `fanout` timer delivers it in batches,
 *     off this request). Queued while the draw is still `applying` — no cancellation commits then, so the results
 *     are final — and under the draw's own key, so a re-run queues nothing twice and a crash cannot lose it;
 *  5. finish: counters set from the draw and drawState → done.
 * A timer re-runs 2–5 for a draw left `applying` for more than two minutes.
 */
import { type DrawDoc, type EventDoc, type SignupDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail } from '../../_kernel/errors'
import { enqueueEach } from '../../_kernel/outbox'
import { ageOnEventDay, checkDraw, quotaBand } from '../domain/event-rules'
import { LOTTERY_ALGORITHM, allocate, entryKey } from '../domain/lottery'
import { drawnMessage } from '../domain/messages'
import { allSignups, getDraw, getEvent, insertDraw, updateEventWhere, updateSignupWhere } from '../repo'

const PARALLEL = 16

async function inBatches<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker))
}

/** Step 1: claim the draw, or refuse with the reason (ALREADY_DRAWN, DRAW_NOT_DUE, …). */
export async function claimDraw(ctx: Context, event: EventDoc): Promise<void> {
  const refusal = checkDraw(event, ctx.now)
  if (refusal) fail(refusal.code, refusal.message)
  const claimed = await updateEventWhere(
    ctx,
    { _id: event._id, status: 'published', allocation: 'lottery', drawState: 'none', signupClosesAt: ctx._.lte(ctx.now) },
    { drawState: 'applying', updatedAt: ctx.now },
  )
  if (!claimed) fail('EVENT.ALREADY_DRAWN', 'someone else is drawing or has drawn this lottery')
}

/** Steps 2–4 (idempotent). Returns the published draw. */
export async function applyDraw(ctx: Context, eventId: string, by: string): Promise<DrawDoc> {
  const event = await getEvent(ctx, eventId)
  if (!event || event.drawState === 'none') fail('EVENT.INVALID_STATE', 'the draw was not claimed')
  let draw = await getDraw(ctx, eventId)
  if (!draw) {
    if (!event.lotterySeed || !event.seedCommitment) throw new Error(`lottery ${eventId} has no seed`)
    const registered = await allSignups(ctx, eventId, ['registered'])
    // A registration claimed before the draw was claimed but not written yet (its function is still running, or died
    // and the sweep will give it back): the draw waits for it — the timer resumes a draw left applying.
    if (registered.length !== event.registeredCount) fail('EVENT.BUSY', 'registrations are still being written')
    const signupIds: Record<string, string> = {}
    const entries = registered
      .map((s) => {
        const key = entryKey(s._id)
        signupIds[key] = s._id
        return { key, band: quotaBand(event.quotas, s.birthYear === null ? null : ageOnEventDay(s.birthYear, event.startAt)) }
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    const result = allocate({ seed: event.lotterySeed, capacity: event.capacity, quotas: event.quotas, entries })
    const candidate: DrawDoc = {
      _id: eventId,
      eventId,
      communityId: event.communityId,
      seed: event.lotterySeed,
      seedCommitment: event.seedCommitment,
      algorithm: LOTTERY_ALGORITHM,
      capacity: event.capacity,
      quotas: event.quotas.map((q, i) => ({ ...q, filled: result.filled[i] })),
      entries,
      order: result.order,
      winners: result.confirmed,
      waitlist: result.waitlisted,
      seqBase: event.seq,
      confirmed: result.confirmed.length,
      waitlisted: result.waitlisted.length,
      signupIds,
      drawnBy: by,
      drawnAt: ctx.now,
    }
    draw = (await insertDraw(ctx, candidate)) ? candidate : await getDraw(ctx, eventId)
    if (!draw) throw new Error(`draw of ${eventId} vanished`)
  }
  const d = draw
  const placed = [...d.winners.map((key) => ({ key, won: true })), ...d.waitlist.map((key) => ({ key, won: false }))]
  await inBatches(
    placed.map((p, i) => ({ ...p, seq: d.seqBase + i + 1 })),
    async ({ key, won, seq }) => {
      await updateSignupWhere(
        ctx,
        { _id: d.signupIds[key], status: 'registered' },
        {
          status: won ? 'confirmed' : 'waitlisted',
          seq,
          confirmedAt: won ? d.drawnAt : null,
          updatedAt: d.drawnAt,
        },
      )
    },
  )
  await tellEveryone(ctx, event, d)
  await updateEventWhere(
    ctx,
    { _id: eventId, drawState: 'applying' },
    {
      drawState: 'done',
      drawnAt: d.drawnAt,
      seq: d.seqBase + d.order.length,
      confirmedCount: d.confirmed,
      waitlistCount: d.waitlisted,
      registeredCount: 0,
      lotteryStats: {
        registrations: d.entries.length,
        confirmed: d.confirmed,
        waitlisted: d.waitlisted,
        filled: d.quotas.map((q) => q.filled),
      },
      updatedAt: ctx.now,
    },
  )
  return d
}

/** One message per family, naming each of their participants and where they landed: queued, not delivered here. */
async function tellEveryone(ctx: Context, event: EventDoc, d: DrawDoc): Promise<void> {
  const signups = await allSignups(ctx, event._id, ['confirmed', 'waitlisted'])
  const won = new Set(d.winners.map((key) => d.signupIds[key]))
  const positionOf = new Map(d.waitlist.map((key, i) => [d.signupIds[key], i + 1]))
  const byOwner = new Map<string, SignupDoc[]>()
  for (const s of signups) {
    if (!s.ownerOpenid || !(won.has(s._id) || positionOf.has(s._id))) continue
    byOwner.set(s.ownerOpenid, [...(byOwner.get(s.ownerOpenid) ?? []), s])
  }
  // in a fixed order: a re-run after a crash between two job documents splits the families the same way
  const owners = [...byOwner.keys()].sort()
  await enqueueEach(
    ctx,
    `drawn:${event._id}`,
    owners.map((owner) => {
      const lines = (byOwner.get(owner) ?? []).map((s) => ({
        name: s.displayName,
        won: won.has(s._id),
        position: positionOf.get(s._id) ?? null,
      }))
      return { openid: owner, message: drawnMessage({ ...event, drawState: 'done' }, lines) }
    }),
  )
}
