import { councilContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCouncil, canReadCouncil, isChildOf, isGuardianOf } from '../domain/permissions'
import { toMemberView, toPublicMember } from '../domain/views'
import { listMembersOf } from '../repo'
import { loadCouncilViewer, requireCouncil } from './load'

/** Approved members as "alias · age" for everyone in the community; the caller's own children; everything for staff. */
export const listMembers = action(councilContract.members, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  if (!canReadCouncil(viewer, input.communityId)) forbidden()
  const council = await requireCouncil(ctx, input.communityId)
  const all = await listMembersOf(ctx, council._id)
  const manage = canManageCouncil(viewer, input.communityId)
  return {
    members: all
      .filter((m) => m.status === 'approved')
      .map((m) => toPublicMember(m, ctx.now, manage || isGuardianOf(viewer, m) || isChildOf(viewer, m))),
    mine: all.filter((m) => isGuardianOf(viewer, m) || isChildOf(viewer, m)).map((m) => toMemberView(m, viewer, ctx.now, council)),
    all: manage ? all.map((m) => toMemberView(m, viewer, ctx.now, council)) : null,
  }
})
