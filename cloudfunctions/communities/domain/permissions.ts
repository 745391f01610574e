/**
 * Who may do what with communities and people. Used to authorize actions and to fill `viewer.can*`.
 *  - anyone signed in may look a community up (by id or by its QR code) and join it as a resident;
 *  - staff of a community and the district admin manage it: list its members, promote a member to staff,
 *    make its QR poster. (Staff may promote colleagues so a community does not depend on the district for
 *    every change; they can only promote people who already joined by scanning the code.)
 *  - a member who is not a child may link children in that community (guardian).
 */
import { canManageCommunity, isMemberOf, type Viewer } from '../../_kernel/permissions'

export const canViewCommunity = (_viewer: Viewer) => true
export const canJoinCommunity = (viewer: Viewer, communityId: string) => !isMemberOf(viewer, communityId)
export const canListMembers = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canAddStaff = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canCreatePoster = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canAddChild = (viewer: Viewer, communityId: string) => isMemberOf(viewer, communityId) && !viewer.isChild
