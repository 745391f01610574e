/**
 * One style for every race on the emulator: start the contenders at once, start the late ones when a condition on
 * the early ones holds (never after a fixed time), collect every outcome, then check that counters equal records.
 */
import type { Envelope } from '../../types/index'
import { outcome } from './harness'

export interface Raced {
  /** Every answer, in the order the contenders were given (early first, then late). */
  results: Envelope<any>[]
  /** `outcome(result)` of each: 'ok' or the error code. */
  outcomes: string[]
}

/**
 * Start `early` together; when `lateAfter` of them have answered (default: the first), start `late` together — so
 * the late ones land while the rest of the early ones are still in flight. Resolves when everything has answered.
 */
export async function race(
  early: (() => Promise<Envelope<any>>)[],
  late: (() => Promise<Envelope<any>>)[] = [],
  lateAfter = 1,
): Promise<Raced> {
  let answered = 0
  let fireLate!: () => void
  const lateGate = new Promise<void>((resolve) => (fireLate = resolve))
  if (late.length === 0 || lateAfter <= 0) fireLate()
  const earlyRuns = early.map((run) =>
    run().finally(() => {
      answered += 1
      if (answered >= Math.min(lateAfter, early.length)) fireLate()
    }),
  )
  if (early.length === 0) fireLate()
  const lateRuns = late.map((run) => lateGate.then(run))
  const results = await Promise.all([...earlyRuns, ...lateRuns])
  return { results, outcomes: results.map(outcome) }
}

/** Outcomes other than the allowed ones (ok and the listed codes) — expect this to be []. */
export const unexpected = (raced: Raced, allowed: string[]) => raced.outcomes.filter((o) => o !== 'ok' && !allowed.includes(o))

/** Run `rounds` races one after another (each its own fresh records), stopping at the first failed check. */
export async function rounds(n: number, round: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < n; i++) await round(i)
}
