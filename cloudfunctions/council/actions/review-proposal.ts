import { councilContract } from '../../../types/index'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { reviewMessage } from '../domain/messages'
import { canManageCouncil } from '../domain/permissions'
import { answerDueAt, decideReview } from '../domain/rules'
import { toProposalView } from '../domain/views'
import { notify } from '../notify'
import { getCouncil, getMember, recipientsOf, updateProposalIf } from '../repo'
import { loadProposal } from './load'

/**
 * Staff review a child's proposal before anyone else sees it. Approved or not, the review starts the clock for the
 * adult's answer (default 30 days): every reviewed child proposal gets one.
 */
export const reviewProposal = action(councilContract.reviewProposal, async (ctx, input) => {
  const { proposal, viewer } = await loadProposal(ctx, input.proposalId)
  if (!canManageCouncil(viewer, proposal.communityId)) forbidden()
  orFail(decideReview(proposal) ?? true)
  const council = await getCouncil(ctx, proposal.communityId)
  const changes = {
    status: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
    review: { note: input.note ?? null, at: ctx.now, by: ctx.openid },
    answerDueAt: answerDueAt(ctx.now, council?.answerDays ?? 30),
    updatedAt: ctx.now,
  }
  if ((await updateProposalIf(ctx, proposal._id, { status: 'pending' }, changes)) !== 1)
    fail('COUNCIL.PROPOSAL_INVALID_STATE', 'reviewed meanwhile')
  const member = await getMember(ctx, proposal.memberId)
  if (member)
    await notify(
      ctx,
      await recipientsOf(ctx, [member]),
      `council.review:${proposal._id}`,
      reviewMessage(proposal, changes.status === 'approved'),
    )
  return toProposalView({ ...proposal, ...changes }, viewer, ctx.now, member, null)
})
