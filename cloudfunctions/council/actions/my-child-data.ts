import { COLLECTIONS, councilContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { queuedAbout } from '../../_kernel/outbox'
import { action } from '../../_kernel/router'
import { isGuardianOfChild } from '../domain/permissions'
import { findChildRecords, getChild } from '../repo'

const plain = (doc: unknown) => JSON.parse(JSON.stringify(doc)) as Record<string, unknown>

/** The guardian's export: every stored record about the child, collection by collection, as JSON. */
export const myChildData = action(councilContract.myChildData, async (ctx, input) => {
  const child = await getChild(ctx, input.childId)
  if (!child) fail('COUNCIL.CHILD_NOT_FOUND', 'child not found')
  if (!isGuardianOfChild({ openid: ctx.openid, isDistrictAdmin: false, isChild: false, roles: {} }, child)) forbidden()
  const r = await findChildRecords(ctx, child)
  const memberIds = new Set(r.members.map((m) => m._id))
  const queued = await queuedAbout(ctx, child._id, child.openid === null ? [ctx.openid] : [ctx.openid, child.openid])
  return {
    exportedAt: ctx.now.toISOString(),
    child: {
      childId: child._id,
      alias: child.alias,
      birthYear: child.birthYear,
      communityId: child.communityId,
      hasOwnAccount: child.openid !== null,
    },
    records: {
      [COLLECTIONS.children]: [plain(child)],
      [COLLECTIONS.councilMembers]: r.members.map(plain),
      [COLLECTIONS.councilProposals]: r.proposals.map(plain),
      [COLLECTIONS.councilVotes]: r.votes.map(plain),
      [COLLECTIONS.councilMeetings]: r.meetings.map((m) =>
        plain({
          meetingId: m._id,
          title: m.title,
          startsAt: m.startsAt,
          present: m.attendance.some((id) => memberIds.has(id)),
          turns: Object.entries(m.speaking.turns ?? {})
            .filter(([id]) => memberIds.has(id))
            .reduce((n, [, t]) => n + t, 0),
          presented: m.items.filter((i) => i.presenterMemberId !== null && memberIds.has(i.presenterMemberId)).map((i) => i.title),
        }),
      ),
      [COLLECTIONS.inbox]: r.inbox.map(plain),
      [COLLECTIONS.fanout]: queued.map(plain), // messages about the child not yet delivered (the rest are in the inbox)
      [COLLECTIONS.people]: r.people.map(plain),
      [COLLECTIONS.memberships]: r.memberships.map(plain),
    },
  }
})
