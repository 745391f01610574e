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
  type SeatClaimEntry,
  type ChildDoc,
} from '../../types/index'
import type { Context } from '../_kernel/context'
import { collection, withTransaction, type Filter, type Update } from '../_kernel/data'
import { fail, orFail } from '../_kernel/errors'
import { checkCheckIn, checkRate } from './domain/event-rules'
import { CLAIM_LOG, counterOf, RECENT_CLAIMS, type ClaimKind, type claimConditions } from './domain/seats'

type Ctx = Pick<Context, 'db' | '_' | 'audit'>

const E = COLLECTIONS.events
const S = COLLECTIONS.eventSignups
const events = (ctx: Ctx) => collection(ctx.db, E)
const signups = (ctx: Ctx) => collection(ctx.db, S)
const tasks = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.eventTasks)
const series = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.eventSeries)

/**
 * Attempts for a transaction on an event's document (check-ins, ratings racing the sign-up claims):
 * conflicts are normal under load; the kernel backs off between attempts.
 */
export const HOT_TX_ATTEMPTS = 40

export const signupIdOf = (eventId: string, participantId: string) => `${eventId}_${participantId}`
export const taskIdOf = (eventId: string) => `${eventId}_adjustment`

// ---------------------------------------------------------------- plain reads

export const getEvent = (ctx: Ctx, eventId: string): Promise<EventDoc | null> => events(ctx).byId(eventId)
export const getSignup = (ctx: Ctx, signupId: string): Promise<SignupDoc | null> => signups(ctx).byId(signupId)
export const getCommunity = (ctx: Ctx, communityId: string): Promise<CommunityDoc | null> =>
  collection(ctx.db, COLLECTIONS.communities).byId(communityId)
export const getSeries = (ctx: Ctx, seriesId: string): Promise<SeriesDoc | null> => series(ctx).byId(seriesId)
export const getSeriesMany = (ctx: Ctx, ids: string[]): Promise<SeriesDoc[]> => series(ctx).byIds(ids)
export const getTask = (ctx: Ctx, eventId: string): Promise<AdjustmentTaskDoc | null> => tasks(ctx).byId(taskIdOf(eventId))
export const getDraw = (ctx: Ctx, eventId: string): Promise<DrawDoc | null> => collection(ctx.db, COLLECTIONS.eventDraws).byId(eventId)
export const getEvents = (ctx: Ctx, ids: string[]): Promise<EventDoc[]> => events(ctx).byIds(ids)

/** By venue check-in code. Index events_venue (unique). */
export const getEventByVenueCode = (ctx: Ctx, venueCode: string): Promise<EventDoc | null> => events(ctx).first({ venueCode })

/** Published (and recently cancelled) events from two weeks back on, soonest first. Index events_feed. */
export const listFeed = (ctx: Ctx, communityId: string, since: Date, limit: number): Promise<EventDoc[]> =>
  events(ctx).find(
    { communityId, status: ctx._.in(['published', 'cancelled']), startAt: ctx._.gte(since) },
    { orderBy: [['startAt', 'asc']], limit },
  )

/** Every event of a community for staff, most recently changed first. Index events_manage. */
export const listForStaff = (ctx: Ctx, communityId: string, limit: number): Promise<EventDoc[]> =>
  events(ctx).find({ communityId }, { orderBy: [['updatedAt', 'desc']], limit })

/** A community's published events starting in [start, end). Index events_feed. */
export const listInRange = (ctx: Ctx, communityId: string, start: Date, end: Date): Promise<EventDoc[]> =>
  events(ctx).find(
    { communityId, status: 'published', startAt: ctx._.gte(start).and(ctx._.lt(end)) },
    { orderBy: [['startAt', 'asc']], limit: 100 },
  )

/** A community's series, newest first. Index event_series_community. */
export const listSeries = (ctx: Ctx, communityId: string): Promise<SeriesDoc[]> =>
  series(ctx).find({ communityId }, { orderBy: [['createdAt', 'desc']], limit: 100 })

