/**
 * The fair lottery, pure and recomputable by anyone from the public log (seed + entry keys + quotas + capacity):
 *
 *  1. every registration is an anonymous key, sha256(signupId) in hex, first 16 characters; keys sorted ascending;
 *  2. r(i) = the first 12 hex characters (48 bits) of sha256(`${seed}:${i}`) divided by 2^48;
 *  3. Fisher–Yates: for i = n−1 down to 1, j = floor(r(i)·(i+1)), swap positions i and j → the drawn order;
 *  4. places: first, in drawn order, entrants of each age-band quota while its places last; then everyone not yet
 *     placed, in drawn order, while capacity lasts (unused quota places are not wasted);
 *  5. everyone else joins the waitlist in drawn order.
 *
 * The seed is committed (sha256 published) when the event is published and revealed by the draw.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { EventQuota } from '../../../types/index'

export const LOTTERY_ALGORITHM =
  'yuanba-lottery-v1: key = sha256(signupId)[0..16) hex, sorted; r(i) = int(sha256(seed + ":" + i)[0..12) hex) / 2^48; ' +
  'Fisher–Yates i = n−1…1, j = floor(r(i)·(i+1)); quota bands first in drawn order, then all in drawn order up to capacity; rest waitlisted in drawn order'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

export const entryKey = (signupId: string) => sha256(signupId).slice(0, 16)
export const newSeed = () => randomBytes(16).toString('hex')
export const seedCommitment = (seed: string) => sha256(seed)

/** r(i) ∈ [0, 1). */
export function unitRandom(seed: string, i: number): number {
  return parseInt(sha256(`${seed}:${i}`).slice(0, 12), 16) / 2 ** 48
}

/** Fisher–Yates over the keys sorted ascending (the input order does not matter). */
export function drawOrder(keys: string[], seed: string): string[] {
  const a = [...keys].sort()
  for (let i = a.length - 1; i >= 1; i--) {
    const j = Math.floor(unitRandom(seed, i) * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

export interface Allocation {
  order: string[]
  /** keys with a place, in drawn order */
  confirmed: string[]
  /** keys on the waitlist, in drawn order (position = index + 1) */
  waitlisted: string[]
  /** per quota: how many of its band got places (in either pass) */
  filled: number[]
}

export function allocate(input: {
  seed: string
  capacity: number
  quotas: EventQuota[]
  entries: { key: string; band: number | null }[]
}): Allocation {
  const band = new Map(input.entries.map((e) => [e.key, e.band]))
  const order = drawOrder(
    input.entries.map((e) => e.key),
    input.seed,
  )
  const placed = new Set<string>()
  const reserved = input.quotas.map(() => 0)
  for (const key of order) {
    if (placed.size >= input.capacity) break
    const b = band.get(key)
    if (b === null || b === undefined || b >= input.quotas.length) continue
    if (reserved[b] < input.quotas[b].places) {
      reserved[b]++
      placed.add(key)
    }
  }
  for (const key of order) {
    if (placed.size >= input.capacity) break
    placed.add(key)
  }
  const filled = input.quotas.map(() => 0)
  for (const key of placed) {
    const b = band.get(key)
    if (b !== null && b !== undefined && b < filled.length) filled[b]++
  }
  return {
    order,
    confirmed: order.filter((k) => placed.has(k)),
    waitlisted: order.filter((k) => !placed.has(k)),
    filled,
  }
}
