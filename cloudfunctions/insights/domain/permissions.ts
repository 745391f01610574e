import { canManageCommunity, type Viewer } from '../../_kernel/permissions'

/** A community's figures and to-dos: its staff and the district admin. */
export const canReadCommunityInsights = (viewer: Viewer, communityId: string): boolean =>
  !viewer.isChild && canManageCommunity(viewer, communityId)

/** Every community side by side: the district admin only. */
export const canReadDistrictInsights = (viewer: Viewer): boolean => viewer.isDistrictAdmin
