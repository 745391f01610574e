import { communitiesContract } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { toCommunityView } from '../domain/community-view'
import { getCommunity, getCommunityByCode } from '../repo'

/** A community by id or by its QR code (what a scan lands on, before joining). */
export const getCommunityAction = action(communitiesContract.get, async (ctx, input) => {
  const community =
    input.code !== undefined ? await getCommunityByCode(ctx, input.code) : await getCommunity(ctx, input.communityId as string)
  if (!community) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const viewer = await loadViewer(ctx, [community._id])
  return toCommunityView(community, viewer)
})
