import { councilContract } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { toMeetingView } from '../domain/views'
import { getMembers, mutateMeeting } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/** Staff mark members present (or not) on the meeting phone. */
export const recordAttendance = action(councilContract.recordAttendance, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  if (meeting.status !== 'published') fail('COUNCIL.MEETING_INVALID_STATE', `meeting is ${meeting.status}`)
  const ids = [...new Set(input.memberIds)]
  const found: string[] = []
  for (let i = 0; i < ids.length; i += 100) {
    found.push(
      ...(await getMembers(ctx, ids.slice(i, i + 100)))
        .filter((m) => m.councilId === meeting.councilId && m.status === 'approved')
        .map((m) => m._id),
    )
  }
  if (found.length !== ids.length) fail('COUNCIL.MEMBER_NOT_FOUND', 'not every id is an approved member of this council')
  const updated = await mutateMeeting(ctx, meeting._id, (m) => {
    if (m.status !== 'published') fail('COUNCIL.MEETING_INVALID_STATE', `meeting is ${m.status}`)
    const present = new Set(m.attendance)
    for (const id of ids) input.present ? present.add(id) : present.delete(id)
    return { attendance: [...present], updatedAt: ctx.now }
  })
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
