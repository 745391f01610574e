/**
 * Who may do what with events. Used both to authorize actions and to fill `viewer.can*` in read models.
 *  - staff of the event's community and the district admin manage it: create, edit, publish, cancel, see drafts,
 *    sign-ups and the waitlist, export, draw, check people in, book walk-ins (代报名), answer low ratings;
 *  - published events are seen by members of the community (and by anyone signed in when `openTo` is `anyone`);
 *  - a member (or anyone, for `anyone` events) who is not a child signs up themselves or, as a guardian, their
 *    children; children are signed up by their guardian (children's data, guardian consent);
 *  - a sign-up is cancelled by the person who made it or by the event's managers; only its owner rates it;
 *  - staff of another community are outsiders here;
 *  - a walk-in booked by staff (代报名) names no account, or a member of the event's community who may join it —
 *    never a child's account (children are signed up by their guardian), another community's member or staff, or
 *    an openid nobody has (`checkProxyTarget`).
 */
import type { EventDoc, SignupDoc } from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'
import { canManageCommunity, canReadCommunity, isMemberOf, type Viewer } from '../../_kernel/permissions'
import { checkCancel, checkCheckInWindow, checkDraw, checkRate, eventPhase } from './event-rules'

type EventLike = Pick<EventDoc, 'communityId' | 'status' | 'openTo'>

export const canCreateEvent = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canManageEvent = (viewer: Viewer, e: Pick<EventDoc, 'communityId'>) => canManageCommunity(viewer, e.communityId)
export const canListForStaff = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const mayOverrideReview = (viewer: Viewer) => viewer.isDistrictAdmin

/** Managers see every state; others see published and cancelled events open to them. */
export function canSeeEvent(viewer: Viewer, e: EventLike): boolean {
  if (canManageEvent(viewer, e)) return true
  if (e.status === 'draft') return false
  return e.openTo === 'anyone' || canReadCommunity(viewer, e.communityId)
}

/** Whether the viewer may hold places on this event at all (themselves, or their children as guardian). */
export function canJoinEvent(viewer: Viewer, e: EventLike): boolean {
  if (viewer.isChild) return false
  return e.openTo === 'anyone' || isMemberOf(viewer, e.communityId)
}

export function canEditEvent(viewer: Viewer, e: EventDoc, now: Date): boolean {
  const phase = eventPhase(e, now)
  return canManageEvent(viewer, e) && phase !== 'cancelled' && phase !== 'ended'
}

export function canPublishEvent(viewer: Viewer, e: EventDoc, now: Date): boolean {
  return (
    canManageEvent(viewer, e) &&
    e.status === 'draft' &&
    (e.moderation === 'pass' || mayOverrideReview(viewer)) &&
    e.signupClosesAt.getTime() > now.getTime()
  )
}

export function canCancelEvent(viewer: Viewer, e: EventDoc, now: Date): boolean {
  return canManageEvent(viewer, e) && e.status !== 'cancelled' && now.getTime() < e.endAt.getTime()
}

export const canDrawEvent = (viewer: Viewer, e: EventDoc, now: Date) => canManageEvent(viewer, e) && checkDraw(e, now) === null

export const canCheckInTickets = (viewer: Viewer, e: EventDoc, now: Date) =>
  canManageEvent(viewer, e) && checkCheckInWindow(e, now) === null

export const ownsSignup = (viewer: Viewer, s: Pick<SignupDoc, 'ownerOpenid'>) => s.ownerOpenid !== null && s.ownerOpenid === viewer.openid

/** The owner, or the event's managers (e.g. for a walk-in who calls to give the place back). */
export function canCancelSignup(viewer: Viewer, e: EventDoc, s: SignupDoc, now: Date): boolean {
  return (ownsSignup(viewer, s) || canManageEvent(viewer, e)) && checkCancel(e, s, now) === null
}

export const canRateSignup = (viewer: Viewer, e: EventDoc, s: SignupDoc, now: Date) =>
  ownsSignup(viewer, s) && checkRate(e, s, now) === null

/** The ticket (QR) of a place: its owner, or the event's managers. */
export const canSeeTicket = (viewer: Viewer, e: EventDoc, s: SignupDoc) => ownsSignup(viewer, s) || canManageEvent(viewer, e)

/**
 * 代报名 for an account: `target` is that account loaded as a viewer of the event's community (null: a walk-in with no
 * account, always fine). A child's account → MEMBER.IS_CHILD; not a member of the event's community (another
 * community's resident or staff, an openid nobody has) → MEMBER.NOT_FOUND.
 */
export function checkProxyTarget(target: Viewer | null, e: EventLike): Refusal | null {
  if (!target) return null
  if (target.isChild) return { code: 'MEMBER.IS_CHILD', message: 'a child is signed up by their guardian, not booked as a walk-in' }
  if (!isMemberOf(target, e.communityId) || !canJoinEvent(target, e))
    return { code: 'MEMBER.NOT_FOUND', message: 'not a member of the event’s community' }
  return null
}
