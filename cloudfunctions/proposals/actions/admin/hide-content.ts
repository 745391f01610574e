import { proposalsContract } from '../../../../types/index'
import type { Context } from '../../../_kernel/context'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { canManageProposals, isCommentVisible, mayModerate } from '../../domain/permissions'
import { bumpCommentCount, getComment, updateCommentWhere, updateProposalWhere } from '../../repo'
import { loadProposalAndViewer } from '../load'

async function loadComment(ctx: Context, commentId: string) {
  const comment = await getComment(ctx, commentId)
  if (!comment) fail('COMMENT.NOT_FOUND', 'comment not found')
  const viewer = await loadViewer(ctx, [comment.communityId])
  if (!canManageProposals(viewer, comment.communityId)) forbidden()
  return comment
}

/**
 * Staff hide a listed proposal or a comment (a decision: it stays hidden, and leaves the queue). For a comment
 * waiting for review, hiding is the "not approved" decision. Each change is conditional on the state it was
 * decided from, so the comment counter moves once.
 */
export const hideContent = action(proposalsContract.hide, async (ctx, input) => {
  if (input.proposalId !== undefined) {
    const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId, { staffOnly: true })
    if (!mayModerate(viewer, p)) forbidden()
    if (!p.isPublic) fail('PROPOSAL.INVALID_STATE', 'only published proposals are hidden; review pending ones instead')
    await updateProposalWhere(
      ctx,
      { _id: p._id, isPublic: true },
      { hidden: true, hiddenBy: 'staff', updatedAt: ctx.now, updatedBy: ctx.openid },
    )
    return { hidden: true }
  }
  const c = await loadComment(ctx, input.commentId as string)
  const changed = await updateCommentWhere(
    ctx,
    { _id: c._id, hidden: c.hidden, moderation: c.moderation },
    { hidden: true, hiddenBy: 'staff', moderation: 'pass', updatedAt: ctx.now },
  )
  if (changed && isCommentVisible(c)) await bumpCommentCount(ctx, c.proposalId, -1)
  return { hidden: true }
})

/**
 * Staff decide that hidden content may be seen (or approve a comment waiting for review). Its report count starts
 * again from zero; those who reported it cannot report it a second time.
 */
export const unhideContent = action(proposalsContract.unhide, async (ctx, input) => {
  if (input.proposalId !== undefined) {
    const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId, { staffOnly: true })
    if (!mayModerate(viewer, p)) forbidden()
    await updateProposalWhere(
      ctx,
      { _id: p._id, hidden: true },
      { hidden: false, hiddenBy: null, reportCount: 0, updatedAt: ctx.now, updatedBy: ctx.openid },
    )
    return { hidden: false }
  }
  const c = await loadComment(ctx, input.commentId as string)
  const changed = await updateCommentWhere(
    ctx,
    { _id: c._id, hidden: c.hidden, moderation: c.moderation },
    { hidden: false, hiddenBy: null, moderation: 'pass', reportCount: 0, updatedAt: ctx.now },
  )
  if (changed && !isCommentVisible(c)) await bumpCommentCount(ctx, c.proposalId, 1)
  return { hidden: false }
})
