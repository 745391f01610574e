/**
 * Reads and writes of the events function: the only place that knows its collections and query shapes.
 *
 * Capacity is never oversold because the event's counters and the sign-up documents they count change together,
 * inside one transaction, with single-document operations by `_id` only (docs/decisions/0010):
 *   - sign-up:   the sign-up is queued (`${eventId}_${participantId}`, status `pending`); the holder of the event's
 *                settling lease decides the whole queue in one transaction, in arrival order, from the counters;
 *   - cancel:    read event + sign-up (+ the waitlist head) → sign-up cancelled, and when a confirmed place is freed
 *                and someone waits, the head is confirmed in the same transaction (FIFO, atomic).
 * Every decided sign-up takes the event's next `seq`, so the waitlist is ordered by `seq` and a position is exact:
 * 1 + the number of waitlisted sign-ups with a smaller seq. The waitlist head is found by an indexed query just before
 * the transaction and re-checked inside it (still waitlisted, same seq); a stale head retries the whole step.
 * Transactions go through the kernel's withTransaction, which retries the operation-level conflicts the SDK does not.
 */
import {
  COLLECTIONS,
  type AdjustmentTaskDoc,
  type CommunityDoc,
  type DrawDoc,
  type EventDoc,
  type MembershipDoc,
  type PersonDoc,
  type RatingDoc,
  type SeriesDoc,
  type SignupDoc,
  type SignupStatus,
  type ChildDoc,
} from '../../types/index'
import type { Context } from '../_kernel/context'
import { findById, findByIds, getInTransaction, insertOnce, updateWhere, withTransaction } from '../_kernel/db'
import { AppError, fail, orFail, type Refusal } from '../_kernel/errors'
import { canProxySignUp, canSignUp, checkCancel, checkCheckIn, checkRate, decideSignUp } from './domain/event-rules'

type Ctx = Pick<Context, 'db' | '_'>

const E = COLLECTIONS.events
const S = COLLECTIONS.eventSignups

/**
 * Attempts for a transaction on an event's document (cancellations, check-ins, ratings racing the sign-up batches):
 * conflicts are normal under load; the kernel backs off between attempts (10 ms × attempt + jitter).
 */
export const HOT_TX_ATTEMPTS = 40

export const signupIdOf = (eventId: string, participantId: string) => `${eventId}_${participantId}`
export const taskIdOf = (eventId: string) => `${eventId}_adjustment`

// ---------------------------------------------------------------- plain reads

export const getEvent = (ctx: Ctx, eventId: string) => findById<EventDoc>(ctx.db, E, eventId)
export const getSignup = (ctx: Ctx, signupId: string) => findById<SignupDoc>(ctx.db, S, signupId)
export const getCommunity = (ctx: Ctx, communityId: string) => findById<CommunityDoc>(ctx.db, COLLECTIONS.communities, communityId)
export const getPerson = (ctx: Ctx, openid: string) => findById<PersonDoc>(ctx.db, COLLECTIONS.people, openid)
export const getChild = (ctx: Ctx, childId: string) => findById<ChildDoc>(ctx.db, COLLECTIONS.children, childId)
export const getSeries = (ctx: Ctx, seriesId: string) => findById<SeriesDoc>(ctx.db, COLLECTIONS.eventSeries, seriesId)
export const getSeriesMany = (ctx: Ctx, ids: string[]) => findByIds<SeriesDoc>(ctx.db, COLLECTIONS.eventSeries, ids)
export const getTask = (ctx: Ctx, eventId: string) => findById<AdjustmentTaskDoc>(ctx.db, COLLECTIONS.eventTasks, taskIdOf(eventId))
export const getDraw = (ctx: Ctx, eventId: string) => findById<DrawDoc>(ctx.db, COLLECTIONS.eventDraws, eventId)
export const getEvents = (ctx: Ctx, ids: string[]) => findByIds<EventDoc>(ctx.db, E, ids)

/** By venue check-in code. Index events_venue (unique). */
export async function getEventByVenueCode(ctx: Ctx, venueCode: string): Promise<EventDoc | null> {
  const res = (await ctx.db.collection(E).where({ venueCode }).limit(1).get()) as { data: EventDoc[] }
  return res.data[0] ?? null
}

