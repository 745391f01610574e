import { councilContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCouncil, canReadCouncil } from '../domain/permissions'
import { toMeetingView } from '../domain/views'
import { loadMeeting, meetingExtras } from './load'

/** One meeting: its public agenda, results and minutes; meeting mode (attendance, queue) for staff; drafts for staff and the chair. */
export const getAgenda = action(councilContract.agenda, async (ctx, input) => {
  const { meeting, viewer } = await loadMeeting(ctx, input.meetingId)
  if (!canReadCouncil(viewer, meeting.communityId) && !canManageCouncil(viewer, meeting.communityId)) forbidden()
  const extras = await meetingExtras(ctx, meeting, viewer)
  if (meeting.status === 'draft' && !extras.canManageAgenda) fail('COUNCIL.MEETING_NOT_FOUND', 'meeting not found')
  return toMeetingView(meeting, viewer, ctx.now, extras)
})
