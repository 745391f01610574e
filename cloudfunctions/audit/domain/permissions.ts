import { AUDIT_DISTRICT } from '../../../types/index'
import { isStaffOf, type Viewer } from '../../_kernel/permissions'

/** Staff read their own community's log; the district admin reads every log, district-level entries included. */
export function canReadAudit(viewer: Viewer, communityId: string | undefined): boolean {
  if (viewer.isDistrictAdmin) return true
  if (viewer.isChild || communityId === undefined || communityId === AUDIT_DISTRICT) return false
  return isStaffOf(viewer, communityId)
}
