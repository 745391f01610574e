import { proposalsContract } from '../../../../types/index'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { canManageProposals } from '../../domain/permissions'
import { AWAITING_ANSWER, compareByDeadline, mustAnswerCounts } from '../../domain/proposal-rules'
import { getCommunity, listThresholdReached } from '../../repo'
import { summaries } from '../list-proposals'

/**
 * The must-answer list (必答清单): proposals whose supports crossed the threshold and still await a final answer,
 * earliest deadline first; with counts of open, overdue, answered on time and answered late.
 */
export const mustAnswer = action(proposalsContract.mustAnswer, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canManageProposals(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const reached = await listThresholdReached(ctx, input.communityId, 500)
  const open = reached.filter((p) => p.finalAnsweredAt === null && AWAITING_ANSWER.includes(p.status)).sort(compareByDeadline)
  return { counts: mustAnswerCounts(reached, ctx.now), items: await summaries(ctx, open.slice(0, 50), viewer, input.communityId) }
})
