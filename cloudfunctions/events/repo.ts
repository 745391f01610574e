/**
 * Reads and writes of the events function: the only place that knows its collections and query shapes.
 * The seat logic (claims, releases, cancellations with promotion) is in seats.ts, its rules in domain/seats.ts
 * (docs/decisions/0010); here are only the single requests it makes.
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
import { fail, orFail } from '../_kernel/errors'
import { checkCheckIn, checkRate } from './domain/event-rules'
import { CLAIM_LOG, counterOf, type ClaimKind, type claimConditions } from './domain/seats'

type Ctx = Pick<Context, 'db' | '_' | 'audit'>

const E = COLLECTIONS.events
const S = COLLECTIONS.eventSignups

/**
 * Attempts for a transaction on an event's document (check-ins, ratings racing the sign-up claims):
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
  const res = (await ctx.db.collection(COLLECTIONS.eventSeries).where({ communityId }).orderBy('createdAt', 'desc').limit(100).get()) as {
    data: SeriesDoc[]
  }
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
  const res = (await ctx.db.collection(S).where({ ownerOpenid: openid }).orderBy('createdAt', 'desc').limit(limit).get()) as {
    data: SignupDoc[]
  }
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
export async function listSignupsPage(
  ctx: Ctx,
  eventId: string,
  options: { status?: SignupStatus; statuses?: SignupStatus[]; after?: number; limit: number },
): Promise<SignupDoc[]> {
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
  const res = (await ctx.db
    .collection(S)
    .where({ eventId, status: 'waitlisted', seq: ctx._.lt(seq) })
    .count()) as { total: number }
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
  const res = (await ctx.db.collection(S).where({ eventId, status: 'waitlisted' }).orderBy('seq', 'asc').limit(1).get()) as {
    data: SignupDoc[]
  }
  return res.data[0] ?? null
}

export async function signupByTicket(ctx: Ctx, ticketCode: string): Promise<SignupDoc | null> {
  const res = (await ctx.db.collection(S).where({ ticketCode }).limit(1).get()) as { data: SignupDoc[] }
  return res.data[0] ?? null
}

/** Staff of a community (for alerts). Index memberships_community. */
export async function staffOf(ctx: Ctx, communityId: string): Promise<string[]> {
  const res = (await ctx.db.collection(COLLECTIONS.memberships).where({ communityId, role: 'staff' }).limit(100).get()) as {
    data: MembershipDoc[]
  }
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
export const updateSeries = (ctx: Ctx, seriesId: string, data: Record<string, unknown>) =>
  updateWhere(ctx.db, COLLECTIONS.eventSeries, { _id: seriesId }, data)

/** Marks every confirmed, not checked-in sign-up of an event as a no-show (idempotent) → how many are no-shows now. */
export async function markNoShows(ctx: Ctx, eventId: string, now: Date): Promise<number> {
  await updateWhere(ctx.db, S, { eventId, status: 'confirmed', checkedInAt: null, noShow: false }, { noShow: true, updatedAt: now })
  const res = (await ctx.db.collection(S).where({ eventId, status: 'confirmed', noShow: true }).count()) as { total: number }
  return res.total
}

/** Published events with seat claims since `since` (the abandoned-claims sweep). Index events_claims. */
export async function eventsClaimedSince(ctx: Ctx, since: Date): Promise<EventDoc[]> {
  const res = (await ctx.db
    .collection(E)
    .where({ status: 'published', lastClaimAt: ctx._.gte(since) })
    .orderBy('lastClaimAt', 'asc')
    .limit(100)
    .get()) as { data: EventDoc[] }
  return res.data
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

// ---------------------------------------------------------------- seats (the requests of seats.ts)

/**
 * A seat claim: one conditional update of the event — published, `key` not in its claim log, and the decision's
 * conditions on the counters — that adds one to the claim's counter and to `seq` and pushes the claim on the log.
 * → whether it was made.
 */
export async function claimSeat(
  ctx: Ctx,
  eventId: string,
  cond: ReturnType<typeof claimConditions>,
  kind: ClaimKind,
  key: string,
  now: Date,
): Promise<boolean> {
  const _ = ctx._
  const filter: Record<string, unknown> = {
    _id: eventId,
    status: 'published',
    allocation: cond.allocation,
    drawState: cond.drawState,
    'claims.p': _.neq(key),
  }
  if (cond.capacity !== undefined) filter.capacity = cond.capacity
  if (cond.confirmedBelow !== undefined) filter.confirmedCount = _.lt(cond.confirmedBelow)
  if (cond.confirmedAtLeast !== undefined) filter.confirmedCount = _.gte(cond.confirmedAtLeast)
  if (cond.noWaitlist) filter.waitlistCount = 0
  const data = {
    [counterOf(kind)]: _.inc(1),
    seq: _.inc(1),
    lastClaimAt: now,
    claims: _.push({ each: [{ k: kind, p: key, at: Date.now() }], slice: -CLAIM_LOG }),
  }
  return (await updateWhere(ctx.db, E, filter, data)) === 1
}

export interface SeatRead {
  event: EventDoc | null
  person: PersonDoc | null
  membership: MembershipDoc | null
  signup: SignupDoc | null
  child: ChildDoc | null
}

/**
 * Everything a sign-up decides from, in one request: the event as it is now and, looked up by `_id`, the caller's
 * person and membership of the event's community, the existing sign-up and the named child.
 */
export async function readForSeat(
  ctx: Ctx,
  eventId: string,
  ids: { openid: string; signupId: string; childId: string | null },
): Promise<SeatRead> {
  const run = () =>
    ctx.db
      .collection(E)
      .aggregate()
      .match({ _id: eventId })
      .project({ claims: 0 })
      .addFields({ seatWho: ids.openid, seatSignup: ids.signupId, seatChild: ids.childId ?? '' })
      .addFields({ seatMember: ctx._.aggregate.concat(['$communityId', '_', ids.openid]) })
      .lookup({ from: COLLECTIONS.people, localField: 'seatWho', foreignField: '_id', as: 'seatPerson' })
      .lookup({ from: COLLECTIONS.memberships, localField: 'seatMember', foreignField: '_id', as: 'seatMembership' })
      .lookup({ from: S, localField: 'seatSignup', foreignField: '_id', as: 'seatSignups' })
      .lookup({ from: COLLECTIONS.children, localField: 'seatChild', foreignField: '_id', as: 'seatChildren' })
      .end() as Promise<{ list: Array<EventDoc & Record<string, any>> }>
  const res = await readPatiently(run)
  const row = res.list[0]
  if (!row) return { event: null, person: null, membership: null, signup: null, child: null }
  const { seatWho, seatSignup, seatChild, seatMember, seatPerson, seatMembership, seatSignups, seatChildren, ...event } = row
  return {
    event: event as EventDoc,
    person: seatPerson?.[0] ?? null,
    membership: seatMembership?.[0] ?? null,
    signup: seatSignups?.[0] ?? null,
    child: seatChildren?.[0] ?? null,
  }
}

/**
 * After a claim: the event's `seq`, `waitlistCount` and the last `tail` entries of its claim log (our entry, just
 * pushed, is among them unless that many claims came after it: then the caller asks again with the whole log).
 */
export async function readClaimLog(
  ctx: Ctx,
  eventId: string,
  tail = CLAIM_LOG,
): Promise<Pick<EventDoc, 'seq' | 'waitlistCount' | 'confirmedCount' | 'registeredCount' | 'claims'> | null> {
  const res = (await ctx.db
    .collection(E)
    .where({ _id: eventId })
    .field({
      seq: true,
      waitlistCount: true,
      confirmedCount: true,
      registeredCount: true,
      claims: tail < CLAIM_LOG ? ctx._.project.slice(-tail) : true,
    })
    .limit(1)
    .get()) as { data: EventDoc[] }
  return res.data[0] ?? null
}

/**
 * A read that may be asked again: an answer that has not come within READ_PATIENCE_MS is asked for once more (the
 * first answer wins). Seen locally on a saturated machine: a few aggregate answers in a thousand never arrived and
 * the SDK gave up after 15 s; a read is safe to repeat, so the sign-up does not fail for it.
 */
const READ_PATIENCE_MS = 4_000
async function readPatiently<T>(read: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), READ_PATIENCE_MS)))
    const pending = read()
    const out = await Promise.race([pending, late]).finally(() => clearTimeout(timer))
    if (out !== 'late') return out
    if (attempt >= attempts) return pending
    pending.catch(() => undefined) // abandoned: its late answer or failure is ignored
  }
}