/** Published (and recently cancelled) events from two weeks back on, soonest first. Index events_feed. */
export async function listFeed(ctx: Ctx, communityId: string, since: Date, limit: number): Promise<EventDoc[]> {
  const _ = ctx._
  const res = (await ctx.db
    .collection(E)
    .where({ communityId, status: _.in(['published', 'cancelled']), startAt: _.gte(since) })
    .orderBy('startAt', 'asc')
    .limit(limit)
    .get()) as { data: EventDoc[] }
  return res.data
}

/** Every event of a community for staff, most recently changed first. Index events_manage. */
export async function listForStaff(ctx: Ctx, communityId: string, limit: number): Promise<EventDoc[]> {
  const res = (await ctx.db.collection(E).where({ communityId }).orderBy('updatedAt', 'desc').limit(limit).get()) as { data: EventDoc[] }
  return res.data
}

/** A community's published events starting in [start, end). Index events_feed. */
export async function listInRange(ctx: Ctx, communityId: string, start: Date, end: Date): Promise<EventDoc[]> {
  const _ = ctx._
  const res = (await ctx.db
    .collection(E)
    .where({ communityId, status: 'published', startAt: _.gte(start).and(_.lt(end)) })
    .orderBy('startAt', 'asc')
    .limit(100)
    .get()) as { data: EventDoc[] }
  return res.data
}

/** A community's series, newest first. Index event_series_community. */
export async function listSeries(ctx: Ctx, communityId: string): Promise<SeriesDoc[]> {
  const res = (await ctx.db.collection(COLLECTIONS.eventSeries).where({ communityId }).orderBy('createdAt', 'desc').limit(100).get()) as { data: SeriesDoc[] }
  return res.data
}

export async function listTasks(ctx: Ctx, communityId: string, status?: 'open' | 'closed'): Promise<AdjustmentTaskDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.eventTasks)
    .where(status ? { communityId, status } : { communityId })
    .orderBy('openedAt', 'desc')
    .limit(100)
    .get()) as { data: AdjustmentTaskDoc[] }
  return res.data
}

export async function countOpenTasks(ctx: Ctx, communityId: string): Promise<number> {
  const res = (await ctx.db.collection(COLLECTIONS.eventTasks).where({ communityId, status: 'open' }).count()) as { total: number }
  return res.total
}

/** The sign-ups a person manages (their own, their children's, walk-ins booked for them), newest first. Index event_signups_owner. */
export async function listByOwner(ctx: Ctx, openid: string, limit: number): Promise<SignupDoc[]> {
  const res = (await ctx.db.collection(S).where({ ownerOpenid: openid }).orderBy('createdAt', 'desc').limit(limit).get()) as { data: SignupDoc[] }
  return res.data
}

/** A person's sign-ups on these events. Index event_signups_owner. */
export async function listByOwnerFor(ctx: Ctx, openid: string, eventIds: string[]): Promise<SignupDoc[]> {
  if (!openid || eventIds.length === 0) return []
  const res = (await ctx.db
    .collection(S)
    .where({ ownerOpenid: openid, eventId: ctx._.in(eventIds.slice(0, 100)) })
    .limit(100)
    .get()) as { data: SignupDoc[] }
  return res.data
}

/** A page of an event's sign-ups in seq order, optionally of one status. Index event_signups_status / event_signups_seq. */
export async function listSignupsPage(ctx: Ctx, eventId: string, options: { status?: SignupStatus; statuses?: SignupStatus[]; after?: number; limit: number }): Promise<SignupDoc[]> {
  const _ = ctx._
  const filter: Record<string, unknown> = { eventId, seq: _.gt(options.after ?? 0) }
  if (options.status) filter.status = options.status
  else if (options.statuses) filter.status = _.in(options.statuses)
  const res = (await ctx.db.collection(S).where(filter).orderBy('seq', 'asc').limit(options.limit).get()) as { data: SignupDoc[] }
  return res.data
}

/** Every sign-up of an event with these statuses, page by page (100 at a time, as the cloud allows). */
export async function allSignups(ctx: Ctx, eventId: string, statuses: SignupStatus[]): Promise<SignupDoc[]> {
  const out: SignupDoc[] = []
  let after = 0
  for (;;) {
    const page = await listSignupsPage(ctx, eventId, { statuses, after, limit: 100 })
    out.push(...page)
    if (page.length < 100) return out
    after = page[page.length - 1].seq
  }
}

