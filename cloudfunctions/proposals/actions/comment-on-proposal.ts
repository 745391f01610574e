import { ANONYMOUS_NAME, proposalsContract, type ProposalCommentDoc } from '../../../types/index'
import { contentVerdict } from '../../_kernel/content-check'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canComment, childRefusal, mayParticipate } from '../domain/permissions'
import { toCommentView } from '../domain/proposal-view'
import { bumpCommentCount, getPerson, insertComment } from '../repo'
import { loadProposalAndViewer } from './load'

/** A member (not a child's account: 0033) comments on a listed proposal. Risky → refused; review → kept for staff, visible to its author only. */
export const commentOnProposal = action(proposalsContract.comment, async (ctx, input) => {
  const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId)
  orFail(childRefusal(viewer) ?? true)
  if (!mayParticipate(viewer, p)) forbidden()
  if (!canComment(viewer, p)) fail('PROPOSAL.INVALID_STATE', 'comments are closed for this proposal')
  const moderation = contentVerdict(ctx) // 'review' waits for staff
  const person = await getPerson(ctx, ctx.openid)
  const doc: Omit<ProposalCommentDoc, '_id'> = {
    proposalId: p._id,
    communityId: p.communityId,
    body: input.body,
    authorName: person?.nickname?.trim() || ANONYMOUS_NAME,
    moderation,
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    createdBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const comment = await insertComment(ctx, doc)
  if (moderation === 'pass') await bumpCommentCount(ctx, p._id, 1)
  return toCommentView(comment, viewer)
})
