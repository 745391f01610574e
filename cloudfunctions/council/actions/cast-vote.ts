import { councilContract, type CouncilVoteDoc } from '../../../types/index'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { actingFor } from '../domain/permissions'
import { decideCastVote } from '../domain/rules'
import { castVoteOnce, getMember, voteIdOf } from '../repo'
import { loadMeeting, randomId } from './load'

/**
 * 赞成 / 反对 / 弃权 for a present member — by the child, the guardian, or staff on the meeting phone. One vote per
 * member and item (deterministic _id in a transaction): a double tap or a concurrent second vote counts nothing.
 * A secret vote stores who voted apart from what was chosen.
 */
export const castVote = action(councilContract.castVote, async (ctx, input) => {
  const { meeting, viewer } = await loadMeeting(ctx, input.meetingId)
  const member = await getMember(ctx, input.memberId)
  if (!member || member.councilId !== meeting.councilId) fail('COUNCIL.MEMBER_NOT_FOUND', 'member not found')
  const actedBy = actingFor(viewer, member, { staff: true })
  if (!actedBy) forbidden()
  if (member.status !== 'approved') fail('COUNCIL.MEMBER_INVALID_STATE', 'only members vote')
  const { secret } = orFail(decideCastVote(meeting, input.itemId, member._id))
  const vote: CouncilVoteDoc = {
    _id: voteIdOf(meeting._id, input.itemId, member._id),
    meetingId: meeting._id,
    itemId: input.itemId,
    communityId: meeting.communityId,
    memberId: member._id,
    childId: member.childId,
    secret,
    choice: secret ? null : input.choice,
    actedBy: actedBy!,
    createdAt: ctx.now,
  }
  const counted = await castVoteOnce(ctx, vote, secret ? { _id: randomId('ballot'), choice: input.choice } : null, (m) => {
    orFail(decideCastVote(m, input.itemId, member._id))
  })
  return { counted }
})