export const listTasks = (ctx: Ctx, communityId: string, status?: 'open' | 'closed'): Promise<AdjustmentTaskDoc[]> =>
  tasks(ctx).find(status ? { communityId, status } : { communityId }, { orderBy: [['openedAt', 'desc']], limit: 100 })

export const countOpenTasks = (ctx: Ctx, communityId: string): Promise<number> => tasks(ctx).count({ communityId, status: 'open' })

/** The sign-ups a person manages (their own, their children's, walk-ins booked for them), newest first. Index event_signups_owner. */
export const listByOwner = (ctx: Ctx, openid: string, limit: number): Promise<SignupDoc[]> =>
  signups(ctx).find({ ownerOpenid: openid }, { orderBy: [['createdAt', 'desc']], limit })

/** A person's sign-ups on these events. Index event_signups_owner. */
export async function listByOwnerFor(ctx: Ctx, openid: string, eventIds: string[]): Promise<SignupDoc[]> {
  if (!openid || eventIds.length === 0) return []
  return signups(ctx).find({ ownerOpenid: openid, eventId: ctx._.in(eventIds.slice(0, 100)) }, { limit: 100 })
}

/** A page of an event's sign-ups in seq order, optionally of one status. Index event_signups_status / event_signups_seq. */
export async function listSignupsPage(
  ctx: Ctx,
  eventId: string,
  options: { status?: SignupStatus; statuses?: SignupStatus[]; after?: number; limit: number },
): Promise<SignupDoc[]> {
  const filter: Filter<SignupDoc> = { eventId, seq: ctx._.gt(options.after ?? 0) }
  if (options.status) filter.status = options.status
  else if (options.statuses) filter.status = ctx._.in(options.statuses)
  return signups(ctx).find(filter, { orderBy: [['seq', 'asc']], limit: options.limit })
}

/** Every sign-up of an event with these statuses, page by page in seq order (keyed on seq, so none is skipped). */
export async function allSignups(ctx: Ctx, eventId: string, statuses: SignupStatus[]): Promise<SignupDoc[]> {
  const out: SignupDoc[] = []
  for (let after = 0; ;) {
    const page = await listSignupsPage(ctx, eventId, { statuses, after, limit: 1000 })
    out.push(...page)
    if (page.length < 1000) return out
    after = page[page.length - 1].seq
  }
}

export const countByStatus = (ctx: Ctx, eventId: string, status: SignupStatus): Promise<number> => signups(ctx).count({ eventId, status })

/** 1 + the number of waitlisted sign-ups ahead (smaller seq). Index event_signups_status. */
export async function waitlistPosition(ctx: Ctx, eventId: string, seq: number): Promise<number> {
  return (await signups(ctx).count({ eventId, status: 'waitlisted', seq: ctx._.lt(seq) })) + 1
}

/** Positions of the waitlisted ones among these sign-ups. */
export async function positionsOf(ctx: Ctx, list: SignupDoc[]): Promise<Map<string, number>> {
  const waiting = list.filter((s) => s.status === 'waitlisted')
  const positions = await Promise.all(waiting.map((s) => waitlistPosition(ctx, s.eventId, s.seq)))
  return new Map(waiting.map((s, i) => [s._id, positions[i]]))
}

/** The first on the waitlist (smallest seq). Index event_signups_status. */
export const waitlistHead = (ctx: Ctx, eventId: string): Promise<SignupDoc | null> =>
  signups(ctx).first({ eventId, status: 'waitlisted' }, [['seq', 'asc']])

/** The first `n` on the waitlist, in sequence order (the head first). */
export const waitlistHeads = (ctx: Ctx, eventId: string, n: number): Promise<SignupDoc[]> =>
  signups(ctx).find({ eventId, status: 'waitlisted' }, { orderBy: [['seq', 'asc']], limit: n })

export const signupByTicket = (ctx: Ctx, ticketCode: string): Promise<SignupDoc | null> => signups(ctx).first({ ticketCode })

/** Staff of a community (for alerts). Index memberships_community. */
export async function staffOf(ctx: Ctx, communityId: string): Promise<string[]> {
  const staff = await collection(ctx.db, COLLECTIONS.memberships).find({ communityId, role: 'staff' }, { limit: 100 })
  return staff.map((m) => m.openid)
}

