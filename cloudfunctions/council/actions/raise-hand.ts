import { councilContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { actingFor } from '../domain/permissions'
import { raiseHand as raise } from '../domain/rules'
import { getMember, mutateMeeting } from '../repo'
import { loadMeeting } from './load'

/** 举手: a present member (through their guardian, their own account, or staff on the meeting phone) joins the queue. */
export const raiseHand = action(councilContract.raiseHand, async (ctx, input) => {
  const { meeting, viewer } = await loadMeeting(ctx, input.meetingId)
  const member = await getMember(ctx, input.memberId)
  if (!member || member.councilId !== meeting.councilId) fail('COUNCIL.MEMBER_NOT_FOUND', 'member not found')
  const actedBy = actingFor(viewer, member, { staff: true })
  if (!actedBy) forbidden()
  if (meeting.status !== 'published') fail('COUNCIL.MEETING_INVALID_STATE', `meeting is ${meeting.status}`)
  if (!meeting.attendance.includes(member._id)) fail('COUNCIL.NOT_PRESENT', 'only members present raise their hand')
  let result = { queued: false, position: 0 }
  await mutateMeeting(ctx, meeting._id, (m) => {
    const r = raise(m.speaking, member._id, ctx.now, actedBy ?? undefined)
    result = { queued: r.queued, position: r.position }
    return { speaking: r.speaking, updatedAt: ctx.now }
  })
  return result
})
