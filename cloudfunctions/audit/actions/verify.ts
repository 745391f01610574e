import { auditContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canReadAudit } from '../domain/permissions'
import { verifyChain } from '../domain/verify-chain'
import { chainOf } from '../repo'

/** Recompute one community's chain and name the first entry that was edited, removed or reordered. */
export const verifyAudit = action(auditContract.verify, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canReadAudit(viewer, input.communityId)) forbidden()
  const { entries, head } = await chainOf(ctx, input.communityId)
  return verifyChain(input.communityId, entries, head)
})
