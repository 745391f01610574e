/**
 * The seat rules (cloudfunctions/events/domain/seats.ts): which claim a sign-up makes, and the seq and exact waitlist
 * position a claim got, read back from the event's claim log whatever happened after it.
 */
import fc from 'fast-check'
import type { SeatClaimEntry } from '../../types/index'
import {
  ABANDONED_MS,
  claimConditions,
  claimedAt,
  claimKey,
  compareAndSwapPays,
  claimKindFor,
  isReleased,
  readClaim,
  settledClaims,
  waitClaimsAhead,
} from '../../cloudfunctions/events/domain/seats'

const counters = (over: Partial<{ capacity: number; confirmedCount: number; waitlistCount: number }> = {}) => ({
  capacity: 2,
  confirmedCount: 0,
  waitlistCount: 0,
  allocation: 'first_come' as const,
  drawState: 'none' as const,
  ...over,
})

test('a free place with nobody waiting is claimed as a place; a full event as the waitlist; an open lottery as a registration', () => {
  expect(claimKindFor(counters())).toBe('c')
  expect(claimKindFor(counters({ confirmedCount: 2 }))).toBe('w')
  expect(claimKindFor(counters({ confirmedCount: 1, waitlistCount: 1 }))).toBe('w')
  expect(claimKindFor({ ...counters(), allocation: 'lottery' })).toBe('r')
  expect(claimKindFor({ ...counters(), allocation: 'lottery', drawState: 'done' })).toBe('c')
})

test('the claim conditions make the decision atomic: a place only below capacity with no waitlist; the waitlist only when full', () => {
  expect(claimConditions('c', counters({ capacity: 5 }))).toMatchObject({ capacity: 5, confirmedBelow: 5, noWaitlist: true })
  expect(claimConditions('w', counters({ capacity: 5 }))).toMatchObject({ capacity: 5, confirmedAtLeast: 5 })
  expect(claimConditions('r', { ...counters(), allocation: 'lottery' })).toEqual({ allocation: 'lottery', drawState: 'none' })
})

/** Apply a sequence of operations to counters and a log as the event's updates would. */
function simulate(ops: Array<{ op: 'claim'; who: string } | { op: 'leave' } | { op: 'release'; who: string }>, capacity: number) {
  const ev = { seq: 0, confirmedCount: 0, waitlistCount: 0, claims: [] as SeatClaimEntry[] }
  const truth = new Map<string, { seq: number; position: number | null; kind: 'c' | 'w' }>()
  let at = 0
  for (const o of ops) {
    at++
    if (o.op === 'claim') {
      const kind = ev.confirmedCount < capacity && ev.waitlistCount === 0 ? 'c' : 'w'
      ev.seq++
      if (kind === 'c') ev.confirmedCount++
      else ev.waitlistCount++
      ev.claims.push({ k: kind, p: claimKey(o.who, 0), at })
      truth.set(o.who, { seq: ev.seq, position: kind === 'w' ? ev.waitlistCount : null, kind })
    } else if (o.op === 'leave' && ev.waitlistCount > 0) {
      ev.waitlistCount--
      ev.claims.push({ k: 'x', at })
    } else if (o.op === 'release') {
      ev.claims.push({ k: 'u', p: claimKey(o.who, 0), at })
    }
  }
  return { ev, truth }
}

test('property: read back at any later moment, a claim gives exactly the seq and waitlist position it got', () => {
  const op = fc.oneof(fc.record({ op: fc.constant('claim' as const), who: fc.uuid() }), fc.record({ op: fc.constant('leave' as const) }))
  fc.assert(
    fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 10 }), (ops, capacity) => {
      const { ev, truth } = simulate(ops, capacity)
      for (const [who, t] of truth) {
        const got = readClaim(ev, claimKey(who, 0))
        expect(got).toMatchObject({ kind: t.kind, seq: t.seq, position: t.position })
      }
    }),
  )
})

test('a key never claimed, or pushed out of the log, reads as null; a release is seen', () => {
  const { ev } = simulate(
    [
      { op: 'claim', who: 'a' },
      { op: 'claim', who: 'b' },
      { op: 'release', who: 'a' },
    ],
    1,
  )
  expect(readClaim(ev, claimKey('z', 0))).toBeNull()
  expect(isReleased(ev.claims, claimKey('a', 0))).toBe(true)
  expect(isReleased(ev.claims, claimKey('b', 0))).toBe(false)
  expect(readClaim({ ...ev, claims: ev.claims.slice(1) }, claimKey('a', 0))).toBeNull()
})