export async function countByStatus(ctx: Ctx, eventId: string, status: SignupStatus): Promise<number> {
  const res = (await ctx.db.collection(S).where({ eventId, status }).count()) as { total: number }
  return res.total
}

/** 1 + the number of waitlisted sign-ups ahead (smaller seq). Index event_signups_status. */
export async function waitlistPosition(ctx: Ctx, eventId: string, seq: number): Promise<number> {
  const res = (await ctx.db.collection(S).where({ eventId, status: 'waitlisted', seq: ctx._.lt(seq) }).count()) as { total: number }
  return res.total + 1
}

/** Positions of the waitlisted ones among these sign-ups. */
export async function positionsOf(ctx: Ctx, signups: SignupDoc[]): Promise<Map<string, number>> {
  const waiting = signups.filter((s) => s.status === 'waitlisted')
  const positions = await Promise.all(waiting.map((s) => waitlistPosition(ctx, s.eventId, s.seq)))
  return new Map(waiting.map((s, i) => [s._id, positions[i]]))
}

/** The first on the waitlist (smallest seq). Index event_signups_status. */
export async function waitlistHead(ctx: Ctx, eventId: string): Promise<SignupDoc | null> {
  const res = (await ctx.db.collection(S).where({ eventId, status: 'waitlisted' }).orderBy('seq', 'asc').limit(1).get()) as { data: SignupDoc[] }
  return res.data[0] ?? null
}

export async function signupByTicket(ctx: Ctx, ticketCode: string): Promise<SignupDoc | null> {
  const res = (await ctx.db.collection(S).where({ ticketCode }).limit(1).get()) as { data: SignupDoc[] }
  return res.data[0] ?? null
}

/** Staff of a community (for alerts). Index memberships_community. */
export async function staffOf(ctx: Ctx, communityId: string): Promise<string[]> {
  const res = (await ctx.db.collection(COLLECTIONS.memberships).where({ communityId, role: 'staff' }).limit(100).get()) as { data: MembershipDoc[] }
  return res.data.map((m) => m.openid)
}

// ---------------------------------------------------------------- plain writes

export async function insertEvent(ctx: Ctx, doc: Omit<EventDoc, '_id'>): Promise<EventDoc> {
  const res = (await ctx.db.collection(E).add({ data: doc })) as { _id: string }
  return { ...doc, _id: res._id } as EventDoc
}

/** Conditional update of one event (the filter includes `_id`) → whether it changed. */
export const updateEventWhere = async (ctx: Ctx, filter: Record<string, unknown> & { _id: string }, data: Record<string, unknown>) =>
  (await updateWhere(ctx.db, E, filter, data)) === 1

export const updateSignupWhere = async (ctx: Ctx, filter: Record<string, unknown> & { _id: string }, data: Record<string, unknown>) =>
  (await updateWhere(ctx.db, S, filter, data)) === 1

export const insertSeries = (ctx: Ctx, doc: SeriesDoc) => insertOnce(ctx.db, COLLECTIONS.eventSeries, { ...doc })
export const insertTask = (ctx: Ctx, doc: AdjustmentTaskDoc) => insertOnce(ctx.db, COLLECTIONS.eventTasks, { ...doc })
export const insertDraw = (ctx: Ctx, doc: DrawDoc) => insertOnce(ctx.db, COLLECTIONS.eventDraws, { ...doc })
export const updateTaskWhere = async (ctx: Ctx, filter: Record<string, unknown> & { _id: string }, data: Record<string, unknown>) =>
  (await updateWhere(ctx.db, COLLECTIONS.eventTasks, filter, data)) === 1
export const updateSeries = (ctx: Ctx, seriesId: string, data: Record<string, unknown>) => updateWhere(ctx.db, COLLECTIONS.eventSeries, { _id: seriesId }, data)

/** Marks every confirmed, not checked-in sign-up of an event as a no-show (idempotent) → how many are no-shows now. */
export async function markNoShows(ctx: Ctx, eventId: string, now: Date): Promise<number> {
  await updateWhere(ctx.db, S, { eventId, status: 'confirmed', checkedInAt: null, noShow: false }, { noShow: true, updatedAt: now })
  const res = (await ctx.db.collection(S).where({ eventId, status: 'confirmed', noShow: true }).count()) as { total: number }
  return res.total
}

