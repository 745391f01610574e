import { councilContract } from '../../../types/index'
import { orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { decideCloseVote, findItem, passes, quorumMet } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { closeVoteGate, countVotes, listMembersOf, mutateMeeting, votedMembers } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/**
 * Close a vote: first the item is marked closed (votes arriving after that are refused), in a transaction that
 * conflicts with every vote still under way (`closeVoteGate`), then the choices are counted — every acknowledged vote
 * is in the count — and the quorum decided: more than half of the council's members present.
 */
export const closeVote = action(councilContract.closeVote, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  orFail(decideCloseVote(orFail(findItem(meeting, input.itemId))) ?? true)
  const [members, voted] = await Promise.all([listMembersOf(ctx, meeting.councilId), votedMembers(ctx, meeting._id, input.itemId)])
  const approved = members.filter((m) => m.status === 'approved')
  const closed = await closeVoteGate(
    ctx,
    meeting._id,
    approved.map((m) => m._id),
    voted,
    (m) => {
      const item = orFail(findItem(m, input.itemId))
      orFail(decideCloseVote(item) ?? true)
      return {
        items: m.items.map((i) =>
          i.itemId === input.itemId ? { ...i, vote: { ...i.vote!, status: 'closed' as const, closedAt: ctx.now } } : i,
        ),
        updatedAt: ctx.now,
      }
    },
  )
  const item = orFail(findItem(closed, input.itemId))
  const tally = await countVotes(ctx, meeting._id, input.itemId, item.vote!.secret)
  const memberCount = approved.length
  const present = closed.attendance.length
  const hasQuorum = quorumMet(present, memberCount)
  const updated = await mutateMeeting(ctx, meeting._id, (m) => ({
    items: m.items.map((i) =>
      i.itemId === input.itemId
        ? { ...i, vote: { ...i.vote!, tally, present, memberCount, quorumMet: hasQuorum, passed: passes(tally, hasQuorum) } }
        : i,
    ),
    updatedAt: ctx.now,
  }))
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
