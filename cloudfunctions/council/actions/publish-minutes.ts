import { councilContract } from '../../../types/index'
import { orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { decideMinutes } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { mutateMeeting } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/** Staff publish the reviewed minutes: attendance count, the decisions per item, what happens next. */
export const publishMinutes = action(councilContract.publishMinutes, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  orFail(decideMinutes(meeting) ?? true)
  const updated = await mutateMeeting(ctx, meeting._id, (m) => {
    orFail(decideMinutes(m) ?? true)
    return {
      status: 'closed',
      minutes: {
        summary: input.summary,
        nextSteps: input.nextSteps,
        attendanceCount: m.attendance.length,
        publishedAt: ctx.now,
        by: ctx.openid,
      },
      speaking: { current: null, queue: [], turns: m.speaking.turns },
      updatedAt: ctx.now,
      updatedBy: ctx.openid,
    }
  })
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
