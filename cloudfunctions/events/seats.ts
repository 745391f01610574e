/**
 * The sign-up seats of an event (docs/decisions/0010): four database requests for a sign-up, none of them a wait:
 *   1. read    one aggregate: the event as it is now, with the caller's person, membership, existing sign-up (and
 *              child) looked up by `_id` — every refusal is decided here, so a refused sign-up writes nothing;
 *   2. claim   one conditional update of the event: "published, this key not claimed yet, and (a place is free and
 *              nobody waits | every place is taken | a lottery open for registration)" → the counter, `seq` + 1, and an
 *              entry pushed on the event's claim log. The filter makes the decision atomic: never oversold;
 *   3. back    the event's `seq`, `waitlistCount` and claim log: our exact seq and waitlist position;
 *   4. write   the sign-up under its deterministic `_id` (one per participant), carrying the claim's key: from here
 *              on the answer is durable.
 * A claim that cannot be written (pushed out of the log, or a racing tap wrote first) is released: its counter is
 * given back in a transaction (a freed place goes to the waitlist head). A claim whose function died before step 4 is
 * released by the timer after ABANDONED_MS; until then whoever would give a place to someone behind it waits for it
 * (cancelSeat, promoteWhileRoom): FIFO holds for claims in flight.
 *
 * Only rules from domain/ and reads and writes from repo.ts; transactions here because they are seat logic.
 */
import { COLLECTIONS, type EventDoc, type SeatClaimEntry, type SignupDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import { backoffMs, retry, sleep, withTransaction, type Tx, type Update } from '../_kernel/data'
import { AppError, fail, orFail } from '../_kernel/errors'
import { retryAfterMs } from '../_kernel/quota'
import { checkCancel } from './domain/event-rules'
import {
  ABANDONED_MS,
  afterClaim,
  claimedAt,
  compareAndSwapPays,
  CLAIM_LOG,
  claimConditions,
  claimKey,
  claimKindFor,
  counterOf,
  isReleased,
  readClaim,
  statusOf,
  settledClaims,
  waitClaimsAhead,
  checkQueued,
  countersOff,
  type ClaimKind,
  type ReadClaim,
} from './domain/seats'
import {
  claimSeat,
  findSignups,
  getEvent,
  getSignup,
  insertSignup,
  markClaimsChecked,
  readClaimLog,
  readForSeat,
  replaceCancelledSignup,
  signupIdOf,
  countByStatus,
  updateEventWhere,
  updateSignupWhere,
  waitlistHead,
  waitlistHeads,
  type SeatRead,
} from './repo'

type Ctx = Pick<Context, 'db' | '_' | 'log' | 'audit'>

const E = COLLECTIONS.events
const S = COLLECTIONS.eventSignups
/** Thrown inside a seat transaction when the waitlist head it found moved (or a claim ahead is being written): retried. */
const STALE = new Error('the waitlist head moved')
const staleRetry = { attempts: 40, retryOn: (error: unknown) => error === STALE }
/** Attempts of a transaction on an event's document (conflicts with claims are normal under a burst). */
export const HOT_TX_ATTEMPTS = 40

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
  /** the event as read after the claim (for fullness alerts) */
  event: EventDoc
}

/**
 * Who a sign-up is for, decided from what the read-back brought (person, membership, child): a participant, or a
 * refusal thrown. For staff bookings (代报名) the participant is known before (`fixed`).
 */
export type ParticipantOf = (read: SeatRead) => NewParticipant

export interface SignUpRequest {
  /** the caller (their person and membership are read back with the event) */
  openid: string
  /** the participant's id as the caller names it (the caller, a child of theirs, a walk-in) */
  participantId: string
  /** a child to read back (guardian sign-ups) */
  childId: string | null
  participantOf: ParticipantOf
}

/*
 * Once a claim is made its caller holds a place, so the requests that follow (read-back, write) must not end the call
 * as SYSTEM.BUSY when the platform refuses them for quota: a caller that gave up would leave a claim that only the
 * timer can release. The claim is the call's first write, so from it on the call's database asks again by itself
 * (`_kernel/call-db.ts`, 0112).
 */

