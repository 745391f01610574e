import { communitiesContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { viewerFrom } from '../../_kernel/viewer'
import { toCommunityView } from '../domain/community-view'
import { getCommunities, getPerson, listAllCommunities, listMembershipsOf } from '../repo'

/** The caller's communities with their role in each; for the district admin also every community. */
export const myCommunities = action(communitiesContract.mine, async (ctx) => {
  const [person, memberships] = await Promise.all([getPerson(ctx, ctx.openid), listMembershipsOf(ctx, ctx.openid)])
  const viewer = viewerFrom(ctx.openid, person, memberships)
  const communities = await getCommunities(
    ctx,
    memberships.map((m) => m.communityId),
  )
  const byId = new Map(communities.map((c) => [c._id, c]))
  const administered = viewer.isDistrictAdmin ? await listAllCommunities(ctx) : []
  return {
    isDistrictAdmin: viewer.isDistrictAdmin,
    communities: memberships.flatMap((m) => {
      const community = byId.get(m.communityId)
      return community ? [{ community: toCommunityView(community, viewer), role: m.role, joinedAt: m.joinedAt.toISOString() }] : []
    }),
    administered: administered.map((c) => toCommunityView(c, viewer)),
  }
})
