import { proposalsContract } from '../../../types/index'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { mayEditProposal } from '../domain/permissions'
import { decideTransition } from '../domain/proposal-rules'
import { transition } from '../repo'
import { loadProposalAndViewer, proposalView, reload } from './load'

/**
 * The author withdraws — only while nobody else supports it (the update is conditional on supportCount 0, so a
 * support landing meanwhile wins). A published one stays listed as withdrawn, without its author's name.
 */
export const withdrawProposal = action(proposalsContract.withdraw, async (ctx, input) => {
  const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId)
  if (!mayEditProposal(viewer, p)) forbidden()
  const { from, to } = orFail(decideTransition(p, 'withdraw'))
  const done = await transition(
    ctx,
    p._id,
    from,
    { status: to, updatedAt: ctx.now, updatedBy: ctx.openid },
    { at: ctx.now, kind: 'withdrawn', text: null, audience: 'public' },
    { supportCount: 0 },
  )
  if (!done) {
    orFail(decideTransition(await reload(ctx, p._id), 'withdraw'))
    fail('PROPOSAL.INVALID_STATE', 'the proposal changed meanwhile')
  }
  return proposalView(ctx, await reload(ctx, p._id), viewer)
})
