import { councilContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { actingFor } from '../domain/permissions'
import { purgeAfter } from '../domain/rules'
import { toMemberView } from '../domain/views'
import { getCouncil, incMemberCount, updateMemberIf } from '../repo'
import { loadMember } from './load'

/**
 * The guardian, the child, or staff end a membership (a pending application is withdrawn the same way). The data
 * stays until the council's retention period has passed; then the daily timer deletes it.
 */
export const leave = action(councilContract.leave, async (ctx, input) => {
  const { member, viewer } = await loadMember(ctx, input.memberId)
  if (!actingFor(viewer, member, { staff: true })) forbidden()
  if (member.status === 'left') fail('COUNCIL.MEMBER_INVALID_STATE', 'already left')
  const council = await getCouncil(ctx, member.communityId)
  const changes = {
    status: 'left' as const,
    leftAt: ctx.now,
    purgeAfter: purgeAfter(ctx.now, council?.retentionDays ?? 180),
    updatedAt: ctx.now,
  }
  const updated = await updateMemberIf(ctx, member._id, member.status, changes)
  if (updated !== 1) fail('COUNCIL.MEMBER_INVALID_STATE', 'changed meanwhile')
  if (member.status === 'approved') await incMemberCount(ctx, member.councilId, -1)
  return toMemberView({ ...member, ...changes }, viewer, ctx.now)
})
