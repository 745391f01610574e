import type { ErrorCode, FieldIssue } from '../../types/index'

/** A failure the caller should see as `{ ok: false, error: { code, message, issues? } }`. Anything else becomes INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    /** with SYSTEM.BUSY: when the client should try again */
    readonly retryAfterMs?: number,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export function fail(code: ErrorCode, message: string, issues?: FieldIssue[]): never {
  throw new AppError(code, message, issues)
}

export const forbidden = (message = '没有权限执行此操作'): never => fail('AUTH.FORBIDDEN', message)

/** A domain decision that refuses: the code plus a developer-facing message. */
export type Refusal = { code: ErrorCode; message: string }

/** Throw the refusal of a pure rule, if it refused. */
export function orFail<T>(decision: T | Refusal): T {
  if (isRefusal(decision)) throw new AppError(decision.code, decision.message)
  return decision
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && Object.keys(value).length === 2
}