// ---------------------------------------------------------------- plain writes

export const insertEvent = (ctx: Ctx, doc: Omit<EventDoc, '_id'>): Promise<EventDoc> => events(ctx).insert(doc)

/** Conditional update of one event (the filter includes `_id`) → whether it changed. */
export const updateEventWhere = async (ctx: Ctx, filter: Filter<EventDoc> & { _id: string }, changes: Update<EventDoc>) =>
  (await events(ctx).update(filter, changes)) === 1

export const updateSignupWhere = async (ctx: Ctx, filter: Filter<SignupDoc> & { _id: string }, changes: Update<SignupDoc>) =>
  (await signups(ctx).update(filter, changes)) === 1

export const insertSeries = (ctx: Ctx, doc: SeriesDoc) => series(ctx).insertOnce(doc)
export const insertTask = (ctx: Ctx, doc: AdjustmentTaskDoc) => tasks(ctx).insertOnce(doc)
export const insertDraw = (ctx: Ctx, doc: DrawDoc) => collection(ctx.db, COLLECTIONS.eventDraws).insertOnce(doc)
export const updateTaskWhere = async (ctx: Ctx, filter: Filter<AdjustmentTaskDoc> & { _id: string }, changes: Update<AdjustmentTaskDoc>) =>
  (await tasks(ctx).update(filter, changes)) === 1
export const updateSeries = (ctx: Ctx, seriesId: string, changes: Update<SeriesDoc>) => series(ctx).updateById(seriesId, changes)

/** Marks every confirmed, not checked-in sign-up of an event as a no-show (idempotent) → how many are no-shows now. */
export async function markNoShows(ctx: Ctx, eventId: string, now: Date): Promise<number> {
  await signups(ctx).update({ eventId, status: 'confirmed', checkedInAt: null, noShow: false }, { noShow: true, updatedAt: now })
  return signups(ctx).count({ eventId, status: 'confirmed', noShow: true })
}

/** Published events with seat claims since `since` (the abandoned-claims sweep). Index events_claims. */
export const eventsClaimedSince = (ctx: Ctx, since: Date): Promise<EventDoc[]> =>
  events(ctx).find({ status: 'published', lastClaimAt: ctx._.gte(since) }, { orderBy: [['lastClaimAt', 'asc']], limit: 100 })

/** Events whose lottery is due (or was left half-written). Index events_due_draw. */
export const listDrawCandidates = (ctx: Ctx, now: Date): Promise<EventDoc[]> =>
  events(ctx).find(
    { status: 'published', allocation: 'lottery', drawState: ctx._.in(['none', 'applying']), signupClosesAt: ctx._.lte(now) },
    { orderBy: [['signupClosesAt', 'asc']], limit: 20 },
  )

/** Published events starting in (from, to]. Index events_start. */
export const listStartingBetween = (ctx: Ctx, from: Date, to: Date): Promise<EventDoc[]> =>
  events(ctx).find(
    { status: 'published', startAt: ctx._.gt(from).and(ctx._.lte(to)), reminderSentAt: null },
    { orderBy: [['startAt', 'asc']], limit: 50 },
  )

/** Published events that ended in (from, to] with no-shows not yet recorded. Index events_end. */
export const listEndedBetween = (ctx: Ctx, from: Date, to: Date): Promise<EventDoc[]> =>
  events(ctx).find(
    { status: 'published', endAt: ctx._.gt(from).and(ctx._.lte(to)), noShowsRecordedAt: null },
    { orderBy: [['endAt', 'asc']], limit: 50 },
  )

// ---------------------------------------------------------------- seats (the requests of seats.ts)

/**
 * A seat claim: one conditional update of the event — published, `key` not in its claim log, and the decision's
 * conditions on the counters — that adds one to the claim's counter and to `seq` and pushes the claim on the log.
 * With `pin` it is a compare-and-swap: made only if `seq` and `waitlistCount` are still exactly as read.
 * → whether it was made.
 */
