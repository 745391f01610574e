import { proposalsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { loadProposalAndViewer, proposalView } from './load'

/** One proposal: support count and the caller's own support, timeline (with its project's progress), comments, viewer.can*. */
export const getProposal = action(proposalsContract.get, async (ctx, input) => {
  const { proposal, viewer } = await loadProposalAndViewer(ctx, input.proposalId)
  return proposalView(ctx, proposal, viewer)
})
