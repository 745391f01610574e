import { councilContract } from '../../../types/index'
import { fail, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { findItem } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { councilDecisionProposalDoc } from '../../proposals/domain/proposal-document'
import { insertProposal as insertResidentProposal } from '../../proposals/repo'
import { getProposal, mutateMeeting, updateProposalIf } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/**
 * The decision on one item. With `handOff` it also enters the residents' proposals flow as an accepted proposal
 * by 儿童议事会 (no child data in it), so it can become a project (项目清单 / 成效清单); the child is told when done.
 */
export const recordDecision = action(councilContract.recordDecision, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  if (meeting.status === 'draft') fail('COUNCIL.MEETING_INVALID_STATE', 'publish the agenda first')
  const item = orFail(findItem(meeting, input.itemId))
  if (item.vote?.status === 'open') fail('COUNCIL.VOTE_INVALID_STATE', 'close the vote first')
  let handoffProposalId: string | null = item.decision?.handoffProposalId ?? null
  if (input.handOff && !handoffProposalId) {
    const source = item.proposalId ? await getProposal(ctx, item.proposalId) : null
    const doc = councilDecisionProposalDoc({
      communityId: meeting.communityId,
      title: item.title,
      description: [
        source ? `孩子们发现：${source.noticed}\n孩子们的主意：${source.idea}` : item.title,
        `议事会决定：${input.text}`,
        input.nextStep ? `下一步：${input.nextStep}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      category: '儿童友好',
      decision: input.text,
      by: ctx.openid,
      now: ctx.now,
    })
    handoffProposalId = (await insertResidentProposal(ctx, doc))._id
    if (source)
      await updateProposalIf(
        ctx,
        source._id,
        {},
        { handoff: { proposalId: handoffProposalId, at: ctx.now, doneNotifiedAt: null }, handoffOpen: true, updatedAt: ctx.now },
      )
  }
  const decision = { text: input.text, nextStep: input.nextStep ?? null, handoffProposalId, at: ctx.now, by: ctx.openid }
  const updated = await mutateMeeting(ctx, meeting._id, (m) => ({
    items: m.items.map((i) => (i.itemId === input.itemId ? { ...i, decision } : i)),
    updatedAt: ctx.now,
  }))
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
