import { REPORTS_TO_HIDE, proposalsContract } from '../../../types/index'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { isMemberOf } from '../../_kernel/permissions'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import {
  canManageProposals,
  canReadProposals,
  canSeeComment,
  childRefusal,
  isAuthor,
  isCommentVisible,
  mayParticipate,
} from '../domain/permissions'
import { decideReport, isListed } from '../domain/proposal-rules'
import { addReport, bumpCommentCount, getComment, hideByReports, reportId } from '../repo'
import { loadProposalAndViewer } from './load'

/**
 * A member (not a child's account: 0033) reports a proposal or a comment (once each). Reports by REPORTS_TO_HIDE different residents hide it
 * until staff decide (hide for good, or unhide) — the hiding is a conditional update, so it happens once.
 */
export const reportContent = action(proposalsContract.report, async (ctx, input) => {
  if (input.proposalId !== undefined) {
    const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId)
    orFail(childRefusal(viewer) ?? true)
    if (!mayParticipate(viewer, p)) forbidden()
    orFail(decideReport({ hidden: p.hidden, listed: isListed(p) }, isAuthor(viewer, p)))
    const reported = await addReport(ctx, {
      _id: reportId(p._id, ctx.openid),
      targetKind: 'proposal',
      targetId: p._id,
      proposalId: p._id,
      communityId: p.communityId,
      openid: ctx.openid,
      reason: input.reason || null,
      createdAt: ctx.now,
    })
    const hidden = reported && (await hideByReports(ctx, 'proposal', p._id, REPORTS_TO_HIDE, ctx.now))
    if (hidden) ctx.log.info('proposal hidden by reports', { proposalId: p._id })
    return { reported, hidden }
  }

  const comment = await getComment(ctx, input.commentId as string)
  if (!comment) fail('COMMENT.NOT_FOUND', 'comment not found')
  const viewer = await loadViewer(ctx, [comment.communityId])
  if (!canReadProposals(viewer, comment.communityId) && !canManageProposals(viewer, comment.communityId)) forbidden()
  if (!canSeeComment(viewer, comment)) fail('COMMENT.NOT_FOUND', 'comment not found')
  orFail(childRefusal(viewer) ?? true)
  if (!isMemberOf(viewer, comment.communityId)) forbidden()
  orFail(decideReport({ hidden: comment.hidden, listed: isCommentVisible(comment) }, comment.createdBy === ctx.openid))
  const reported = await addReport(ctx, {
    _id: reportId(comment._id, ctx.openid),
    targetKind: 'comment',
    targetId: comment._id,
    proposalId: comment.proposalId,
    communityId: comment.communityId,
    openid: ctx.openid,
    reason: input.reason || null,
    createdAt: ctx.now,
  })
  const hidden = reported && (await hideByReports(ctx, 'comment', comment._id, REPORTS_TO_HIDE, ctx.now))
  if (hidden) await bumpCommentCount(ctx, comment.proposalId, -1)
  return { reported, hidden }
})
