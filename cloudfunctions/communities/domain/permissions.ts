/**
 * Who may do what with communities and people. Used to authorize actions and to fill `viewer.can*`.
 *  - anyone signed in may look a community up (by id or by its QR code) and join it as a resident;
 *  - staff of a community and the district admin manage it: list its members, promote a member to staff,
 *    make its QR poster. (Staff may promote colleagues so a community does not depend on the district for
 *    every change; they can only promote people who already joined by scanning the code.)
 *  - a member who is not a child may link children in that community (guardian).
 *  - only a child's guardian may create a code that links the child's own WeChat account; the account that redeems it
 *    must be someone else, and not an adult with standing (staff anywhere, the district admin, a guardian of children).
 */
import type { ChildDoc } from '../../../types/index'
import { canManageCommunity, isMemberOf, mayBecomeChildAccount, type Viewer } from '../../_kernel/permissions'

export const canViewCommunity = (_viewer: Viewer) => true
export const canJoinCommunity = (viewer: Viewer, communityId: string) => !isMemberOf(viewer, communityId)
export const canListMembers = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canAddStaff = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canCreatePoster = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canAddChild = (viewer: Viewer, communityId: string) => isMemberOf(viewer, communityId) && !viewer.isChild
export const isGuardianOfChild = (viewer: Viewer, child: Pick<ChildDoc, 'guardianOpenid'>) =>
  viewer.openid !== '' && child.guardianOpenid === viewer.openid
export const canCreateChildLinkCode = (viewer: Viewer, child: Pick<ChildDoc, 'guardianOpenid'>) =>
  isGuardianOfChild(viewer, child) && !viewer.isChild
/** `viewer.roles` must hold all of the caller's memberships; `guardianOfChildren`: how many children the caller is guardian of. */
export const canBeLinkedAsChild = (viewer: Viewer, child: Pick<ChildDoc, 'guardianOpenid'>, guardianOfChildren: number) =>
  !isGuardianOfChild(viewer, child) && mayBecomeChildAccount(viewer) && guardianOfChildren === 0
