import { councilContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canManageCouncil, canReadCouncil } from '../domain/permissions'
import { listMeetings } from '../repo'

/** The community's council meetings, latest first (drafts for staff only). */
export const listMeetingsAction = action(councilContract.meetings, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canReadCouncil(viewer, input.communityId)) forbidden()
  const manage = canManageCouncil(viewer, input.communityId)
  const meetings = (await listMeetings(ctx, input.communityId)).filter((m) => manage || m.status !== 'draft')
  return {
    meetings: meetings.map((m) => ({
      meetingId: m._id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      place: m.place,
      status: m.status,
      attendanceCount: m.attendance.length,
    })),
  }
})
