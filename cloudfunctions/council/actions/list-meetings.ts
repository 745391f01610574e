import { councilContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageAgenda, canReadCouncil } from '../domain/permissions'
import { getCouncil, listMeetings } from '../repo'
import { loadChair, loadCouncilViewer } from './load'

/** The community's council meetings, latest first (drafts for staff and the chair only). */
export const listMeetingsAction = action(councilContract.meetings, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  if (!canReadCouncil(viewer, input.communityId)) forbidden()
  const council = await getCouncil(ctx, input.communityId)
  const drafts = council !== null && canManageAgenda(viewer, council, await loadChair(ctx, council), ctx.now)
  const meetings = (await listMeetings(ctx, input.communityId)).filter((m) => drafts || m.status !== 'draft')
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