/** Write a new sign-up under its deterministic `_id`; false if one exists. */
export const insertSignup = (ctx: Ctx, doc: SignupDoc) => insertOnce(ctx.db, S, { ...doc })

/** A re-sign-up over a cancelled one (the same `_id`): only if it is still the cancelled one we read. */
export async function replaceCancelledSignup(ctx: Ctx, doc: SignupDoc, was: SignupDoc): Promise<boolean> {
  const { _id, createdAt, ...rest } = doc
  return (
    (await updateWhere(
      ctx.db,
      S,
      { _id, status: 'cancelled', updatedAt: was.updatedAt },
      { ...rest, createdAt: was.createdAt ?? createdAt },
    )) === 1
  )
}

/** The abandoned-claims sweep has checked the claims made up to `at` (ms). */
export const markClaimsChecked = (ctx: Ctx, eventId: string, at: number) =>
  updateWhere(ctx.db, E, { _id: eventId }, { claimsCheckedTo: at })

/** Sign-ups by `_id`, 100 at a time. */
export async function findSignups(ctx: Ctx, ids: string[]): Promise<SignupDoc[]> {
  const out: SignupDoc[] = []
  for (let i = 0; i < ids.length; i += 100) out.push(...(await findByIds<SignupDoc>(ctx.db, S, ids.slice(i, i + 100))))
  return out
}

