/**
 * The platform's quota refusals (database requests per second, concurrent connections, function concurrency): the
 * cloud answers them with the `-501003` / `-501004` families ("…exceed…limit", 超过上限). Nothing was done, so the caller
 * may simply try again a little later: they become `SYSTEM.BUSY` with a retry hint instead of `INTERNAL`.
 */
import { fieldOf, retry } from './data'
import { AppError } from './errors'

function textOf(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error)
  return ['errCode', 'code', 'errMsg', 'message']
    .map((key) => fieldOf(error, key))
    .filter((x) => typeof x === 'string' || typeof x === 'number')
    .join(' ')
}

/** Whether an error is the platform refusing for quota (the request was not executed). */
export function isQuotaRefusal(error: unknown): boolean {
  return /-50100[34]\b|EXCEED_(CONCURRENT_)?REQUEST_LIMIT|超出.*配额|LimitExceeded|RequestLimit|exceed(ed|s)? .*limit|quota|超过.*(上限|限制)|达到上限/i.test(
    textOf(error),
  )
}

/** A second or so, with jitter so that refused callers do not come back in step. */
export const retryAfterMs = () => 500 + Math.floor(Math.random() * 1000)

/** SYSTEM.BUSY for a quota refusal, else the error itself. */
export function busyOr(error: unknown): unknown {
  return isQuotaRefusal(error)
    ? new AppError('SYSTEM.BUSY', 'the platform refused for quota; try again shortly', undefined, retryAfterMs())
    : error
}

/**
 * A request that completes one already made — a counter after the record it counts, a sign-up after its claim. Refused
 * for quota, it is asked again here rather than answered SYSTEM.BUSY: the caller's next tap could not tell that the
 * first half happened, so giving up would leave a record without its count (or a claim without its sign-up). About
 * 6 s of waits at most, well inside the function's 20 s.
 */
export function completing<T>(work: () => Promise<T>): Promise<T> {
  return retry(work, {
    attempts: 10,
    retryOn: isQuotaRefusal,
    wait: (attempt: number) => Math.min(1200, 120 * attempt) + Math.floor(Math.random() * 120),
  })
}
