/** Pure rules about memberships, children and QR scenes. */
import {
  CHILD_LINK_CODE_ALPHABET,
  CHILD_LINK_CODE_LENGTH,
  CHILD_LINK_CODE_TTL_MINUTES,
  CHILD_MAX_AGE,
  CHILD_MIN_AGE,
  MAX_CHILDREN_PER_GUARDIAN,
  communityScene,
  shanghaiYear,
  type ChildLinkDoc,
  type MembershipDoc,
} from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'
import { mayHoldStaffRole } from '../../_kernel/permissions'

/**
 * Promoting a member to staff: only someone who already joined, never a child's account (`mayHoldStaffRole`: the
 * person record says child, or the account is linked to a child); promoting staff again changes nothing.
 */
export function decidePromotion(
  target: Pick<MembershipDoc, 'role'> | null,
  person: { isChild?: boolean } | null,
  linkedToChild: boolean,
): 'promote' | 'already-staff' | Refusal {
  if (!target) return { code: 'MEMBER.NOT_FOUND', message: 'the person has not joined this community' }
  if (!mayHoldStaffRole(person, linkedToChild)) return { code: 'MEMBER.IS_CHILD', message: 'a child account is never staff' }
  return target.role === 'staff' ? 'already-staff' : 'promote'
}

/** Age in whole calendar years (Asia/Shanghai), the only precision a birth year allows. */
export const childAge = (birthYear: number, now: Date) => shanghaiYear(now) - birthYear

/** A linked child must be a minor: age 0–17 this year. */
export function checkChildBirthYear(birthYear: number, now: Date): Refusal | null {
  const age = childAge(birthYear, now)
  if (age < CHILD_MIN_AGE || age > CHILD_MAX_AGE) {
    return { code: 'CHILD.AGE_OUT_OF_RANGE', message: `age ${age} is outside ${CHILD_MIN_AGE}–${CHILD_MAX_AGE}` }
  }
  return null
}

export function checkChildLimit(existing: number): Refusal | null {
  return existing >= MAX_CHILDREN_PER_GUARDIAN
    ? { code: 'CHILD.LIMIT_REACHED', message: `at most ${MAX_CHILDREN_PER_GUARDIAN} children per guardian` }
    : null
}

/** The page a community QR code opens (no leading '/', no query: the scene carries the community). */
export const POSTER_PAGE = 'pages/home/index'
/** The child-link code's QR, shown on the guardian's phone (WeChat's smallest width keeps the inline image small). */
export const CHILD_LINK_QR_WIDTH = 280

/** The scene of a community's QR code. */
export const posterScene = (code: string) => communityScene(code)

/** A link code from random integers in [0, alphabet length): pass crypto.randomInt in production. */
export function linkCodeFrom(randomIndex: (max: number) => number): string {
  let code = ''
  for (let i = 0; i < CHILD_LINK_CODE_LENGTH; i++) code += CHILD_LINK_CODE_ALPHABET[randomIndex(CHILD_LINK_CODE_ALPHABET.length)]
  return code
}

/** When a code created at `now` stops working. */
export const linkCodeExpiry = (now: Date) => new Date(now.getTime() + CHILD_LINK_CODE_TTL_MINUTES * 60_000)

/** A code works until (not including) its expiry instant. Unknown and expired codes are refused alike. */
export function checkLinkCode(link: Pick<ChildLinkDoc, 'expiresAt'> | null, now: Date): Refusal | null {
  if (!link) return { code: 'CHILD.LINK_CODE_INVALID', message: 'unknown link code' }
  if (now.getTime() >= new Date(link.expiresAt).getTime()) return { code: 'CHILD.LINK_CODE_INVALID', message: 'link code expired' }
  return null
}

/** Only a child with no account of their own yet can be linked. */
export function checkChildUnlinked(child: { openid: string | null }): Refusal | null {
  return child.openid ? { code: 'CHILD.ALREADY_LINKED', message: 'the child already has an account' } : null
}

/** One WeChat account is linked to at most one child: an account that already has a child record is refused. */
export function checkAccountUnlinked(account: { childId: string } | null): Refusal | null {
  return account ? { code: 'CHILD.ACCOUNT_ALREADY_LINKED', message: 'this account is already linked to a child' } : null
}
