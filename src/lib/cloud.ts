/**
 * The one caller of cloud functions. Every page goes through a feature api (src/lib/api/*, src/packages/<x>/api.ts)
 * which calls `callCloud(name, action, input)` here; the platform transport lives behind ./transport.
 *
 * Always resolves, never throws: the function's own envelope `{ok:true,data} | {ok:false,error}` is passed through;
 * the platform's quota refusal (-501003/-501004, HTTP 429) becomes SYSTEM.BUSY and is waited out like it; anything
 * else that is not an answer from the function becomes `{ ok: false, error: { code: 'NETWORK' } }`.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/contract'
import type { FieldIssue } from '../../types/envelope'
import { isErrorCode, type ErrorCode } from '../../types/errors'
import { send } from './transport'

/** Server codes plus the one the client adds when no answer arrived. */
export type ClientErrorCode = ErrorCode | 'NETWORK'
export type ClientError = { code: ClientErrorCode; message: string; issues?: FieldIssue[]; retryAfterMs?: number }
export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError }

/** While the platform is refusing for quota: how the caller is told that it waits in line (排队中). */
export interface CallOptions {
  /** called before each wait with the attempt (1, 2, …): the page shows 排队中 */
  onQueued?: (attempt: number) => void
  /** give up after waiting this long in all (default 60 s); then the SYSTEM.BUSY answer is returned */
  maxWaitMs?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Typed from the contract in types/: `callCloud('notices', 'get', { noticeId })` → `Result<NoticeView>`.
 * `SYSTEM.BUSY` (the platform refused for quota: nothing was done) is retried here, by itself, after the server's
 * `retryAfterMs` growing ×1.5 with jitter, up to `maxWaitMs` — a person never sees a quota error for a busy minute.
 */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
  options: CallOptions = {},
): Promise<Result<ActionOutput<F, A>>> {
  const budget = options.maxWaitMs ?? 60_000
  let waited = 0
  for (let attempt = 1; ; attempt++) {
    const res = await callOnce<F, A>(name, action, input)
    if (res.ok || res.error.code !== 'SYSTEM.BUSY' || waited >= budget) return res
    const hint = res.error.retryAfterMs ?? 1000
    const wait = Math.min(budget - waited, Math.min(8_000, hint * 1.5 ** (attempt - 1)) * (0.75 + 0.5 * Math.random()))
    options.onQueued?.(attempt)
    await sleep(wait)
    waited += wait
  }
}

async function callOnce<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Result<ActionOutput<F, A>>> {
  const res = await send(name, { action, input })
  if (res.kind === 'failure' && isPlatformRefusal(res)) {
    // The platform refused before the function ran (its quota): nothing was done — wait in line like SYSTEM.BUSY.
    return { ok: false, error: { code: 'SYSTEM.BUSY', message: res.message } }
  }
  if (res.kind === 'failure') {
    const detail = [res.status && `HTTP ${res.status}`, res.errCode !== undefined && `errCode ${res.errCode}`, res.message]
      .filter(Boolean)
      .join(' · ')
    return { ok: false, error: { code: 'NETWORK', message: detail || 'network failure' } }
  }
  return readEnvelope<ActionOutput<F, A>>(res.body)
}

/**
 * The cloud's quota refusals as wx.cloud.callFunction (errCode) or the gateway (HTTP 429) reports them:
 * -501004 EXCEED_CONCURRENT_REQUEST_LIMIT (the function's concurrency), -501003 EXCEED_REQUEST_LIMIT.
 */
function isPlatformRefusal(res: { status?: number; errCode?: number | string; message: string }): boolean {
  return (
    res.status === 429 ||
    [-501003, -501004].includes(Number(res.errCode)) ||
    /EXCEED_(CONCURRENT_)?REQUEST_LIMIT|LimitExceeded/.test(res.message)
  )
}

/** Checks the shape of an answer without zod (zod stays out of the main package). */
export function readEnvelope<T>(body: unknown): Result<T> {
  if (body && typeof body === 'object') {
    const b = body as {
      ok?: unknown
      data?: unknown
      error?: { code?: unknown; message?: unknown; issues?: unknown; retryAfterMs?: unknown }
    }
    if (b.ok === true) return { ok: true, data: b.data as T }
    if (b.ok === false && b.error && typeof b.error === 'object') {
      const code = isErrorCode(b.error.code) ? b.error.code : 'INTERNAL'
      const message = typeof b.error.message === 'string' ? b.error.message : String(b.error.code ?? '')
      const issues = Array.isArray(b.error.issues) ? (b.error.issues as FieldIssue[]) : undefined
      const error: ClientError = issues ? { code, message, issues } : { code, message }
      if (typeof b.error.retryAfterMs === 'number') error.retryAfterMs = b.error.retryAfterMs
      return { ok: false, error }
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'the function answered something that is not an envelope' } }
}
