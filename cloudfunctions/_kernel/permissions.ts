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
export const canManageCommunity = (viewer: Viewer, communityId: string): boolean => viewer.isDistrictAdmin || isStaffOf(viewer, communityId)

/** Members read their community's content; the district admin reads everyone's. */
export const canReadCommunity = (viewer: Viewer, communityId: string): boolean => viewer.isDistrictAdmin || isMemberOf(viewer, communityId)

/**
 * A child is never anything but a child (docs/decisions/0032). An account is a child's when its person record says so
 * or it is linked to a child record (`child_accounts/<openid>`, written in the same transaction as `isChild`).
 * Such an account holds no staff role and is no district admin, by any path: promotion refuses it
 * (`MEMBER.IS_CHILD`), linking refuses an account that holds a role, and a role found on a child's account in the
 * database (written by hand, or an old record) is read as a resident's.
 */
export const isChildAccount = (person: { isChild?: boolean } | null, linkedToChild = false): boolean =>
  person?.isChild === true || linkedToChild

/** Whether an account may hold a staff role or the district admin's: never a child's. */
export const mayHoldStaffRole = (person: { isChild?: boolean } | null, linkedToChild = false): boolean =>
  !isChildAccount(person, linkedToChild)

/** Whether an account may be linked as a child's own: not one holding a staff role anywhere or the district admin's. */
export const mayBecomeChildAccount = (viewer: Pick<Viewer, 'isDistrictAdmin' | 'roles'>): boolean =>
  !viewer.isDistrictAdmin && !Object.values(viewer.roles).includes('staff')