/** Events with sign-ups queued for more than a minute (their caller gave up or crashed). Index event_signups_stuck. */
export async function eventsWithStuckQueue(ctx: Ctx, before: Date): Promise<string[]> {
  const res = (await ctx.db.collection(S).where({ status: 'pending', pendingAt: ctx._.lte(before) }).orderBy('pendingAt', 'asc').limit(100).get()) as { data: SignupDoc[] }
  return [...new Set(res.data.map((s) => s.eventId))]
}

/** Events whose lottery is due (or was left half-written). Index events_due_draw. */
export async function listDrawCandidates(ctx: Ctx, now: Date): Promise<EventDoc[]> {
  const _ = ctx._
  const res = (await ctx.db
    .collection(E)
    .where({ status: 'published', allocation: 'lottery', drawState: _.in(['none', 'applying']), signupClosesAt: _.lte(now) })
    .orderBy('signupClosesAt', 'asc')
    .limit(20)
    .get()) as { data: EventDoc[] }
  return res.data
}

/** Published events starting in (from, to]. Index events_start. */
export async function listStartingBetween(ctx: Ctx, from: Date, to: Date): Promise<EventDoc[]> {
  const _ = ctx._
  const res = (await ctx.db
    .collection(E)
    .where({ status: 'published', startAt: _.gt(from).and(_.lte(to)), reminderSentAt: null })
    .orderBy('startAt', 'asc')
    .limit(50)
    .get()) as { data: EventDoc[] }
  return res.data
}

/** Published events that ended in (from, to] with no-shows not yet recorded. Index events_end. */
export async function listEndedBetween(ctx: Ctx, from: Date, to: Date): Promise<EventDoc[]> {
  const _ = ctx._
  const res = (await ctx.db
    .collection(E)
    .where({ status: 'published', endAt: _.gt(from).and(_.lte(to)), noShowsRecordedAt: null })
    .orderBy('endAt', 'asc')
    .limit(50)
    .get()) as { data: EventDoc[] }
  return res.data
}

// ---------------------------------------------------------------- transactions

const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id, ...rest } = doc
  return rest
}

export interface NewParticipant {
  participantId: string
  kind: SignupDoc['kind']
  ownerOpenid: string | null
  displayName: string
  birthYear: number | null
  source: SignupDoc['source']
  proxyBy: string | null
}

export interface SignUpOutcome {
  signup: SignupDoc
  /** false when the participant was already signed up (a repeated tap) */
  created: boolean
  /** exact waitlist position when the sign-up was decided (null unless waitlisted) */
  position: number | null
}

/** How a queued sign-up is checked when it is decided: self-service sign-up or staff booking (代报名). */
export function checkQueued(ev: EventDoc, s: Pick<SignupDoc, 'source' | 'birthYear' | 'pendingAt'>): Refusal | null {
  // A lottery being drawn (or drawn) takes no more registrations: the draw has read its list.
  if (ev.allocation === 'lottery' && ev.drawState === 'applying') return { code: 'EVENT.SIGNUP_CLOSED', message: 'the lottery is being drawn' }
  return s.source === 'proxy' ? canProxySignUp(ev, s.birthYear, s.pendingAt) : canSignUp(ev, s, s.pendingAt)
}

/** Sign-ups decided per batch transaction (a query page). */
const BATCH = 100
/** How long a caller waits for its own queued sign-up to be decided before answering EVENT.BUSY. */
const SETTLE_DEADLINE_MS = 15_000
/** The settling lease: one caller at a time decides an event's queue; a crashed holder's lease runs out. */
const LEASE_MS = 3_000
/** A lease holder decides at most this many batches before handing over. */
const BATCHES_PER_LEASE = 8

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * When this (warm) instance last found an event's lease taken. Under a burst someone is always settling: a newcomer
 * then waits for its turn instead of asking for the lease first — one request fewer per sign-up. A hint only: a stale
 * one costs a short wait, never a wrong decision.
 */
const seenBusy = new Map<string, number>()
const BUSY_HINT_MS = 250

/** Queued sign-ups of an event in arrival order (server time, then _id). Index event_signups_queue. */
export async function listPending(ctx: Ctx, eventId: string): Promise<SignupDoc[]> {
  const res = (await ctx.db.collection(S).where({ eventId, status: 'pending' }).orderBy('pendingAt', 'asc').limit(BATCH).get()) as { data: SignupDoc[] }
  return res.data.sort((a, b) => a.pendingAt.getTime() - b.pendingAt.getTime() || (a._id < b._id ? -1 : 1))
}