export async function claimSeat(
  ctx: Ctx,
  eventId: string,
  cond: ReturnType<typeof claimConditions>,
  kind: ClaimKind,
  key: string,
  now: Date,
  pin?: Pick<EventDoc, 'seq' | 'waitlistCount'>,
): Promise<boolean> {
  const _ = ctx._
  const filter: Filter<EventDoc> = { _id: eventId, status: 'published', allocation: cond.allocation, drawState: cond.drawState }
  if (cond.capacity !== undefined) filter.capacity = cond.capacity
  if (cond.confirmedBelow !== undefined) filter.confirmedCount = _.lt(cond.confirmedBelow)
  if (cond.confirmedAtLeast !== undefined) filter.confirmedCount = _.gte(cond.confirmedAtLeast)
  if (cond.noWaitlist) filter.waitlistCount = 0
  if (pin) Object.assign(filter, { seq: pin.seq, waitlistCount: pin.waitlistCount })
  // no entry of the claim log has `p` = key (`Filter` types fields, not fields of array elements; `$ne` on an array
  // path holds when no element equals)
  Object.assign(filter, { 'claims.p': _.neq(key) })
  const changes: Update<EventDoc> = {
    seq: _.inc(1),
    lastClaimAt: now,
    claims: _.push<SeatClaimEntry>({ each: [{ k: kind, p: key, at: Date.now() }], slice: -CLAIM_LOG }),
  }
  changes[counterOf(kind)] = _.inc(1)
  return (await events(ctx).update(filter, changes)) === 1
}

export interface SeatRead {
  event: EventDoc | null
  person: PersonDoc | null
  membership: MembershipDoc | null
  signup: SignupDoc | null
  child: ChildDoc | null
  /** the last RECENT_CLAIMS entries of the event's claim log */
  recentClaims: SeatClaimEntry[]
}

/** The fields the sign-up's aggregate adds to the event (looked-up documents, the log's last entries). */
interface SeatRow extends EventDoc {
  seatWho?: string
  seatSignup?: string
  seatChild?: string
  seatMember?: string
  seatPerson?: PersonDoc[]
  seatMembership?: MembershipDoc[]
  seatSignups?: SignupDoc[]
  seatChildren?: ChildDoc[]
  seatRecent?: SeatClaimEntry[]
}

/**
 * Everything a sign-up decides from, in one request: the event as it is now and, looked up by `_id`, the caller's
 * person and membership of the event's community, the existing sign-up, the named child, and the claim log's last
 * entries (how busy the event is).
 */
export async function readForSeat(
  ctx: Ctx,
  eventId: string,
  ids: { openid: string; signupId: string; childId: string | null },
): Promise<SeatRead> {
  const _ = ctx._
  const run = () =>
    ctx.db
      .collection(E)
      .aggregate<SeatRow>()
      .match({ _id: eventId })
      .addFields({ seatRecent: _.aggregate.slice([_.aggregate.ifNull(['$claims', []]), -RECENT_CLAIMS]) })
      .project({ claims: 0 })
      .addFields({ seatWho: ids.openid, seatSignup: ids.signupId, seatChild: ids.childId ?? '' })
      .addFields({ seatMember: _.aggregate.concat(['$communityId', '_', ids.openid]) })
      .lookup({ from: COLLECTIONS.people, localField: 'seatWho', foreignField: '_id', as: 'seatPerson' })
      .lookup({ from: COLLECTIONS.memberships, localField: 'seatMember', foreignField: '_id', as: 'seatMembership' })
      .lookup({ from: S, localField: 'seatSignup', foreignField: '_id', as: 'seatSignups' })
      .lookup({ from: COLLECTIONS.children, localField: 'seatChild', foreignField: '_id', as: 'seatChildren' })
      .end()
  const res = await readPatiently(run)
  const row = res.list.at(0)
  if (!row) return { event: null, person: null, membership: null, signup: null, child: null, recentClaims: [] }
  const { seatWho, seatSignup, seatChild, seatMember, seatPerson, seatMembership, seatSignups, seatChildren, seatRecent, ...event } = row
  return {
    event,
    person: seatPerson?.[0] ?? null,
    membership: seatMembership?.[0] ?? null,
    signup: seatSignups?.[0] ?? null,
    child: seatChildren?.[0] ?? null,
    recentClaims: seatRecent ?? [],
  }
}

