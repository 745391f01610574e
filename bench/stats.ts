/** Timing helpers shared by the bench scripts. */
import { performance } from 'node:perf_hooks'

/** Median, p95 and p99 of samples in milliseconds (nearest rank). */
export function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { n: samples.length, median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), p99: +at(0.99).toFixed(2) }
}

/** Run `fn` `runs` times one after another; the wall time of each run in milliseconds. */
export async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    samples.push(performance.now() - t0)
  }
  return samples
}
