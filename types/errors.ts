/**
 * Stable error codes (`DOMAIN.REASON`) returned in `{ ok: false, error: { code } }`.
 * The Chinese copy for each lives on the client (src/lib/error-copy.ts); the server's `message` is for logs and developers.
 */
export const ERROR_CODES = [
  'INPUT.INVALID',
  'ACTION.UNKNOWN',
  'AUTH.NO_OPENID',
  'AUTH.FORBIDDEN',
  'CONTENT.RISKY',
  'CONTENT.REVIEW',
  'CONTENT.CHECK_UNAVAILABLE',
  'COMMUNITY.NOT_FOUND',
  'MEMBER.NOT_FOUND',
  'CHILD.AGE_OUT_OF_RANGE',
  'CHILD.LIMIT_REACHED',
  'NOTICE.NOT_FOUND',
  'NOTICE.INVALID_STATE',
  'NOTICE.INVALID_SCHEDULE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
