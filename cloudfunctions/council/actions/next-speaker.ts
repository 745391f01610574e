import { councilContract } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { nextSpeaker as next } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { mutateMeeting } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/** The facilitator ends the current turn; whoever has spoken least (then raised a hand first) speaks next. */
export const nextSpeaker = action(councilContract.nextSpeaker, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  if (meeting.status !== 'published') fail('COUNCIL.MEETING_INVALID_STATE', `meeting is ${meeting.status}`)
  const updated = await mutateMeeting(ctx, meeting._id, (m) => ({ speaking: next(m.speaking, ctx.now), updatedAt: ctx.now }))
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
