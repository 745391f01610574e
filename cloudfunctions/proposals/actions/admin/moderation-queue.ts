import { proposalsContract } from '../../../../types/index'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { canManageProposals } from '../../domain/permissions'
import { toCommentView } from '../../domain/proposal-view'
import { getCommunity, getProposals, listByStatus, listCommentsForModeration, listHiddenByReports } from '../../repo'
import { summaries } from '../list-proposals'

/**
 * What waits for staff: proposals to review (oldest first), proposals hidden by residents' reports, and comments
 * that the content check sent to review or that reports hid.
 */
export const moderationQueue = action(proposalsContract.moderationQueue, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canManageProposals(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const [pending, hidden, comments] = await Promise.all([
    listByStatus(ctx, input.communityId, 'pending', 50),
    listHiddenByReports(ctx, input.communityId, 50),
    listCommentsForModeration(ctx, input.communityId, 50),
  ])
  const titles = new Map((await getProposals(ctx, [...new Set(comments.map((c) => c.proposalId))])).map((p) => [p._id, p.title]))
  return {
    pending: await summaries(ctx, pending, viewer, input.communityId),
    hidden: await summaries(ctx, hidden, viewer, input.communityId),
    comments: comments.map((c) => ({ ...toCommentView(c, viewer), proposalTitle: titles.get(c.proposalId) ?? '' })),
  }
})
