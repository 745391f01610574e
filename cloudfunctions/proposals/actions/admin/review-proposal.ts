import { proposalsContract, type ProposalDoc, type ProposalTimelineDoc } from '../../../../types/index'
import { deliver } from '../../../_kernel/inbox'
import { fail, forbidden, orFail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { reviewMessage } from '../../domain/messages'
import { mayModerate } from '../../domain/permissions'
import { REVIEW_TRANSITION, decideTransition, publication } from '../../domain/proposal-rules'
import { getSettings, transition } from '../../repo'
import { loadProposalAndViewer, proposalView, reload } from '../load'

/**
 * Staff review a pending proposal: publish (supports open for the community's window), reject with a reason, or
 * return it for changes with a reason. The author is told (inbox + subscribe message).
 */
export const reviewProposal = action(proposalsContract.review, async (ctx, input) => {
  const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId, { staffOnly: true })
  if (!mayModerate(viewer, p)) forbidden()
  const { from, to } = orFail(decideTransition(p, REVIEW_TRANSITION[input.decision]))
  const reason = input.reason ? input.reason : null
  const review = { decision: input.decision, reason, at: ctx.now }
  const changes: Partial<ProposalDoc> = { status: to, review, moderation: 'pass', updatedAt: ctx.now, updatedBy: ctx.openid }
  let entry: ProposalTimelineDoc
  if (input.decision === 'publish') {
    Object.assign(changes, publication(ctx.now, await getSettings(ctx, p.communityId)))
    entry = { at: ctx.now, kind: 'published', text: null, audience: 'public' }
  } else {
    entry = { at: ctx.now, kind: input.decision === 'return' ? 'returned' : 'refused', text: reason, audience: 'private' }
  }
  if (!(await transition(ctx, p._id, from, changes, entry))) fail('PROPOSAL.INVALID_STATE', 'the proposal changed meanwhile')
  await deliver(ctx, [p.createdBy], `${p._id}:review:${ctx.now.getTime()}`, reviewMessage(p, input.decision, reason, ctx.now))
  return proposalView(ctx, await reload(ctx, p._id), viewer)
})
