import { councilContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCouncil, canReadCouncil } from '../domain/permissions'
import { toMeetingView } from '../domain/views'
import { loadMeeting, meetingExtras } from './load'

/** One meeting: its public agenda, results and minutes; meeting mode (attendance, queue) for staff. */
export const getAgenda = action(councilContract.agenda, async (ctx, input) => {
  const { meeting, viewer } = await loadMeeting(ctx, input.meetingId)
  if (!canReadCouncil(viewer, meeting.communityId) && !canManageCouncil(viewer, meeting.communityId)) forbidden()
  if (meeting.status === 'draft' && !canManageCouncil(viewer, meeting.communityId)) fail('COUNCIL.MEETING_NOT_FOUND', 'meeting not found')
  return toMeetingView(meeting, viewer, ctx.now, await meetingExtras(ctx, meeting, viewer))
})
