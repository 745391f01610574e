import { z } from 'zod'
import { ERROR_CODES } from './errors'

/** One field problem of an `INPUT.INVALID` answer: `path` is dotted (`title`, `items.0.name`), '' for the whole input. */
export const fieldIssueSchema = z.object({ path: z.string(), code: z.string(), message: z.string() })
export type FieldIssue = z.infer<typeof fieldIssueSchema>

export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
  /** with SYSTEM.BUSY: how long the client waits before it tries again by itself */
  retryAfterMs: z.number().int().nonnegative().optional(),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; error: ErrorBody }
/** What every cloud function answers. */
export type Envelope<T> = Ok<T> | Fail

/** What every cloud function accepts: `{ action, input }`. The platform may add `userInfo`; nothing else is read. */
export const requestSchema = z.object({
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
})
export type CloudRequest = z.infer<typeof requestSchema>

/** Largest accepted request body (JSON characters), checked before any parsing. */
export const MAX_REQUEST_CHARS = 100_000

export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: errorBodySchema })])
}
