/**
 * Who may do what in the children's council. Used to authorize actions and to fill `viewer.can*`.
 *  - staff of the community (the council's facilitators) and the district admin manage: set up the council, approve
 *    members, review and answer child proposals, run meetings;
 *  - members of the community (and the district admin) read the council, its reviewed proposals and public agendas;
 *  - a guardian (a member who is not a child) applies for their own child and acts for them "以小明的身份";
 *    a child's own linked account acts for itself; staff act for a present member on the meeting phone;
 *  - only the guardian exports or deletes a child's data.
 */
import type { ActedBy, ChildDoc, CouncilMemberDoc } from '../../../types/index'
import { canManageCommunity, canReadCommunity, isMemberOf, type Viewer } from '../../_kernel/permissions'

export const canManageCouncil = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canReadCouncil = (viewer: Viewer, communityId: string) => canReadCommunity(viewer, communityId)
export const canApply = (viewer: Viewer, communityId: string) => isMemberOf(viewer, communityId) && !viewer.isChild

export const isGuardianOf = (viewer: Viewer, m: Pick<CouncilMemberDoc, 'guardianOpenid'>) => viewer.openid !== '' && m.guardianOpenid === viewer.openid
export const isChildOf = (viewer: Viewer, m: Pick<CouncilMemberDoc, 'childOpenid'>) => viewer.openid !== '' && m.childOpenid === viewer.openid

/** Who acts for this member, or null: the guardian, the child's own account, or (where allowed) staff. */
export function actingFor(viewer: Viewer, m: CouncilMemberDoc, options: { staff: boolean }): ActedBy | null {
  if (isGuardianOf(viewer, m)) return { actorOpenid: viewer.openid, childId: m.childId, as: 'guardian' }
  if (isChildOf(viewer, m)) return { actorOpenid: viewer.openid, childId: m.childId, as: 'child' }
  if (options.staff && canManageCouncil(viewer, m.communityId)) return { actorOpenid: viewer.openid, childId: m.childId, as: 'staff' }
  return null
}

export const canLeave = (viewer: Viewer, m: CouncilMemberDoc) => m.status !== 'left' && actingFor(viewer, m, { staff: true }) !== null
export const canApprove = (viewer: Viewer, m: CouncilMemberDoc) => m.status === 'pending' && canManageCouncil(viewer, m.communityId)
export const canSeeChildPrivate = (viewer: Viewer, m: CouncilMemberDoc) => canManageCouncil(viewer, m.communityId) || isGuardianOf(viewer, m) || isChildOf(viewer, m)
export const isGuardianOfChild = (viewer: Viewer, child: Pick<ChildDoc, 'guardianOpenid'>) => viewer.openid !== '' && child.guardianOpenid === viewer.openid
