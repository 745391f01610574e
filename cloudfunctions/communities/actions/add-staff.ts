import { communitiesContract } from '../../../types/index'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { toMembershipView } from '../domain/community-view'
import { decidePromotion } from '../domain/membership-rules'
import { canAddStaff } from '../domain/permissions'
import { getChildAccount, getCommunity, getMembership, getPerson, promoteToStaff } from '../repo'

/** Promote a member (who joined by scanning the code) to staff of the community — never a child's account. Staff of it or the district admin. */
export const addStaff = action(communitiesContract.addStaff, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canAddStaff(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const [target, person, childAccount] = await Promise.all([
    getMembership(ctx, input.communityId, input.openid),
    getPerson(ctx, input.openid),
    getChildAccount(ctx, input.openid),
  ])
  if (orFail(decidePromotion(target, person, childAccount !== null)) === 'promote')
    await promoteToStaff(ctx, input.communityId, input.openid, ctx.now)
  const membership = await getMembership(ctx, input.communityId, input.openid)
  if (!membership) throw new Error('membership vanished during promotion')
  ctx.log.info('staff added', { communityId: input.communityId, by: ctx.openid })
  return { openid: input.openid, membership: toMembershipView(membership) }
})
