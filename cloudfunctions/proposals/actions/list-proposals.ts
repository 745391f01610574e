import { COLLECTIONS, proposalsContract, type ProposalDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { collection } from '../../_kernel/data'
import { forbidden } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canReadProposals } from '../domain/permissions'
import { toProposalSummary } from '../domain/proposal-view'
import { getSettings, listByAuthor, listPublic, supportId } from '../repo'

/** Summaries with the caller's own support marked. */
export async function summaries(ctx: Context, proposals: ProposalDoc[], viewer: Viewer, communityId: string) {
  const [settings, supports] = await Promise.all([
    getSettings(ctx, communityId),
    collection(ctx.db, COLLECTIONS.proposalSupports).byIds(proposals.map((p) => supportId(p._id, ctx.openid))),
  ])
  const supported = new Set(supports.map((s) => s.proposalId))
  return proposals.map((p) => toProposalSummary(p, viewer, ctx.now, settings, supported.has(p._id)))
}

/** A community's listed proposals by status and category, newest first, a page at a time (`before` = last publishedAt). */
export const listProposals = action(proposalsContract.list, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canReadProposals(viewer, input.communityId)) forbidden()
  const limit = input.limit ?? 20
  const page = await listPublic(
    ctx,
    input.communityId,
    { status: input.status, category: input.category, before: input.before ? new Date(input.before) : undefined },
    limit,
  )
  const last = page[page.length - 1]
  return {
    proposals: await summaries(ctx, page, viewer, input.communityId),
    next: page.length === limit && last?.publishedAt ? last.publishedAt.toISOString() : null,
  }
})

/** The caller's own proposals in a community, in every state (so an author sees what waits for review or was sent back). */
export const myProposals = action(proposalsContract.mine, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canReadProposals(viewer, input.communityId)) forbidden()
  const mine = await listByAuthor(ctx, ctx.openid, input.communityId, 50)
  return { proposals: await summaries(ctx, mine, viewer, input.communityId), next: null }
})