test('waitlist claims ahead of a head candidate are the ones a promotion must wait for; released ones are not', () => {
  const { ev } = simulate(
    [
      { op: 'claim', who: 'a' },
      { op: 'claim', who: 'b' },
      { op: 'claim', who: 'c' },
      { op: 'claim', who: 'd' },
      { op: 'release', who: 'c' },
    ],
    1,
  )
  // a confirmed (seq 1), b, c, d waitlisted (seq 2, 3, 4); c released
  expect(waitClaimsAhead(ev, 4).map((x) => [x.participantId, x.seq])).toEqual([['b', 2]])
  expect(
    waitClaimsAhead(ev, Number.POSITIVE_INFINITY)
      .map((x) => x.participantId)
      .sort(),
  ).toEqual(['b', 'd'])
  expect(waitClaimsAhead(ev, 2)).toEqual([])
})

test('claims older than ABANDONED_MS are the ones the sweep checks, with their seq', () => {
  const now = 1_000_000
  const ev = {
    seq: 3,
    claims: [
      { k: 'c', p: 'a#0', at: now - ABANDONED_MS - 5 },
      { k: 'w', p: 'b#0', at: now - ABANDONED_MS - 1 },
      { k: 'w', p: 'c#0', at: now - 10 },
    ] as SeatClaimEntry[],
  }
  expect(settledClaims(ev, now)).toEqual([
    { key: 'a#0', participantId: 'a', kind: 'c', seq: 1, at: now - ABANDONED_MS - 5 },
    { key: 'b#0', participantId: 'b', kind: 'w', seq: 2, at: now - ABANDONED_MS - 1 },
  ])
})

test('property: a compare-and-swap claim made on the counters as read gets the seq and position the log would give it', () => {
  const op = fc.oneof(fc.record({ op: fc.constant('claim' as const), who: fc.uuid() }), fc.record({ op: fc.constant('leave' as const) }))
  fc.assert(
    fc.property(fc.array(op, { minLength: 0, maxLength: 60 }), fc.integer({ min: 0, max: 10 }), (ops, capacity) => {
      // the state a sign-up read, then its claim applied on exactly that state (what the pinned filter guarantees)
      const { ev } = simulate(ops, capacity)
      const kind = claimKindFor({ ...ev, capacity, allocation: 'first_come', drawState: 'none' })
      const cas = claimedAt(kind, ev, 0)
      const { ev: after } = simulate([...ops, { op: 'claim', who: 'me' }], capacity)
      const logged = readClaim(after, claimKey('me', 0))!
      expect({ kind: cas.kind, seq: cas.seq, position: cas.position }).toEqual({
        kind: logged.kind,
        seq: logged.seq,
        position: logged.position,
      })
    }),
  )
})

test('a compare-and-swap is tried when the event is quiet, not while claims land faster than one per read', () => {
  const now = 1_000_000
  const claims = (gapMs: number, n = 8, lastAgo = gapMs): SeatClaimEntry[] =>
    Array.from({ length: n }, (_, i) => ({ k: 'w', p: `p${i}#0`, at: now - lastAgo - (n - 1 - i) * gapMs }))
  expect(compareAndSwapPays([], now, 10)).toBe(true)
  expect(compareAndSwapPays(undefined, now, 10)).toBe(true)
  // a quiet event: a claim a second
  expect(compareAndSwapPays(claims(1000), now, 10)).toBe(true)
  // an opening: a claim every 12 ms (83/s) against a 10 ms read → a miss is likelier than a hit
  expect(compareAndSwapPays(claims(12), now, 10)).toBe(false)
  // the same burst, over for a minute: quiet again
  expect(compareAndSwapPays(claims(12, 8, 60_000), now, 10)).toBe(true)
  // releases and departures are not claims
  expect(
    compareAndSwapPays(
      [
        { k: 'x', at: now - 1 },
        { k: 'u', p: 'a#0', at: now - 1 },
      ],
      now,
      10,
    ),
  ).toBe(true)
})
