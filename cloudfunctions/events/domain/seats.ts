/**
 * Pure rules of the sign-up seats (docs/decisions/0010): which claim a sign-up makes on the event's counters, how a
 * claim is found again in the event's claim log, the sequence number and exact waitlist position it got, and which
 * claims are still in flight (counted, not yet written as a sign-up) or abandoned (their function died).
 *
 * The claim log (`EventDoc.claims`) is the last CLAIM_LOG entries of every change to `seq` and `waitlistCount`, pushed
 * by the same single-document update that changes them, so it is in their order:
 *   { k: 'c' | 'w' | 'r', p: participantId#round, at }  a claim: seq + 1 and a place / a waitlist place / a registration
 *   { k: 'x', at }                                       a waitlist place given up (cancelled, promoted, released)
 *   { k: 'u', p, at }                                    a claim released (the counters it took were given back)
 * Reading the log after one's own claim gives one's seq and position without a read-modify-write:
 *   seq      = event.seq           − claims after mine
 *   position = event.waitlistCount − 'w' after mine + 'x' after mine
 */
import type { EventDoc, SeatClaimEntry, SignupDoc } from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'
import { canProxySignUp, canSignUp, decideSignUp } from './event-rules'

export type ClaimKind = 'c' | 'w' | 'r'
export type ClaimEntry = SeatClaimEntry

/** Entries kept on the event: far more than the claims that can be in flight between a claim and its read. */
export const CLAIM_LOG = 128
/** A claim older than this without its sign-up is abandoned (the events function times out after 20 s). */
export const ABANDONED_MS = 30_000

export const kindOf = (status: SignupDoc['status']): ClaimKind | null =>
  status === 'confirmed' ? 'c' : status === 'waitlisted' ? 'w' : status === 'registered' ? 'r' : null
export const statusOf = (k: ClaimKind): 'confirmed' | 'waitlisted' | 'registered' =>
  k === 'c' ? 'confirmed' : k === 'w' ? 'waitlisted' : 'registered'

/** The claim key of a participant's `round`-th sign-up (0 first; a re-sign-up after a cancellation takes the next). */
export const claimKey = (participantId: string, round: number) => `${participantId}#${round}`

/** Which claim a sign-up makes, from the event's counters as last seen (the claim's filter re-checks them atomically). */
export function claimKindFor(e: Pick<EventDoc, 'capacity' | 'confirmedCount' | 'waitlistCount' | 'allocation' | 'drawState'>): ClaimKind {
  return kindOf(decideSignUp(e).status)!
}

/**
 * The conditions a claim of `kind` puts on the event, besides "published" and "this key not claimed yet": they make
 * the decision atomic with the counter change. A waitlist exists only while every place is taken
 * (waitlistCount > 0 ⇒ confirmedCount ≥ capacity), so "full" is `confirmedCount ≥ capacity`.
 */
export function claimConditions(
  kind: ClaimKind,
  e: Pick<EventDoc, 'capacity' | 'allocation' | 'drawState'>,
): {
  allocation: EventDoc['allocation']
  drawState: EventDoc['drawState']
  capacity?: number
  confirmedBelow?: number
  confirmedAtLeast?: number
  noWaitlist?: true
} {
  if (kind === 'r') return { allocation: 'lottery', drawState: 'none' }
  const base = { allocation: e.allocation, drawState: e.drawState, capacity: e.capacity }
  return kind === 'c' ? { ...base, confirmedBelow: e.capacity, noWaitlist: true } : { ...base, confirmedAtLeast: e.capacity }
}

export const counterOf = (k: ClaimKind) => (k === 'c' ? 'confirmedCount' : k === 'w' ? 'waitlistCount' : 'registeredCount')

export interface ReadClaim {
  kind: ClaimKind
  seq: number
  /** exact waitlist position at the moment of the claim (null unless waitlisted) */
  position: number | null
  at: number
}

/** Find `key`'s claim in the log and what it got; null when it is not there (never made, or pushed out of the log). */
export function readClaim(e: Pick<EventDoc, 'seq' | 'waitlistCount'> & { claims?: ClaimEntry[] }, key: string): ReadClaim | null {
  const log = e.claims ?? []
  let i = -1
  for (let j = log.length - 1; j >= 0; j--) {
    const x = log[j]
    if (x.p === key && (x.k === 'c' || x.k === 'w' || x.k === 'r')) {
      i = j
      break
    }
  }
  if (i < 0) return null
  let claimsAfter = 0
  let waitAfter = 0
  let leftAfter = 0
  for (let j = i + 1; j < log.length; j++) {
    const k = log[j].k
    if (k === 'c' || k === 'w' || k === 'r') claimsAfter++
    if (k === 'w') waitAfter++
    if (k === 'x') leftAfter++
  }
  const mine = log[i]
  const kind = mine.k as ClaimKind
  return { kind, seq: e.seq - claimsAfter, position: kind === 'w' ? e.waitlistCount - waitAfter + leftAfter : null, at: mine.at }
}

/**
 * What a compare-and-swap claim got: made on the counters exactly as read (`seq` = n, `waitlistCount` = w pinned in
 * its filter), it is the claim n + 1 and — a waitlist claim — position w + 1, with no read-back. Exact because no other
 * change to `seq` or `waitlistCount` can have come between the read and the claim: either would have made it miss.
 */
