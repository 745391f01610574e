import { COLLECTIONS, councilContract } from '../../../types/index'
import { collection } from '../../_kernel/data'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canReadCouncil } from '../domain/permissions'
import { toProposalView } from '../domain/views'
import { listMembersFor, listProposalsByStatus, listProposalsOfMembers } from '../repo'
import { loadCouncilViewer, photoUrls } from './load'

/**
 * Reviewed (approved) child proposals for the whole community, shown as "小明 · 11岁"; and the caller's own
 * children's proposals in every state, with the adult's answer.
 */
export const listProposals = action(councilContract.proposals, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  if (!canReadCouncil(viewer, input.communityId)) forbidden()
  const mineMembers = (await listMembersFor(ctx, viewer)).filter((m) => m.communityId === input.communityId)
  const [publicList, mine] = await Promise.all([
    listProposalsByStatus(ctx, input.communityId, 'approved', 50),
    listProposalsOfMembers(
      ctx,
      mineMembers.map((m) => m._id),
    ),
  ])
  const urls = await photoUrls(ctx, [...publicList, ...mine])
  const handoffIds = [...publicList, ...mine].map((p) => p.handoff?.proposalId).filter((x): x is string => !!x)
  const done = new Set(
    (await collection(ctx.db, COLLECTIONS.proposals).byIds(handoffIds)).filter((p) => p.status === 'completed').map((p) => p._id),
  )
  const isDone = (p: { handoff: { proposalId: string } | null }) => !!p.handoff && done.has(p.handoff.proposalId)
  const byId = new Map(mineMembers.map((m) => [m._id, m]))
  return {
    public: publicList.map((p) => toProposalView(p, viewer, ctx.now, null, p.photo ? (urls.get(p.photo) ?? null) : null, isDone(p))),
    mine: mine.map((p) =>
      toProposalView(p, viewer, ctx.now, byId.get(p.memberId) ?? null, p.photo ? (urls.get(p.photo) ?? null) : null, isDone(p)),
    ),
  }
})
