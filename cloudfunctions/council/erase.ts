/**
 * Deleting a child's council data: the guardian's request (everything about the child, everywhere) and the
 * retention timer (a former member's council data). Meetings keep their agenda and counts but lose the member:
 * attendance, speaking queue and turns, and presenter aliases. Photos of the child's proposals are deleted from
 * cloud storage before the proposals (a failure leaves the proposals, so a retry still finds the files). A member
 * who chairs the council no longer does. Every collection is walked page by page (the kernel's `all`): nothing is left behind
 * at one read's limit.
 */
import { COLLECTIONS, type ChildDoc, type ChildProposalDoc, type CouncilMeetingDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import { removeQueuedAbout } from '../_kernel/outbox'
import { deleteFiles } from '../_kernel/storage'
import {
  allMeetingsOf,
  clearChairIf,
  findChildRecords,
  findMemberRecords,
  getChild,
  incMemberCount,
  mentions,
  removeById,
  removeChildWithAccount,
  setMeetingMembers,
} from './repo'

type Ctx = Pick<Context, 'db' | '_' | 'now' | 'platform'>

const photosOf = (proposals: Pick<ChildProposalDoc, 'photo'>[]) => proposals.map((p) => p.photo).filter((x): x is string => !!x)

export function withoutMembers(m: CouncilMeetingDoc, memberIds: string[]): Pick<CouncilMeetingDoc, 'attendance' | 'items' | 'speaking'> {
  const ids = new Set(memberIds)
  const turns = Object.fromEntries(Object.entries(m.speaking.turns ?? {}).filter(([id]) => !ids.has(id)))
  return {
    attendance: m.attendance.filter((id) => !ids.has(id)),
    items: m.items.map((i) =>
      i.presenterMemberId !== null && ids.has(i.presenterMemberId) ? { ...i, presenterMemberId: null, presenterAlias: null } : i,
    ),
    speaking: {
      current: m.speaking.current && ids.has(m.speaking.current.memberId) ? null : m.speaking.current,
      queue: m.speaking.queue.filter((q) => !ids.has(q.memberId)),
      turns,
    },
  }
}

async function scrubMeetings(ctx: Ctx, meetings: CouncilMeetingDoc[], memberIds: string[]): Promise<number> {
  let changed = 0
  for (const m of meetings) {
    if (!mentions(m, memberIds)) continue
    await setMeetingMembers(ctx, m._id, withoutMembers(m, memberIds))
    changed++
  }
  return changed
}

/** Everything about one child, collection by collection. Returns how many documents each collection lost (or changed). */
export async function eraseChild(ctx: Ctx, child: ChildDoc): Promise<Record<string, number>> {
  const r = await findChildRecords(ctx, child)
  const memberIds = r.members.map((m) => m._id)
  const deleted: Record<string, number> = {}
  deleted[COLLECTIONS.councilMeetings] = await scrubMeetings(ctx, r.meetings, memberIds)
  deleted[COLLECTIONS.councilVotes] = await removeById(
    ctx,
    COLLECTIONS.councilVotes,
    r.votes.map((v) => v._id),
  )
  deleted.files = await deleteFiles(ctx, photosOf(r.proposals))
  deleted[COLLECTIONS.councilProposals] = await removeById(
    ctx,
    COLLECTIONS.councilProposals,
    r.proposals.map((p) => p._id),
  )
  deleted[COLLECTIONS.fanout] = await removeQueuedAbout(ctx, child._id) // messages about the child not yet delivered
  deleted[COLLECTIONS.inbox] = await removeById(
    ctx,
    COLLECTIONS.inbox,
    r.inbox.map((i) => String(i._id)),
  )
  for (const m of r.members) if (m.status === 'approved') await incMemberCount(ctx, m.councilId, -1)
  let chairs = 0
  for (const m of r.members) chairs += await clearChairIf(ctx, m.councilId, m._id)
  deleted[COLLECTIONS.councils] = chairs
  deleted[COLLECTIONS.councilMembers] = await removeById(ctx, COLLECTIONS.councilMembers, memberIds)
  deleted[COLLECTIONS.memberships] = await removeById(
    ctx,
    COLLECTIONS.memberships,
    r.memberships.map((m) => m._id),
  )
  deleted[COLLECTIONS.people] = await removeById(
    ctx,
    COLLECTIONS.people,
    r.people.map((p) => p._id),
  )
  deleted[COLLECTIONS.childLinks] = await removeById(
    ctx,
    COLLECTIONS.childLinks,
    r.links.map((l) => l._id),
  )
  const removed = await removeChildWithAccount(
    ctx,
    child._id,
    r.accounts.map((a) => a._id),
  )
  deleted[COLLECTIONS.childAccounts] = removed.accounts
  deleted[COLLECTIONS.children] = removed.child
  return deleted
}

/** The retention timer: a former member's council data (membership, proposals, votes, council inbox, meeting traces). */
export async function eraseFormerMember(
  ctx: Ctx,
  member: { _id: string; councilId: string; childId: string; communityId: string; guardianOpenid: string },
): Promise<void> {
  const child = await getChild(ctx, member.childId)
  const { proposals, votes, inbox } = await findMemberRecords(ctx, member, child?.openid ?? null)
  await scrubMeetings(ctx, await allMeetingsOf(ctx, member.communityId), [member._id])
  await removeById(
    ctx,
    COLLECTIONS.councilVotes,
    votes.map((v) => v._id),
  )
  await deleteFiles(ctx, photosOf(proposals))
  await removeById(
    ctx,
    COLLECTIONS.councilProposals,
    proposals.map((p) => p._id),
  )
  await removeQueuedAbout(ctx, member.childId)
  await removeById(
    ctx,
    COLLECTIONS.inbox,
    inbox.map((i) => i._id),
  )
  await clearChairIf(ctx, member.councilId, member._id)
  await removeById(ctx, COLLECTIONS.councilMembers, [member._id])
}