/** Claim-log entries read back first: far more than the claims made between one's claim and one's read. */
const CLAIM_TAIL_READ = 24
/** How many times a sign-up re-decides after the event moved under it (capacity or state changed). */
const ROUNDS = 4

/**
 * Sign up: read, claim, read the claim back, write. Everything that may refuse is decided on the first read, so a
 * refused sign-up writes nothing; the claim's filter re-checks atomically what the counters decided.
 */
export async function signUp(ctx: Ctx, eventId: string, req: SignUpRequest, now: Date, ticketCode: () => string): Promise<SignUpOutcome> {
  const signupId = signupIdOf(eventId, req.participantId)
  /** claim rounds found released in the log (an abandoned claim the timer gave back): the next key skips them */
  let released = 0
  for (let round = 0; round < ROUNDS; round++) {
    // 1. read: the event as it is now, who is signing up, their sign-up if any
    const readAt = Date.now()
    const read = await readForSeat(ctx, eventId, { openid: req.openid, signupId, childId: req.childId })
    const readMs = Date.now() - readAt
    if (!read.event) fail('EVENT.NOT_FOUND', 'event not found')
    const ev = read.event
    const participant = req.participantOf(read)
    const existing = read.signup
    if (existing && existing.status !== 'cancelled' && existing.status !== 'pending')
      return { signup: existing, created: false, position: null, event: ev }
    orFail(checkQueued(ev, participant, now) ?? true)
    const key = claimKey(req.participantId, (existing?.claimKey ? roundOf(existing.claimKey) + 1 : 0) + released)
    let kind: ClaimKind = claimKindFor(ev)
    const write = async (mine: ReadClaim, after: EventDoc): Promise<SignUpOutcome> => {
      // 4. write: the sign-up is durable from here on
      const doc = newSignup(ev, participant, signupId, key, mine.kind, mine.seq, mine.position, now, ticketCode())
      const written = await (existing ? replaceCancelledSignup(ctx, doc, existing) : insertSignup(ctx, doc))
      if (!written) {
        const other = (await findSignups(ctx, [signupId]))[0]
        // our claim, written by the other tap of a double tap: the same place
        if (other && other.claimKey === key) return { signup: other, created: false, position: mine.position, event: after }
        // written meanwhile by a tap that read before ours (another key): ours is one too many
        await releaseClaim(ctx, eventId, key, mine.kind, now)
        if (other && other.status !== 'cancelled') return { signup: other, created: false, position: null, event: ev }
        fail('EVENT.BUSY', 'the sign-up changed while it was written; try again')
      }
      return { signup: doc, created: true, position: mine.position, event: after }
    }
    // 2. claim, when the event is not too busy for it as a compare-and-swap on the counters as read: made, it needs
    //    no read-back (3 requests in all)
    if (
      compareAndSwapPays(read.recentClaims, Date.now(), readMs) &&
      (await claimSeat(ctx, eventId, claimConditions(kind, ev), kind, key, now, ev))
    ) {
      return write(claimedAt(kind, ev, Date.now()), afterClaim(ev, kind))
    }
    // busy, or missed (the counters moved since the read): an increment that does not care how far they moved (a free
    // place just taken by someone else → the waitlist at once), and the read-back (4 requests in all)
    let claimed = await claimSeat(ctx, eventId, claimConditions(kind, ev), kind, key, now)
    if (!claimed && kind === 'c') {
      kind = 'w'
      claimed = await claimSeat(ctx, eventId, claimConditions(kind, ev), kind, key, now)
    }
    // 3. read the claim back: our seq and exact position
    let log = await readClaimLog(ctx, eventId, CLAIM_TAIL_READ)
    let mine = log ? readClaim(log, key) : null
    if (!mine) {
      log = await readClaimLog(ctx, eventId)
      mine = log ? readClaim(log, key) : null
    }
    if (!claimed) {
      // Our key is claimed already: by the other tap of a double tap, or by an earlier call of ours that died before
      // its write (a quota refusal, a timeout). Its place is ours; write it too — whichever write lands first stores
      // it, the other finds it stored — so the place answered is always a place stored.
      if (mine && !isReleased(log?.claims, key)) return write(mine, { ...ev, ...(log ?? {}) })
      if (mine) released++ // our key was claimed and given back: claim with the next one
      continue // the event changed between the read and the claim (capacity, state): decide again
    }
    if (!mine) {
      // pushed out of the log before we read it (more than CLAIM_LOG claims in between): give it back, try again
      await releaseClaim(ctx, eventId, key, kind, now)
      throw new AppError('SYSTEM.BUSY', 'too many sign-ups at this instant', undefined, retryAfterMs())
    }
    return write(mine, { ...ev, ...(log ?? {}) })
  }
  throw new AppError('SYSTEM.BUSY', 'the event kept changing; try again', undefined, retryAfterMs())
}

