import type { ZodError } from 'zod'
import type { Envelope, ErrorCode, FieldIssue } from '../../types/index'

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })

export const failure = (code: ErrorCode, message: string, issues?: FieldIssue[]): Envelope<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
})

/** zod issues → `{ path: 'a.b', code, message }` (at most 20, so a hostile payload cannot make a huge answer). */
export function issuesOf(error: ZodError): FieldIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }))
}
