import { councilContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { approvedMessage } from '../domain/messages'
import { canManageCouncil } from '../domain/permissions'
import { toMemberView } from '../domain/views'
import { notify } from '../notify'
import { incMemberCount, recipientsOf, updateMemberIf } from '../repo'
import { loadMember } from './load'

/** Staff approve a pending application (once: a conditional update; the member count moves with it). */
export const approveMember = action(councilContract.approveMember, async (ctx, input) => {
  const { member, viewer } = await loadMember(ctx, input.memberId)
  if (!canManageCouncil(viewer, member.communityId)) forbidden()
  if (member.status !== 'pending') fail('COUNCIL.MEMBER_INVALID_STATE', `member is ${member.status}`)
  const changes = { status: 'approved' as const, approvedAt: ctx.now, approvedBy: ctx.openid, updatedAt: ctx.now }
  const updated = await updateMemberIf(ctx, member._id, 'pending', changes)
  if (updated !== 1) fail('COUNCIL.MEMBER_INVALID_STATE', 'changed meanwhile')
  await incMemberCount(ctx, member.councilId, 1)
  await notify(ctx, await recipientsOf(ctx, [member]), `council.member:${member._id}:${ctx.now.getTime()}`, approvedMessage(member))
  return toMemberView({ ...member, ...changes }, viewer, ctx.now)
})