/**
 * Decide queued sign-ups of an event, in arrival order, in one transaction — only ever by the holder of the event's
 * settling lease (`lease`). Mutual exclusion is what makes the query of the queue trustworthy: nobody else decides
 * sign-ups while the lease is ours, and the transaction checks, on the event it has claimed, that the lease still is.
 * The event is claimed first (an update by _id), then read; each sign-up gets the next seq and a place, a waitlist
 * position or a lottery registration from the counters; the counters are written once. Returns the event as left,
 * or null if nothing was queued. Conflicts with other writers of the event (cancellations) are retried by the kernel.
 */
async function settleBatch(ctx: Ctx, eventId: string, lease: number, now: Date, decided: Map<string, SignupDoc>): Promise<EventDoc | null> {
  const queued = await listPending(ctx, eventId)
  if (queued.length === 0) return null
  const outcome = new Map<string, SignupDoc>()
  const decidedAt = ctx.db.serverDate()
  return withTransaction(
    ctx.db,
    async (t) => {
      await t.collection(E).doc(eventId).update({ data: { settledAt: now } }) // claim the event before reading it
      const ev = await getInTransaction<EventDoc>(t, E, eventId)
      if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
      if (ev.settleLeaseUntil !== lease) throw new AppError('EVENT.BUSY', 'the settling lease ran out')
      const next = { ...ev }
      const writes: Promise<unknown>[] = []
      for (const s of queued) {
        const refusal = checkQueued(next, s)
        if (refusal) {
          const data = { status: 'cancelled', rejectCode: refusal.code, cancelledAt: now, cancelledBy: 'system', updatedAt: now, decidedAt } as const
          outcome.set(s._id, { ...s, ...data, decidedAt: new Date() })
          writes.push(t.collection(S).doc(s._id).update({ data }))
          continue
        }
        const decision = decideSignUp(next)
        next.seq += 1
        if (decision.status === 'confirmed') next.confirmedCount += 1
        else if (decision.status === 'waitlisted') next.waitlistCount += 1
        else next.registeredCount += 1
        const data = { status: decision.status, seq: next.seq, joinPosition: decision.position, confirmedAt: decision.status === 'confirmed' ? now : null, updatedAt: now, decidedAt }
        outcome.set(s._id, { ...s, ...data, decidedAt: new Date() })
        writes.push(t.collection(S).doc(s._id).update({ data }))
      }
      const counters = { seq: next.seq, confirmedCount: next.confirmedCount, waitlistCount: next.waitlistCount, registeredCount: next.registeredCount }
      writes.push(t.collection(E).doc(eventId).update({ data: counters }))
      await Promise.all(writes)
      return { ...next, ...counters } as EventDoc
    },
  ).then((event) => {
    // Committed: these decisions are final (a retried transaction recomputed them; the last attempt's stand).
    for (const [id, doc] of outcome) decided.set(id, doc)
    return event
  })
}

/**
 * Take the event's settling lease (a conditional update: free or expired → ours until now + LEASE_MS), decide the
 * queue for up to a few batches, release. Returns false when someone else holds it.
 */
export async function settleWithLease(
  ctx: Ctx,
  eventId: string,
  now: Date,
  onSettled: (event: EventDoc) => Promise<void> = async () => {},
  decided: Map<string, SignupDoc> = new Map(),
  /** a sign-up whose caller holds the lease: hand over once it is decided (its caller is waiting for the answer) */
  mine?: string,
): Promise<boolean> {
  const lease = Date.now() + LEASE_MS
  const taken = await updateWhere(ctx.db, E, { _id: eventId, settleLeaseUntil: ctx._.not(ctx._.gt(Date.now())) }, { settleLeaseUntil: lease })
  if (taken !== 1) {
    seenBusy.set(eventId, Date.now())
    return false
  }
  seenBusy.delete(eventId)
  try {
    for (let batch = 0; batch < BATCHES_PER_LEASE && Date.now() < lease - 1_000; batch++) {
      const settled = await settleBatch(ctx, eventId, lease, now, decided)
      if (!settled) break
      await onSettled(settled)
      // The others still queued look again soon and take the lease over: nobody's answer waits on a long tenure.
      if (mine && decided.has(mine)) break
    }
  } finally {
    await updateWhere(ctx.db, E, { _id: eventId, settleLeaseUntil: lease }, { settleLeaseUntil: 0 })
  }
  return true
}

