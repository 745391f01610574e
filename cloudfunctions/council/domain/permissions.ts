/**
 * Who may do what in the children's council. Used to authorize actions and to fill `viewer.can*`.
 *  - staff of the community (the council's facilitators) and the district admin manage: set up the council, approve
 *    members, set the chair, review and answer child proposals, run meetings;
 *  - members of the community (and the district admin) read the council, its reviewed proposals and public agendas;
 *  - a guardian (a member who is not a child) applies for their own child and acts for them "以小明的身份";
 *    a child's own linked account acts for itself; staff act for a present member on the meeting phone;
 *  - the elected chair (an approved member staff named, acting through their guardian or their own account) prepares
 *    meetings with staff: create a meeting, add and reorder agenda items — while the council's term lasts. Publishing,
 *    votes, decisions, minutes, answers and reviews stay with staff;
 *  - only the guardian exports or deletes a child's data.
 */
import type { ActedBy, ChildDoc, CouncilDoc, CouncilMemberDoc } from '../../../types/index'
import { canManageCommunity, canReadCommunity, isMemberOf, type Viewer } from '../../_kernel/permissions'
import { termEnded } from './rules'

/**
 * The caller, plus the child whose own WeChat account this is (resolved at read time from `children.openid`, the one
 * source of truth; one account is linked to at most one child). null for everyone else.
 */
export interface CouncilViewer extends Viewer {
  ownChildId: string | null
}

export const canManageCouncil = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canReadCouncil = (viewer: Viewer, communityId: string) => canReadCommunity(viewer, communityId)
export const canApply = (viewer: Viewer, communityId: string) => isMemberOf(viewer, communityId) && !viewer.isChild

export const isGuardianOf = (viewer: Viewer, m: Pick<CouncilMemberDoc, 'guardianOpenid'>) =>
  viewer.openid !== '' && m.guardianOpenid === viewer.openid
export const isChildOf = (viewer: CouncilViewer, m: Pick<CouncilMemberDoc, 'childId'>) =>
  viewer.ownChildId !== null && m.childId === viewer.ownChildId

/** Who acts for this member, or null: the guardian, the child's own account, or (where allowed) staff. */
export function actingFor(viewer: CouncilViewer, m: CouncilMemberDoc, options: { staff: boolean }): ActedBy | null {
  if (isGuardianOf(viewer, m)) return { actorOpenid: viewer.openid, childId: m.childId, as: 'guardian' }
  if (isChildOf(viewer, m)) return { actorOpenid: viewer.openid, childId: m.childId, as: 'child' }
  if (options.staff && canManageCouncil(viewer, m.communityId)) return { actorOpenid: viewer.openid, childId: m.childId, as: 'staff' }
  return null
}

export const canLeave = (viewer: CouncilViewer, m: CouncilMemberDoc) =>
  m.status !== 'left' && actingFor(viewer, m, { staff: true }) !== null
export const canApprove = (viewer: Viewer, m: CouncilMemberDoc) => m.status === 'pending' && canManageCouncil(viewer, m.communityId)
export const canSeeChildPrivate = (viewer: CouncilViewer, m: CouncilMemberDoc) =>
  canManageCouncil(viewer, m.communityId) || isGuardianOf(viewer, m) || isChildOf(viewer, m)
export const isGuardianOfChild = (viewer: Viewer, child: Pick<ChildDoc, 'guardianOpenid'>) =>
  viewer.openid !== '' && child.guardianOpenid === viewer.openid

// ---------- the elected chair ----------

type ChairCouncil = Pick<CouncilDoc, '_id' | 'communityId' | 'termEnd' | 'chair'>

/** Staff name (or clear) the chair. */
export const canSetChair = (viewer: Viewer, council: Pick<CouncilDoc, 'communityId'>) => canManageCouncil(viewer, council.communityId)

/** A member may be named chair when approved in this council. */
export const canBeChair = (council: Pick<CouncilDoc, '_id'>, m: Pick<CouncilMemberDoc, 'councilId' | 'status'>) =>
  m.councilId === council._id && m.status === 'approved'

/** This member holds the chair now: named by staff, still an approved member, and the council's term has not ended. */
export function holdsChair(council: ChairCouncil, m: CouncilMemberDoc | null, now: Date): m is CouncilMemberDoc {
  return !!council.chair && m !== null && m._id === council.chair.memberId && canBeChair(council, m) && !termEnded(council, now)
}

/** Who acts as the chair (the chair's guardian or the chair's own account; never staff on their behalf), or null. */
export function actingAsChair(viewer: CouncilViewer, council: ChairCouncil, chair: CouncilMemberDoc | null, now: Date): ActedBy | null {
  return holdsChair(council, chair, now) ? actingFor(viewer, chair, { staff: false }) : null
}

/** Create meetings, add and reorder agenda items: staff, or whoever acts as the chair. */
export const canManageAgenda = (viewer: CouncilViewer, council: ChairCouncil, chair: CouncilMemberDoc | null, now: Date) =>
  canManageCouncil(viewer, council.communityId) || actingAsChair(viewer, council, chair, now) !== null
