/**
 * Posters that open the thing itself (docs/decisions/0100): a notice's or an event's poster carries the scene
 * `s=<code>`, a short random code that share_codes maps to {communityId, kind, refId}. Pure rules only.
 */
import { SHARE_CODE_ALPHABET, SHARE_CODE_LENGTH } from '../../../types/patterns'

export type ShareKind = 'notice' | 'event'

/** A fresh code from `randomIndex(max)` (crypto's randomInt in production): 31^8 ≈ 8.5 × 10^11 codes. */
export function shareCodeFrom(randomIndex: (max: number) => number): string {
  let code = ''
  for (let i = 0; i < SHARE_CODE_LENGTH; i++) code += SHARE_CODE_ALPHABET[randomIndex(SHARE_CODE_ALPHABET.length)]
  return code
}

/** The poster's object, from the input: at most one of noticeId / eventId (the contract refuses both). */
export function posterTarget(input: { noticeId?: string; eventId?: string }): { kind: ShareKind; id: string } | null {
  if (input.noticeId) return { kind: 'notice', id: input.noticeId }
  if (input.eventId) return { kind: 'event', id: input.eventId }
  return null
}

/** A poster may name only an object of the community it is made for (staff of one community never act on another). */
export const targetBelongsTo = (target: { communityId: string }, communityId: string): boolean => target.communityId === communityId