/** Decide an event's queue now (before a draw, a cancellation of a queued sign-up, from the timer): wait for the lease a little. */
export async function settleNow(ctx: Ctx, eventId: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    if (await settleWithLease(ctx, eventId, now)) return
    await sleep(10 + Math.random() * 40)
  }
  throw new AppError('EVENT.BUSY', 'the sign-up queue is busy')
}

/**
 * One place per participant: the sign-up is queued under its deterministic `_id` (a repeated tap finds it; a cancelled
 * one is queued again, at the back), then decided in arrival order by whoever holds the event's settling lease —
 * this caller, if the lease is free. `onSettled` sees the event after each batch this caller decided (fullness alerts).
 */
export async function signUpQueued(
  ctx: Ctx,
  event: Pick<EventDoc, '_id' | 'communityId'>,
  p: NewParticipant,
  now: Date,
  ticketCode: () => string,
  onSettled: (event: EventDoc) => Promise<void> = async () => {},
): Promise<SignUpOutcome> {
  const eventId = event._id
  const id = signupIdOf(eventId, p.participantId)
  const fresh = {
    eventId,
    communityId: event.communityId,
    participantId: p.participantId,
    kind: p.kind,
    ownerOpenid: p.ownerOpenid,
    displayName: p.displayName,
    birthYear: p.birthYear,
    status: 'pending',
    pendingAt: ctx.db.serverDate(),
    seq: 0,
    joinPosition: null,
    rejectCode: null,
    source: p.source,
    proxyBy: p.proxyBy,
    checkedInAt: null,
    checkInBy: null,
    noShow: false,
    rated: false,
    confirmedAt: null,
    promotedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    updatedAt: now,
  }
  // Queue it: a new participant inserts; a duplicate finds the existing sign-up; a cancelled one is queued again.
  let created = await insertOnce(ctx.db, S, { _id: id, ...fresh, ticketCode: ticketCode(), createdAt: now })
  if (!created) {
    const existing = await getSignup(ctx, id)
    if (!existing) fail('SIGNUP.NOT_FOUND', 'the sign-up vanished')
    if (existing.status !== 'pending' && existing.status !== 'cancelled') return { signup: existing, created: false, position: null }
    if (existing.status === 'cancelled') created = (await updateWhere(ctx.db, S, { _id: id, status: 'cancelled' }, { ...fresh, createdAt: now })) === 1
  }
  const deadline = Date.now() + SETTLE_DEADLINE_MS
  const answer = (mine: SignupDoc): SignUpOutcome => {
    if (mine.rejectCode) fail(mine.rejectCode, 'the sign-up was refused when it was decided')
    return { signup: mine, created, position: mine.status === 'waitlisted' ? mine.joinPosition : null }
  }
  // Newcomers take the lease when it is free (the holder knows its own answer without asking again). Under a burst
  // they wait about as long as sign-ups have lately taken from queued to decided, then look; a miss means the answer
  // is close: look again soon, then less and less often.
  const decided = new Map<string, SignupDoc>()
  const busy = Date.now() - (seenBusy.get(eventId) ?? 0) < BUSY_HINT_MS
  if (!busy && (await settleWithLease(ctx, eventId, now, onSettled, decided, id)) && decided.has(id)) return answer(decided.get(id)!)
  let wait = Math.max(MIN_LOOK_MS, 1.15 * expectedDecisionMs(eventId))
  for (let look = 0; ; look++) {
    await sleep(wait * (0.85 + 0.3 * Math.random()))
    const mine = await getSignup(ctx, id)
    if (!mine) fail('SIGNUP.NOT_FOUND', 'the sign-up vanished')
    if (mine.status !== 'pending') {
      learnDecisionTime(eventId, mine)
      return answer(mine)
    }
    if (Date.now() > deadline) throw new AppError('EVENT.BUSY', 'the sign-up queue did not move')
    // Still queued: take the lease if it is free (its holder may have let go just before this sign-up arrived).
    decided.clear()
    if ((await settleWithLease(ctx, eventId, now, onSettled, decided, id)) && decided.has(id)) return answer(decided.get(id)!)
    wait = look === 0 ? Math.max(MIN_LOOK_MS, wait / 3) : Math.min(MAX_LOOK_MS, wait * 1.6)
  }
}