export function claimedAt(kind: ClaimKind, read: Pick<EventDoc, 'seq' | 'waitlistCount'>, at: number): ReadClaim {
  return { kind, seq: read.seq + 1, position: kind === 'w' ? read.waitlistCount + 1 : null, at }
}

/** Claim-log entries the sign-up's first read brings along, to judge how busy the event is. */
export const RECENT_CLAIMS = 8

/**
 * Whether a compare-and-swap claim is likely to be made (and so save the read-back) rather than missed (and cost two
 * more requests): it misses when another claim lands between our read and our claim — about `windowMs`, the time our
 * read took. Claims arrive at a rate estimated from the last few in the log (up to now, so a burst that ended
 * reads as quiet); a miss is likelier than not above ln 2 expected claims per window (Poisson), then the increment
 * and its read-back (4 requests, no miss possible) are cheaper on average than 3 + 2 × P(miss).
 */
export function compareAndSwapPays(recent: readonly ClaimEntry[] | undefined, nowMs: number, windowMs: number): boolean {
  const claims = (recent ?? []).filter((x) => x.k === 'c' || x.k === 'w' || x.k === 'r')
  if (claims.length === 0) return true
  const span = Math.max(1, nowMs - claims[0].at)
  return (claims.length / span) * Math.max(1, windowMs) < Math.LN2
}

/** The event's counters after a claim of `kind` (for what is decided on them afterwards, e.g. fullness alerts). */
export function afterClaim<E extends Pick<EventDoc, 'seq' | 'confirmedCount' | 'waitlistCount' | 'registeredCount'>>(
  ev: E,
  kind: ClaimKind,
): E {
  return { ...ev, seq: ev.seq + 1, [counterOf(kind)]: ev[counterOf(kind)] + 1 }
}

/** Whether `key` was released after its claim (a 'u' entry). */
export const isReleased = (log: ClaimEntry[] | undefined, key: string) => (log ?? []).some((x) => x.k === 'u' && x.p === key)

/**
 * The waitlist claims in the log ahead of `seq` (a waitlist head candidate), with their seq: each must be a sign-up
 * already written before a place can go to someone behind it. `participantId` of each, for the reader to check.
 */
export function waitClaimsAhead(
  e: Pick<EventDoc, 'seq'> & { claims?: ClaimEntry[] },
  seq: number,
): Array<{ participantId: string; seq: number; at: number }> {
  const log = e.claims ?? []
  const out: Array<{ participantId: string; seq: number; at: number }> = []
  let s = e.seq
  for (let j = log.length - 1; j >= 0; j--) {
    const x = log[j]
    if (x.k !== 'c' && x.k !== 'w' && x.k !== 'r') continue
    if (x.k === 'w' && s < seq && x.p && !isReleased(log, x.p))
      out.push({ participantId: x.p.slice(0, x.p.lastIndexOf('#')), seq: s, at: x.at })
    s--
  }
  return out
}

/** Claims older than ABANDONED_MS (their sign-up should be written by now), newest last, with their seq. */
export function settledClaims(
  e: Pick<EventDoc, 'seq'> & { claims?: ClaimEntry[] },
  now: number,
): Array<{ key: string; participantId: string; kind: ClaimKind; seq: number; at: number }> {
  const log = e.claims ?? []
  const out: Array<{ key: string; participantId: string; kind: ClaimKind; seq: number; at: number }> = []
  let s = e.seq
  for (let j = log.length - 1; j >= 0; j--) {
    const x = log[j]
    if (x.k !== 'c' && x.k !== 'w' && x.k !== 'r') continue
    if (x.p && now - x.at > ABANDONED_MS && !isReleased(log, x.p)) {
      out.unshift({ key: x.p, participantId: x.p.slice(0, x.p.lastIndexOf('#')), kind: x.k, seq: s, at: x.at })
    }
    s--
  }
  return out
}

/** A sign-up is the one its claim made when it carries the claim's key. */
export const isWrittenClaim = (s: (Pick<SignupDoc, 'status'> & { claimKey?: string }) | null, key: string) => !!s && s.claimKey === key

/** How a claim is checked against the stored event once it is made: self-service sign-up or staff booking (代报名). */
export function checkQueued(ev: EventDoc, s: Pick<SignupDoc, 'source' | 'birthYear'>, now: Date): Refusal | null {
  // A lottery being drawn takes no more registrations: the draw has read its list.
  if (ev.allocation === 'lottery' && ev.drawState === 'applying')
    return { code: 'EVENT.SIGNUP_CLOSED', message: 'the lottery is being drawn' }
  return s.source === 'proxy' ? canProxySignUp(ev, s.birthYear, now) : canSignUp(ev, s, now)
}

/** The round of a participant's next claim: after a cancelled sign-up, one more than its round. */
export const nextRound = (existing: (Pick<SignupDoc, 'status'> & { round?: number }) | null) => (existing ? (existing.round ?? 0) + 1 : 0)

type Counters = Pick<EventDoc, 'confirmedCount' | 'waitlistCount' | 'registeredCount'>
/** How far two sets of seat counters differ (0: the same). */
export const countersOff = (a: Counters, b: Counters) =>
  Math.abs(a.confirmedCount - b.confirmedCount) +
  Math.abs(a.waitlistCount - b.waitlistCount) +
  Math.abs(a.registeredCount - b.registeredCount)