export type ClaimLog = Pick<EventDoc, 'seq' | 'waitlistCount' | 'confirmedCount' | 'registeredCount' | 'claims'>

/**
 * After a claim: the event's `seq`, `waitlistCount` and the last `tail` entries of its claim log (our entry, just
 * pushed, is among them unless that many claims came after it: then the caller asks again with the whole log).
 */
export async function readClaimLog(ctx: Ctx, eventId: string, tail = CLAIM_LOG): Promise<ClaimLog | null> {
  const found = await events(ctx).pick({ _id: eventId }, ['seq', 'waitlistCount', 'confirmedCount', 'registeredCount', 'claims'], {
    limit: 1,
    slices: tail < CLAIM_LOG ? { claims: -tail } : {},
  })
  return found.at(0) ?? null
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
export const insertSignup = (ctx: Ctx, doc: SignupDoc) => signups(ctx).insertOnce(doc)

/** A re-sign-up over a cancelled one (the same `_id`): only if it is still the cancelled one we read. */
export async function replaceCancelledSignup(ctx: Ctx, doc: SignupDoc, was: SignupDoc): Promise<boolean> {
  const { _id, createdAt, ...rest } = doc
  return signups(ctx).updateById(_id, { ...rest, createdAt: was.createdAt ?? createdAt }, { status: 'cancelled', updatedAt: was.updatedAt })
}

/** The abandoned-claims sweep has checked the claims made up to `at` (ms). */
export const markClaimsChecked = (ctx: Ctx, eventId: string, at: number) => events(ctx).updateById(eventId, { claimsCheckedTo: at })

/** Sign-ups by `_id` (any number). */
export const findSignups = (ctx: Ctx, ids: string[]): Promise<SignupDoc[]> => signups(ctx).byIds(ids)

// ---------------------------------------------------------------- transactions

/** Change an event's fields inside a transaction, after `decide` approved them against its current state. */
export async function updateEventTx(
  ctx: Ctx,
  eventId: string,
  decide: (ev: EventDoc) => Partial<Omit<EventDoc, '_id'>>,
): Promise<EventDoc> {
  return withTransaction(
    ctx.db,
    async (tx) => {
      const ev = await tx.collection(E).get(eventId)
      if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
      const changes = decide(ev)
      await tx.collection(E).update(eventId, changes)
      await ctx.audit?.inTx(tx)
      return { ...ev, ...changes }
    },
    { attempts: HOT_TX_ATTEMPTS },
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
    async (tx) => {
      const s = await tx.collection(S).get(signupId)
      if (!s) fail('SIGNUP.NOT_FOUND', 'no such sign-up')
      orFail(checkCheckIn(s) ?? true)
      if (s.checkedInAt) return { signup: s, already: true }
      const changes = { checkedInAt: now, checkInBy: by, noShow: false, updatedAt: now }
      await Promise.all([tx.collection(S).update(signupId, changes), tx.collection(E).update(s.eventId, { checkedInCount: ctx._.inc(1) })])
      await ctx.audit?.inTx(tx)
      return { signup: { ...s, ...changes }, already: false }
    },
    { attempts: HOT_TX_ATTEMPTS },
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
    async (tx) => {
      const [ev, s] = await Promise.all([tx.collection(E).get(rating.eventId), tx.collection(S).get(signupId)])
      if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
      orFail(checkRate(ev, s, now) ?? true)
      const { _id, ...stored } = rating
      await Promise.all([
        tx.collection(COLLECTIONS.eventRatings).set(_id, stored),
        tx.collection(S).update(signupId, { rated: true, updatedAt: now }),
        tx.collection(E).update(rating.eventId, { ratingCount: ctx._.inc(1), ratingSum: ctx._.inc(rating.score) }),
      ])
      return { count: ev.ratingCount + 1, sum: ev.ratingSum + rating.score, event: ev }
    },
    { attempts: HOT_TX_ATTEMPTS },
  )
}