/**
 * How long sign-ups of an event have lately taken from queued to decided (both server times, so no clock skew), as a
 * moving average kept by this warm instance: under a burst a waiter looks when its answer is likely there instead of
 * asking every few milliseconds — every look is a database request that slows the queue for everyone.
 */
const decisionMs = new Map<string, number>()
const FIRST_LOOK_MS = 50
const MIN_LOOK_MS = 20
const MAX_LOOK_MS = 1_000
function expectedDecisionMs(eventId: string): number {
  return decisionMs.get(eventId) ?? FIRST_LOOK_MS
}
function learnDecisionTime(eventId: string, signup: SignupDoc): void {
  if (!(signup.decidedAt instanceof Date) || !(signup.pendingAt instanceof Date)) return
  const ms = Math.max(0, signup.decidedAt.getTime() - signup.pendingAt.getTime())
  const before = decisionMs.get(eventId)
  if (decisionMs.size > 100 && before === undefined) decisionMs.clear()
  decisionMs.set(eventId, Math.min(MAX_LOOK_MS, before === undefined ? ms : 0.7 * before + 0.3 * ms))
}

export interface CancelOutcome {
  signup: SignupDoc
  /** false when it was already cancelled (a repeated tap) */
  changed: boolean
  promoted: SignupDoc | null
  event: EventDoc
}

/** How many times a cancel or promotion re-reads a waitlist head that moved under it. */
const STALE_HEAD_ROUNDS = 30

/**
 * Cancel a sign-up; a freed confirmed place goes to the head of the waitlist in the same transaction.
 * `check` lets the caller refuse (deadline etc.) against the state read inside the transaction.
 */
export async function cancelTx(ctx: Ctx, eventId: string, signupId: string, by: string, now: Date): Promise<CancelOutcome> {
  for (let round = 0; round < STALE_HEAD_ROUNDS; round++) {
    const head = await waitlistHead(ctx, eventId)
    const out = await withTransaction(
      ctx.db,
      async (t): Promise<CancelOutcome | 'stale'> => {
        const [ev, s] = await Promise.all([getInTransaction<EventDoc>(t, E, eventId), getInTransaction<SignupDoc>(t, S, signupId)])
        if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
        if (!s) fail('SIGNUP.NOT_FOUND', 'no such sign-up')
        if (s.status === 'cancelled') return { signup: s, changed: false, promoted: null, event: ev }
        orFail(checkCancel(ev, s, now) ?? true)
        const inc: Record<string, number> = {}
        let promoted: SignupDoc | null = null
        if (s.status === 'confirmed') {
          if (ev.waitlistCount > 0) {
            if (!head || head._id === s._id) return 'stale'
            const h = await getInTransaction<SignupDoc>(t, S, head._id)
            if (!h || h.status !== 'waitlisted' || h.seq !== head.seq) return 'stale'
            promoted = { ...h, status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now }
            await t.collection(S).doc(h._id).update({ data: { status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now } })
            inc.waitlistCount = -1
          } else inc.confirmedCount = -1
        } else if (s.status === 'waitlisted') inc.waitlistCount = -1
        else inc.registeredCount = -1
        const cancelled: SignupDoc = { ...s, status: 'cancelled', cancelledAt: now, cancelledBy: by, updatedAt: now }
        await Promise.all([
          t.collection(S).doc(s._id).update({ data: { status: 'cancelled', cancelledAt: now, cancelledBy: by, updatedAt: now } }),
          t.collection(E).doc(eventId).update({ data: Object.fromEntries(Object.entries(inc).map(([k, v]) => [k, ctx._.inc(v)])) }),
        ])
        const event = { ...ev } as EventDoc
        for (const [k, v] of Object.entries(inc)) (event as any)[k] += v
        return { signup: cancelled, changed: true, promoted, event }
      },
      HOT_TX_ATTEMPTS,
    )
    if (out !== 'stale') return out
    // The head moved under us (sign-ups settling at the same moment): back off a little, with jitter, and re-read.
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 5 * (round + 1)) * (0.5 + Math.random())))
  }
  throw new AppError('EVENT.BUSY', 'the waitlist kept moving; try again')
}

