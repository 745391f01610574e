import { communitiesContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canListMembers } from '../domain/permissions'
import { getCommunity, getPeople, listMembersOf } from '../repo'

/** Members of a community (staff first, then newest), for its staff and the district admin — to pick new staff. */
export const listMembers = action(communitiesContract.listMembers, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canListMembers(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const members = await listMembersOf(ctx, input.communityId, input.limit ?? 100)
  const people = new Map(
    (
      await getPeople(
        ctx,
        members.map((m) => m.openid),
      )
    ).map((p) => [p._id, p]),
  )
  const staffFirst = [...members.filter((m) => m.role === 'staff'), ...members.filter((m) => m.role !== 'staff')]
  return {
    members: staffFirst.map((m) => ({
      openid: m.openid,
      nickname: people.get(m.openid)?.nickname ?? null,
      role: m.role,
      joinedAt: m.joinedAt.toISOString(),
    })),
  }
})