// ---------------------------------------------------------------- transactions

const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id, ...rest } = doc
  return rest
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
      await ctx.audit?.inTx(t)
      return { ...ev, ...changes } as EventDoc
    },
    HOT_TX_ATTEMPTS,
  )
}

/** Check a confirmed place in, once (a second scan answers `already`). Counter and sign-up change together. */
export async function checkInTx(
  ctx: Ctx,
  signupId: string,
  by: 'staff' | 'venue',
  now: Date,
): Promise<{ signup: SignupDoc; already: boolean }> {
  return withTransaction(
    ctx.db,
    async (t) => {
      const s = await getInTransaction<SignupDoc>(t, S, signupId)
      if (!s) fail('SIGNUP.NOT_FOUND', 'no such sign-up')
      orFail(checkCheckIn(s) ?? true)
      if (s.checkedInAt) return { signup: s, already: true }
      await Promise.all([
        t
          .collection(S)
          .doc(signupId)
          .update({ data: { checkedInAt: now, checkInBy: by, noShow: false, updatedAt: now } }),
        t
          .collection(E)
          .doc(s.eventId)
          .update({ data: { checkedInCount: ctx._.inc(1) } }),
      ])
      await ctx.audit?.inTx(t)
      return { signup: { ...s, checkedInAt: now, checkInBy: by, noShow: false, updatedAt: now }, already: false }
    },
    HOT_TX_ATTEMPTS,
  )
}

/** One rating per attendee; the event's sum and count move with it. Returns the new totals. */
export async function rateTx(
  ctx: Ctx,
  rating: RatingDoc,
  signupId: string,
  now: Date,
): Promise<{ count: number; sum: number; event: EventDoc }> {
  return withTransaction(
    ctx.db,
    async (t) => {
      const [ev, s] = await Promise.all([getInTransaction<EventDoc>(t, E, rating.eventId), getInTransaction<SignupDoc>(t, S, signupId)])
      if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
      orFail(checkRate(ev, s, now) ?? true)
      await Promise.all([
        t
          .collection(COLLECTIONS.eventRatings)
          .doc(rating._id)
          .set({ data: withoutId(rating) }),
        t
          .collection(S)
          .doc(signupId)
          .update({ data: { rated: true, updatedAt: now } }),
        t
          .collection(E)
          .doc(rating.eventId)
          .update({ data: { ratingCount: ctx._.inc(1), ratingSum: ctx._.inc(rating.score) } }),
      ])
      return { count: ev.ratingCount + 1, sum: ev.ratingSum + rating.score, event: ev }
    },
    HOT_TX_ATTEMPTS,
  )
}
