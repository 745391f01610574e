import { communitiesContract } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { viewerFrom } from '../../_kernel/viewer'
import { toCommunityView, toMembershipView } from '../domain/community-view'
import { ensurePerson, getCommunityByCode, getMembership, getPerson, insertResidentMembership } from '../repo'

/** Join by the community's code (from the QR scene) as a resident. Joining again changes nothing (staff stay staff). */
export const joinCommunity = action(communitiesContract.join, async (ctx, input) => {
  const found = await getCommunityByCode(ctx, input.code)
  if (!found) fail('COMMUNITY.NOT_FOUND', 'community not found')
  await ensurePerson(ctx, ctx.openid, ctx.now)
  const joined = await insertResidentMembership(ctx, found._id, ctx.openid, ctx.now)
  const [membership, person] = await Promise.all([getMembership(ctx, found._id, ctx.openid), getPerson(ctx, ctx.openid)])
  if (!membership) throw new Error('membership missing right after insert')
  const community = { ...found, memberCount: (found.memberCount ?? 0) + (joined ? 1 : 0) }
  return {
    community: toCommunityView(community, viewerFrom(ctx.openid, person, [membership])),
    membership: toMembershipView(membership),
    joined,
  }
})