/**
 * While there is room (capacity raised) and someone waits, confirm the head — one transaction per place.
 * Returns the promoted sign-ups.
 */
export async function promoteWhileRoom(ctx: Ctx, eventId: string, now: Date): Promise<SignupDoc[]> {
  const promoted: SignupDoc[] = []
  let stale = 0
  while (stale < STALE_HEAD_ROUNDS) {
    const head = await waitlistHead(ctx, eventId)
    const out = await withTransaction(
      ctx.db,
      async (t): Promise<SignupDoc | 'full' | 'stale'> => {
        const ev = await getInTransaction<EventDoc>(t, E, eventId)
        if (!ev || ev.status !== 'published' || ev.confirmedCount >= ev.capacity || ev.waitlistCount === 0) return 'full'
        if (!head) return 'stale'
        const h = await getInTransaction<SignupDoc>(t, S, head._id)
        if (!h || h.status !== 'waitlisted' || h.seq !== head.seq) return 'stale'
        await Promise.all([
          t.collection(S).doc(h._id).update({ data: { status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now } }),
          t.collection(E).doc(eventId).update({ data: { confirmedCount: ctx._.inc(1), waitlistCount: ctx._.inc(-1) } }),
        ])
        return { ...h, status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now }
      },
      HOT_TX_ATTEMPTS,
    )
    if (out === 'full') break
    if (out === 'stale') stale++
    else promoted.push(out)
  }
  return promoted
}

/** Change an event's fields inside a transaction, after `decide` approved them against its current state. */
export async function updateEventTx(ctx: Ctx, eventId: string, decide: (ev: EventDoc) => Record<string, unknown>): Promise<EventDoc> {
  return withTransaction(
    ctx.db,
    async (t) => {
      const ev = await getInTransaction<EventDoc>(t, E, eventId)
      if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
      const changes = decide(ev)
      await t.collection(E).doc(eventId).update({ data: changes })
      return { ...ev, ...changes } as EventDoc
    },
    HOT_TX_ATTEMPTS,
  )
}

/** Check a confirmed place in, once (a second scan answers `already`). Counter and sign-up change together. */
export async function checkInTx(ctx: Ctx, signupId: string, by: 'staff' | 'venue', now: Date): Promise<{ signup: SignupDoc; already: boolean }> {
  return withTransaction(
    ctx.db,
    async (t) => {
      const s = await getInTransaction<SignupDoc>(t, S, signupId)
      if (!s) fail('SIGNUP.NOT_FOUND', 'no such sign-up')
      orFail(checkCheckIn(s) ?? true)
      if (s.checkedInAt) return { signup: s, already: true }
      await Promise.all([
        t.collection(S).doc(signupId).update({ data: { checkedInAt: now, checkInBy: by, noShow: false, updatedAt: now } }),
        t.collection(E).doc(s.eventId).update({ data: { checkedInCount: ctx._.inc(1) } }),
      ])
      return { signup: { ...s, checkedInAt: now, checkInBy: by, noShow: false, updatedAt: now }, already: false }
    },
    HOT_TX_ATTEMPTS,
  )
}

/** One rating per attendee; the event's sum and count move with it. Returns the new totals. */
export async function rateTx(ctx: Ctx, rating: RatingDoc, signupId: string, now: Date): Promise<{ count: number; sum: number; event: EventDoc }> {
  return withTransaction(
    ctx.db,
    async (t) => {
      const [ev, s] = await Promise.all([getInTransaction<EventDoc>(t, E, rating.eventId), getInTransaction<SignupDoc>(t, S, signupId)])
      if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
      orFail(checkRate(ev, s, now) ?? true)
      await Promise.all([
        t.collection(COLLECTIONS.eventRatings).doc(rating._id).set({ data: withoutId(rating) }),
        t.collection(S).doc(signupId).update({ data: { rated: true, updatedAt: now } }),
        t.collection(E).doc(rating.eventId).update({ data: { ratingCount: ctx._.inc(1), ratingSum: ctx._.inc(rating.score) } }),
      ])
      return { count: ev.ratingCount + 1, sum: ev.ratingSum + rating.score, event: ev }
    },
    HOT_TX_ATTEMPTS,
  )
}
