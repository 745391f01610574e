/**
 * Who the caller is, as far as permissions go, and the community-level questions every domain asks.
 * Pure: domain permission modules (communities/domain/permissions.ts, notices/domain/permissions.ts) build on these.
 */
import type { CommunityRole } from '../../types/index'

export interface Viewer {
  openid: string
  isDistrictAdmin: boolean
  isChild: boolean
  /** the caller's role in the communities loaded for this call (not necessarily all of theirs) */
  roles: Readonly<Record<string, CommunityRole>>
}

export function roleIn(viewer: Viewer, communityId: string): CommunityRole | null {
  return Object.prototype.hasOwnProperty.call(viewer.roles, communityId) ? viewer.roles[communityId] : null
}

export const isMemberOf = (viewer: Viewer, communityId: string): boolean => roleIn(viewer, communityId) !== null

export const isStaffOf = (viewer: Viewer, communityId: string): boolean => roleIn(viewer, communityId) === 'staff'

/** Staff of that community, or the district admin (who manages every community). */
export const canManageCommunity = (viewer: Viewer, communityId: string): boolean =>
  viewer.isDistrictAdmin || isStaffOf(viewer, communityId)

/** Members read their community's content; the district admin reads everyone's. */
export const canReadCommunity = (viewer: Viewer, communityId: string): boolean =>
  viewer.isDistrictAdmin || isMemberOf(viewer, communityId)
