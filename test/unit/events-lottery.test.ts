/**
 * The lottery: deterministic from (seed, entries), a true permutation, independent of the order entries arrive in,
 * recomputable from the public log with nothing but sha256, quotas respected, and fair enough to the eye.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { allocate, drawOrder, entryKey, seedCommitment, unitRandom } from '../../cloudfunctions/events/domain/lottery'

const keys = (n: number, salt = 'ev') => Array.from({ length: n }, (_, i) => entryKey(`${salt}_participant-${i}`))
const SEED = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'

describe('the draw order', () => {
  it('same seed and list → same order; another seed → another order', () => {
    const list = keys(200)
    expect(drawOrder(list, SEED)).toEqual(drawOrder(list, SEED))
    expect(drawOrder(list, SEED)).not.toEqual(drawOrder(list, SEED.replace('0f', '10')))
  })
  it('is a permutation and does not depend on the order entries are given in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{16}$/), { maxLength: 80 }),
        fc.stringMatching(/^[0-9a-f]{1,40}$/),
        (list, seed) => {
          const order = drawOrder(list, seed)
          expect([...order].sort()).toEqual([...list].sort())
          expect(drawOrder([...list].reverse(), seed)).toEqual(order)
        },
      ),
    )
  })
  it('can be recomputed by anyone from the published recipe (sha256 only)', () => {
    // The recipe as published in LOTTERY_ALGORITHM, written out independently.
    const recompute = (entries: string[], seed: string) => {
      const a = [...entries].sort()
      for (let i = a.length - 1; i >= 1; i--) {
        const r = parseInt(createHash('sha256').update(`${seed}:${i}`).digest('hex').slice(0, 12), 16) / 2 ** 48
        const j = Math.floor(r * (i + 1))
        const t = a[i]
        a[i] = a[j]
        a[j] = t
      }
      return a
    }
    const list = keys(137)
    expect(drawOrder(list, SEED)).toEqual(recompute(list, SEED))
    expect(seedCommitment(SEED)).toBe(createHash('sha256').update(SEED).digest('hex'))
    expect(entryKey('ev_demo-resident')).toBe(createHash('sha256').update('ev_demo-resident').digest('hex').slice(0, 16))
  })
  it('r(i) stays in [0, 1)', () => {
    for (let i = 0; i < 500; i++) {
      const r = unitRandom(SEED, i)
      expect(r).toBeGreaterThanOrEqual(0)
      expect(r).toBeLessThan(1)
    }
  })
  it('gives every entry about the same chance of a place (2,000 draws of 10 among 40)', () => {
    const list = keys(40)
    const wins = new Map(list.map((k) => [k, 0]))
    for (let s = 0; s < 2000; s++)
      for (const k of allocate({ seed: `seed-${s}`, capacity: 10, quotas: [], entries: list.map((key) => ({ key, band: null })) })
        .confirmed)
        wins.set(k, wins.get(k)! + 1)
    // Expected 500 each; a binomial(2000, 0.25) stays within ±100 with overwhelming probability.
    for (const count of wins.values()) expect(Math.abs(count - 500)).toBeLessThan(100)
  })
})

describe('allocation', () => {
  const entry = (key: string, band: number | null) => ({ key, band })
  it('fills the capacity in drawn order, the rest join the waitlist in drawn order', () => {
    const entries = keys(30).map((k) => entry(k, null))
    const a = allocate({ seed: SEED, capacity: 12, quotas: [], entries })
    expect(a.confirmed).toEqual(a.order.slice(0, 12))
    expect(a.waitlisted).toEqual(a.order.slice(12))
  })
  it('fewer entrants than places: everyone gets one', () => {
    const entries = keys(5).map((k) => entry(k, null))
    expect(allocate({ seed: SEED, capacity: 12, quotas: [], entries })).toMatchObject({ waitlisted: [] })
  })
  it('quotas are respected: each band gets min(its places, its entrants), total = min(capacity, entrants)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.stringMatching(/^[0-9a-f]{4,32}$/),
        (bands, capacity, q0, q1, seed) => {
          const quotas = [
            { ageMin: 3, ageMax: 5, places: Math.min(q0, capacity) },
            { ageMin: 6, ageMax: 8, places: Math.min(q1, Math.max(0, capacity - Math.min(q0, capacity))) },
          ]
          // band 2 = no quota band (e.g. older children, adults)
          const entries = bands.map((b, i) => entry(entryKey(`e_${i}`), b === 2 ? null : b))
          const a = allocate({ seed, capacity, quotas, entries })
          expect(a.confirmed.length).toBe(Math.min(capacity, entries.length))
          expect(a.confirmed.length + a.waitlisted.length).toBe(entries.length)
          for (const [i, q] of quotas.entries()) {
            const inBand = entries.filter((e) => e.band === i).length
            expect(a.filled[i]).toBeGreaterThanOrEqual(Math.min(q.places, inBand))
          }
          // deterministic
          expect(allocate({ seed, capacity, quotas, entries: [...entries].reverse() })).toEqual(a)
        },
      ),
    )
  })
  it('reserved places go to the band first even when its entrants are drawn late', () => {
    // 20 adults and 2 small children, 4 places, 2 reserved for 3–5: both children get places whatever the draw.
    const entries = [...keys(20, 'adult').map((k) => entry(k, null)), entry(entryKey('kid-1'), 0), entry(entryKey('kid-2'), 0)]
    for (let s = 0; s < 50; s++) {
      const a = allocate({ seed: `s${s}`, capacity: 4, quotas: [{ ageMin: 3, ageMax: 5, places: 2 }], entries })
      expect(a.confirmed).toEqual(expect.arrayContaining([entryKey('kid-1'), entryKey('kid-2')]))
      expect(a.filled).toEqual([2])
    }
  })
  it('unused reserved places are not wasted', () => {
    const entries = keys(10).map((k) => entry(k, null))
    const a = allocate({ seed: SEED, capacity: 6, quotas: [{ ageMin: 3, ageMax: 5, places: 4 }], entries })
    expect(a.confirmed).toHaveLength(6)
    expect(a.filled).toEqual([0])
  })
})