const roundOf = (key: string) => Number(key.slice(key.lastIndexOf('#') + 1)) || 0

function newSignup(
  ev: EventDoc,
  p: NewParticipant,
  id: string,
  key: string,
  kind: ClaimKind,
  seq: number,
  position: number | null,
  now: Date,
  ticketCode: string,
): SignupDoc {
  const status = statusOf(kind)
  return {
    _id: id,
    eventId: ev._id,
    communityId: ev.communityId,
    participantId: p.participantId,
    kind: p.kind,
    ownerOpenid: p.ownerOpenid,
    displayName: p.displayName,
    birthYear: p.birthYear,
    status,
    pendingAt: now,
    decidedAt: now,
    claimKey: key,
    seq,
    joinPosition: position,
    rejectCode: null,
    source: p.source,
    proxyBy: p.proxyBy,
    ticketCode,
    checkedInAt: null,
    checkInBy: null,
    noShow: false,
    rated: false,
    confirmedAt: status === 'confirmed' ? now : null,
    promotedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Give a claim back (a refused or duplicate claim, or an abandoned one): its counter goes down in a transaction that
 * checks the claim is in the log and not released yet; a place given back goes to the waitlist head (FIFO). Idempotent.
 */
export async function releaseClaim(ctx: Ctx, eventId: string, key: string, kind: ClaimKind, now: Date): Promise<void> {
  await retry(async () => {
    const head = kind === 'c' ? await waitlistHead(ctx, eventId) : null
    await withTransaction(
      ctx.db,
      async (tx) => {
        const ev = await tx.collection(E).get(eventId)
        if (!ev) return
        const log = ev.claims ?? []
        if (isReleased(log, key) || !log.some((x) => x.p === key && x.k === kind)) return
        const entries: SeatClaimEntry[] = []
        const data: Update<EventDoc> = {}
        if (kind === 'c' && ev.waitlistCount > 0) {
          const promoted = await promoteHeadInTx(tx, ev, head, now)
          if (promoted === 'stale') throw STALE
          if (promoted) {
            data.waitlistCount = ctx._.inc(-1)
            entries.push({ k: 'x', at: Date.now() })
          } else data.confirmedCount = ctx._.inc(-1)
        } else {
          data[counterOf(kind)] = ctx._.inc(-1)
          if (kind === 'w') entries.push({ k: 'x', at: Date.now() })
        }
        entries.push({ k: 'u', p: key, at: Date.now() })
        data.claims = ctx._.push({ each: entries, slice: -CLAIM_LOG })
        await tx.collection(E).update(eventId, data)
      },
      { attempts: HOT_TX_ATTEMPTS },
    )
  }, staleRetry).catch((error) => {
    throw error === STALE ? new AppError('EVENT.BUSY', 'the waitlist kept moving; try again') : error
  })
}

/**
 * Inside a transaction on `ev`: confirm the waitlist head `head` (found by a query just before). 'stale' when the
 * head moved, or when a waitlist claim ahead of it is still being written (it would be skipped); null when the
 * waitlist is only abandoned claims (released here). Claims in flight are few and recent: usually none is ahead.
 */
async function promoteHeadInTx(tx: Tx, ev: EventDoc, head: SignupDoc | null, now: Date): Promise<SignupDoc | null | 'stale'> {
  const ahead = waitClaimsAhead(ev, head ? head.seq : Number.POSITIVE_INFINITY)
  for (const c of ahead) {
    const s = await tx.collection(S).get(signupIdOf(ev._id, c.participantId))
    if (s && s.seq === c.seq) {
      if (s.status === 'waitlisted') return 'stale' // written meanwhile: it is the head
      continue // written and already moved on (cancelled, promoted)
    }
    if (Date.now() - c.at < ABANDONED_MS) return 'stale' // being written: wait for it
    // abandoned: the sweep would release it; it is no one's place
  }
  if (!head) return ahead.length > 0 && ahead.every((c) => Date.now() - c.at >= ABANDONED_MS) ? null : 'stale'
  const h = await tx.collection(S).get(head._id)
  if (!h || h.status !== 'waitlisted' || h.seq !== head.seq) return 'stale'
  const promoted: SignupDoc = { ...h, status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now }
  await tx.collection(S).update(h._id, { status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now })
  return promoted
}

export interface CancelOutcome {
  signup: SignupDoc
  /** false when it was already cancelled (a repeated tap) */
  changed: boolean
  promoted: SignupDoc | null
  event: EventDoc
}

/** How many times a cancellation re-decides after its sign-up moved under it (promoted meanwhile, say). */
const CANCEL_ROUNDS = 4
/** Hand-overs a freed place tries while the waitlist counter and the waitlist disagree (see handOn). */
const HAND_ON_ROUNDS = 3
/** Waitlist heads read at once for a promotion: racing promoters each take the next one still waiting. */
const PROMOTE_CANDIDATES = 40
/** Reads of the waitlist a promotion makes while a waitlist claim ahead is still being written (≈ 8 s of waits). */
const PROMOTE_READS = 40

/**
 * Cancel a sign-up (docs/decisions/0097). No transaction over the event: under a burst its document changes with every
 * claim, so a transaction writing it lost to the claims (and the cancellations of one opening all queued on the same
 * waitlist head) until the function timed out. Instead, each step is one single-document conditional update, which
 * the database applies atomically however many claims land around it:
 *   1. the sign-up, from the status it was read in → cancelled (a double tap, or a promotion that got there first,
 *      makes it miss: decide again);
 *   2. the counters: a waitlist place or a registration given back (−1); a confirmed place handed to the waitlist
 *      (`handOn`: waitlistCount − 1 while someone waits, the place changing hands), else freed (confirmedCount − 1).
 * A place handed on is a promotion owed: `confirmHead` confirms the first one still waiting. A call that dies between
 * the steps leaves counters off from the records; the timer's reconciliation (reconcileCounters) puts them right.
 */
export async function cancelSeat(ctx: Ctx, eventId: string, signupId: string, by: string, now: Date): Promise<CancelOutcome> {
  for (let round = 0; round < CANCEL_ROUNDS; round++) {
    const [ev, s] = await Promise.all([getEvent(ctx, eventId), getSignup(ctx, signupId)])
    if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
    if (!s || s.eventId !== eventId) fail('SIGNUP.NOT_FOUND', 'no such sign-up')
    if (s.status === 'cancelled') return { signup: s, changed: false, promoted: null, event: ev }
    orFail(checkCancel(ev, s, now) ?? true)
    if (ev.allocation === 'lottery' && ev.drawState !== 'done') return cancelInTransaction(ctx, eventId, signupId, by, now)
    const change = { status: 'cancelled' as const, cancelledAt: now, cancelledBy: by, updatedAt: now }
    if (!(await updateSignupWhere(ctx, { _id: s._id, status: s.status }, change))) continue
    const cancelled: SignupDoc = { ...s, ...change }
    const event: EventDoc = { ...ev }
    let promoted: SignupDoc | null = null
    if (s.status === 'confirmed') {
      promoted = await handOn(ctx, eventId, now)
      if (promoted) event.waitlistCount -= 1
      else event.confirmedCount -= 1
    } else if (s.status === 'waitlisted') {
      await updateEventWhere(ctx, { _id: eventId }, { waitlistCount: ctx._.inc(-1), claims: given(ctx) })
      event.waitlistCount -= 1
    } else {
      await updateEventWhere(ctx, { _id: eventId }, { registeredCount: ctx._.inc(-1) })
      event.registeredCount -= 1
    }
    return { signup: cancelled, changed: true, promoted, event }
  }
  throw new AppError('EVENT.BUSY', 'the sign-up kept changing; try again')
}

/**
 * A lottery's registrations (before its draw is done) are cancelled in a transaction over the event, as before 0097:
 * the draw's claim (drawState none → applying) changes the event, so a cancellation racing it conflicts and is
 * decided again (refused while the draw applies) — the draw never counts a registration cancelled behind its back.
 */
async function cancelInTransaction(ctx: Ctx, eventId: string, signupId: string, by: string, now: Date): Promise<CancelOutcome> {
  return retry(async () => {
    const head = await waitlistHead(ctx, eventId)
    return withTransaction(
      ctx.db,
      async (tx): Promise<CancelOutcome> => {
        const [ev, s] = await Promise.all([tx.collection(E).get(eventId), tx.collection(S).get(signupId)])
        if (!ev) fail('EVENT.NOT_FOUND', 'event not found')
        if (!s) fail('SIGNUP.NOT_FOUND', 'no such sign-up')
        if (s.status === 'cancelled') return { signup: s, changed: false, promoted: null, event: ev }
        orFail(checkCancel(ev, s, now) ?? true)
        const inc: Partial<Record<'confirmedCount' | 'waitlistCount' | 'registeredCount', number>> = {}
        const entries: SeatClaimEntry[] = []
        let promoted: SignupDoc | null = null
        if (s.status === 'confirmed') {
          if (ev.waitlistCount > 0) {
            const p = await promoteHeadInTx(tx, ev, head && head._id !== s._id ? head : null, now)
            if (p === 'stale') throw STALE
            promoted = p
          }
          if (promoted) {
            inc.waitlistCount = -1
            entries.push({ k: 'x', at: Date.now() })
          } else inc.confirmedCount = -1
        } else if (s.status === 'waitlisted') {
          inc.waitlistCount = -1
          entries.push({ k: 'x', at: Date.now() })
        } else inc.registeredCount = -1
        const cancelled: SignupDoc = { ...s, status: 'cancelled', cancelledAt: now, cancelledBy: by, updatedAt: now }
        const data: Update<EventDoc> = {}
        for (const [k, v] of Object.entries(inc) as Array<[keyof typeof inc, number]>) data[k] = ctx._.inc(v)
        if (entries.length > 0) data.claims = ctx._.push({ each: entries, slice: -CLAIM_LOG })
        await Promise.all([
          tx.collection(S).update(s._id, { status: 'cancelled', cancelledAt: now, cancelledBy: by, updatedAt: now }),
          tx.collection(E).update(eventId, data),
        ])
        await ctx.audit?.inTx(tx)
        const event: EventDoc = { ...ev }
        for (const [k, v] of Object.entries(inc) as Array<[keyof typeof inc, number]>) event[k] += v
        return { signup: cancelled, changed: true, promoted, event }
      },
      { attempts: HOT_TX_ATTEMPTS },
    )
  }, staleRetry).catch((error) => {
    throw error === STALE ? new AppError('EVENT.BUSY', 'the waitlist kept moving; try again') : error
  })
}

/** A claim-log entry 'x': a waitlist place given up (cancelled, promoted). */
const given = (ctx: Ctx) => ctx._.push<SeatClaimEntry>({ each: [{ k: 'x', at: Date.now() }], slice: -CLAIM_LOG })

/**
 * A confirmed place given back: to the waitlist while someone waits — waitlistCount − 1 (the confirmed count stays,
 * the place changes hands), then the head confirmed — else freed for anyone (confirmedCount − 1). Each decision is
 * one conditional update of the event, so a claim landing meanwhile (a newcomer joining the waitlist) makes it miss
 * and the other is tried; no place is lost (a claim of a free place requires an empty waitlist) or doubled.
 */
async function handOn(ctx: Ctx, eventId: string, now: Date): Promise<SignupDoc | null> {
  for (let round = 1; round <= HAND_ON_ROUNDS; round++) {
    if (await updateEventWhere(ctx, { _id: eventId, waitlistCount: ctx._.gt(0) }, { waitlistCount: ctx._.inc(-1), claims: given(ctx) })) {
      const promoted = await confirmHead(ctx, eventId, now)
      if (promoted === 'later') return null
      if (promoted) return promoted
      // nobody was really waiting (the last ones left while we handed the place on): take the hand-over back
      await updateEventWhere(ctx, { _id: eventId }, { waitlistCount: ctx._.inc(1) })
      // and free the place if the waitlist is still empty (else hand it on again)
    }
    if (await updateEventWhere(ctx, { _id: eventId, waitlistCount: ctx._.lte(0) }, { confirmedCount: ctx._.inc(-1) })) return null
  }
  // The counter says someone waits and the records say nobody, round after round: the counters are off (a call died
  // between its steps). Free the place; the timer's reconciliation sets the counters to the records and promotes.
  ctx.log.warn('waitlist counter without a waitlist: place freed, left to the reconciliation', { eventId })
  await updateEventWhere(ctx, { _id: eventId }, { confirmedCount: ctx._.inc(-1) })
  return null
}

/**
 * Confirm the first sign-up still waiting, for a place already taken off the waitlist counter. The heads are tried in
 * order, each with one conditional update (waitlisted → confirmed): promoters racing for the head each take the next
 * one, and a person leaving the waitlist at the same instant is either promoted or gone, never both. A waitlist claim
 * ahead of them whose sign-up is still being written is waited for (FIFO holds for claims in flight); one older than
 * ABANDONED_MS is no one's place. null when nobody waits; 'later' when a claim ahead never got written (see below).
 */
async function confirmHead(ctx: Ctx, eventId: string, now: Date): Promise<SignupDoc | null | 'later'> {
  const change = { status: 'confirmed' as const, confirmedAt: now, promotedAt: now, updatedAt: now }
  for (let read = 1; read <= PROMOTE_READS; read++) {
    const heads = await waitlistHeads(ctx, eventId, PROMOTE_CANDIDATES)
    const ev = await getEvent(ctx, eventId)
    if (!ev) return null
    const all = heads.length < PROMOTE_CANDIDATES
    const blocked = await firstUnsettledClaim(ctx, ev, all ? Number.POSITIVE_INFINITY : heads[heads.length - 1].seq, heads)
    for (const h of heads) {
      if (h.seq > blocked) break
      if (await updateSignupWhere(ctx, { _id: h._id, status: 'waitlisted', seq: h.seq }, change)) return { ...h, ...change }
    }
    if (all && blocked === Number.POSITIVE_INFINITY) return null
    if (blocked === Number.POSITIVE_INFINITY) continue // the heads read were all taken by racing promoters: the next ones
    await sleep(backoffMs(read))
  }
  // A claim ahead stayed unwritten all this while: its call died (the timer releases it after ABANDONED_MS). The
  // cancellation is done; the place owed stays counted as handed on, and the timer's reconciliation, once the event
  // is quiet, sets the counters to the records and promotes the head (reconcileCounters → promoteWhileRoom).
  ctx.log.warn('promotion left to the timer', { eventId })
  return 'later'
}

/**
 * The lowest seq below `below` of a waitlist claim not among `heads` whose sign-up is still being written (or was
 * written after the heads were read): the heads behind it must wait. Infinity when there is none. A claim older than
 * ABANDONED_MS without its sign-up is no one's place; one written and moved on (cancelled, promoted) is not waiting.
 */
async function firstUnsettledClaim(ctx: Ctx, ev: EventDoc, below: number, heads: SignupDoc[]): Promise<number> {
  const read = new Set(heads.map((h) => h._id))
  const ahead = waitClaimsAhead(ev, below).filter((c) => !read.has(signupIdOf(ev._id, c.participantId)))
  if (ahead.length === 0) return Number.POSITIVE_INFINITY
  const written = new Map(
    (
      await findSignups(
        ctx,
        ahead.map((c) => signupIdOf(ev._id, c.participantId)),
      )
    ).map((s) => [s._id, s]),
  )
  let first = Number.POSITIVE_INFINITY
  for (const c of ahead) {
    const s = written.get(signupIdOf(ev._id, c.participantId))
    const unsettled = s && s.seq === c.seq ? s.status === 'waitlisted' : Date.now() - c.at < ABANDONED_MS
    if (unsettled) first = Math.min(first, c.seq)
  }
  return first
}

/** While there is room (capacity raised) and someone waits, confirm the head — one transaction per place. */
export async function promoteWhileRoom(ctx: Ctx, eventId: string, now: Date): Promise<SignupDoc[]> {
  const promoted: SignupDoc[] = []
  for (;;) {
    const out = await retry(async () => {
      const head = await waitlistHead(ctx, eventId)
      return withTransaction(
        ctx.db,
        async (tx): Promise<SignupDoc | 'full'> => {
          const ev = await tx.collection(E).get(eventId)
          if (!ev || ev.status !== 'published' || ev.confirmedCount >= ev.capacity || ev.waitlistCount === 0) return 'full'
          const p = await promoteHeadInTx(tx, ev, head, now)
          if (p === 'stale') throw STALE
          if (!p) return 'full'
          await tx.collection(E).update(eventId, {
            confirmedCount: ctx._.inc(1),
            waitlistCount: ctx._.inc(-1),
            claims: ctx._.push<SeatClaimEntry>({ each: [{ k: 'x', at: Date.now() }], slice: -CLAIM_LOG }),
          })
          return p
        },
        { attempts: HOT_TX_ATTEMPTS },
      )
    }, staleRetry).catch((error) => (error === STALE ? ('full' as const) : Promise.reject(error)))
    if (out === 'full') return promoted
    promoted.push(out)
  }
}

/**
 * The timer's sweep of one event: claims older than ABANDONED_MS (made since the last sweep) whose sign-up was
 * never written are released. Returns how many.
 */
export async function releaseAbandoned(ctx: Ctx, ev: EventDoc, now: Date): Promise<number> {
  const old = settledClaims(ev, Date.now()).filter((c) => c.at > (ev.claimsCheckedTo ?? 0))
  if (old.length === 0) return 0
  const written = new Map(
    (
      await findSignups(
        ctx,
        old.map((c) => signupIdOf(ev._id, c.participantId)),
      )
    ).map((s) => [s._id, s]),
  )
  let released = 0
  for (const c of old) {
    const s = written.get(signupIdOf(ev._id, c.participantId))
    if (s && s.claimKey === c.key) continue
    await releaseClaim(ctx, ev._id, c.key, c.kind, now)
    released++
  }
  await markClaimsChecked(ctx, ev._id, Math.max(...old.map((c) => c.at)))
  return released
}

/**
 * The counters against the records, once the event has been quiet for longer than any claim can stay in flight
 * (ABANDONED_MS after its last claim): a claim whose call died and that had left the claim log before the sweep came
 * (more than CLAIM_LOG claims after it, e.g. during an opening) is found here instead — a counter with no sign-up
 * behind it. Counted with indexed counts between two reads of the event; applied in a transaction only if nothing
 * moved the counters meanwhile (else the next sweep tries again). A place given back goes to the waitlist head.
 * Returns how many counts were corrected.
 */
export async function reconcileCounters(ctx: Ctx, ev: EventDoc, now: Date): Promise<number> {
  if (ev.status !== 'published' || ev.drawState === 'applying') return 0
  if (!ev.lastClaimAt || Date.now() - new Date(ev.lastClaimAt).getTime() <= ABANDONED_MS) return 0
  const [confirmed, waitlisted, registered] = await Promise.all(
    (['confirmed', 'waitlisted', 'registered'] as const).map((status) => countByStatus(ctx, ev._id, status)),
  )
  const counted = { confirmedCount: confirmed, waitlistCount: waitlisted, registeredCount: registered }
  const off = countersOff(ev, counted)
  if (off === 0) return 0
  const fixed = await withTransaction(
    ctx.db,
    async (tx) => {
      const cur = await tx.collection(E).get(ev._id)
      if (!cur || cur.seq !== ev.seq || countersOff(cur, ev) !== 0) return false // moved meanwhile: next sweep
      await tx.collection(E).update(ev._id, counted)
      return true
    },
    { attempts: HOT_TX_ATTEMPTS },
  )
  if (!fixed) return 0
  await promoteWhileRoom(ctx, ev._id, now)
  return off
}
