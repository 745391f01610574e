/**
 * The one caller of cloud functions. Every page goes through a feature api (src/lib/api/*, src/packages/<x>/api.ts)
 * which calls `callCloud(name, action, input)` here; the platform transport lives behind ./transport.
 *
 * Always resolves, never throws: the function's own envelope `{ok:true,data} | {ok:false,error}` is passed through;
 * anything that is not an answer from the function becomes `{ ok: false, error: { code: 'NETWORK' } }`.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/contract'
import type { FieldIssue } from '../../types/envelope'
import { isErrorCode, type ErrorCode } from '../../types/errors'
import { send } from './transport'

/** Server codes plus the one the client adds when no answer arrived. */
export type ClientErrorCode = ErrorCode | 'NETWORK'
export type ClientError = { code: ClientErrorCode; message: string; issues?: FieldIssue[] }
export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError }

/** Typed from the contract in types/: `callCloud('notices', 'get', { noticeId })` → `Result<NoticeView>`. */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<Result<ActionOutput<F, A>>> {
  const res = await send(name, { action, input })
  if (res.kind === 'failure') {
    const detail = [res.status && `HTTP ${res.status}`, res.errCode !== undefined && `errCode ${res.errCode}`, res.message].filter(Boolean).join(' · ')
    return { ok: false, error: { code: 'NETWORK', message: detail || 'network failure' } }
  }
  return readEnvelope<ActionOutput<F, A>>(res.body)
}

/** Checks the shape of an answer without zod (zod stays out of the main package). */
export function readEnvelope<T>(body: unknown): Result<T> {
  if (body && typeof body === 'object') {
    const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; issues?: unknown } }
    if (b.ok === true) return { ok: true, data: b.data as T }
    if (b.ok === false && b.error && typeof b.error === 'object') {
      const code = isErrorCode(b.error.code) ? b.error.code : 'INTERNAL'
      const message = typeof b.error.message === 'string' ? b.error.message : String(b.error.code ?? '')
      const issues = Array.isArray(b.error.issues) ? (b.error.issues as FieldIssue[]) : undefined
      return { ok: false, error: issues ? { code, message, issues } : { code, message } }
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'the function answered something that is not an envelope' } }
}
