/** Reads and writes of the council function: the only place that knows its collections and query shapes. */
import {
  COLLECTIONS,
  type ChildDoc,
  type ChildProposalDoc,
  type CommunityDoc,
  type CouncilDoc,
  type CouncilMeetingDoc,
  type CouncilMemberDoc,
  type CouncilVoteDoc,
  type PersonDoc,
} from '../../types/index'
import type { Context } from '../_kernel/context'
import { findById, findByIds, getInTransaction, insertOnce, isTransactionConflict, updateWhere, walkAll, withTransaction } from '../_kernel/db'
import { AppError, fail } from '../_kernel/errors'

type Ctx = Pick<Context, 'db' | '_'>

export const councilIdOf = (communityId: string) => `council-${communityId}`
export const memberIdOf = (councilId: string, childId: string) => `${councilId}_${childId}`
export const voteIdOf = (meetingId: string, itemId: string, memberId: string) => `${meetingId}_${itemId}_${memberId}`

export const getCommunity = (ctx: Ctx, id: string) => findById<CommunityDoc>(ctx.db, COLLECTIONS.communities, id)
export const getCouncil = (ctx: Ctx, communityId: string) => findById<CouncilDoc>(ctx.db, COLLECTIONS.councils, councilIdOf(communityId))
export const getMember = (ctx: Ctx, memberId: string) => findById<CouncilMemberDoc>(ctx.db, COLLECTIONS.councilMembers, memberId)
export const getMembers = (ctx: Ctx, memberIds: string[]) => findByIds<CouncilMemberDoc>(ctx.db, COLLECTIONS.councilMembers, memberIds)
export const getChild = (ctx: Ctx, childId: string) => findById<ChildDoc>(ctx.db, COLLECTIONS.children, childId)
export const getProposal = (ctx: Ctx, id: string) => findById<ChildProposalDoc>(ctx.db, COLLECTIONS.councilProposals, id)
export const getMeeting = (ctx: Ctx, id: string) => findById<CouncilMeetingDoc>(ctx.db, COLLECTIONS.councilMeetings, id)
export const getPerson = (ctx: Ctx, openid: string) => findById<PersonDoc>(ctx.db, COLLECTIONS.people, openid)

/** The child whose own WeChat account this is (children.openid, linked once; at most one). Index children_openid. */
export async function getOwnChild(ctx: Ctx, openid: string): Promise<ChildDoc | null> {
  const res = (await ctx.db.collection(COLLECTIONS.children).where({ openid }).limit(1).get()) as { data: ChildDoc[] }
  return res.data[0] ?? null
}

/** Who hears about members: their guardians and, where linked, the children's own accounts (read from `children`). */
export async function recipientsOf(ctx: Ctx, members: Pick<CouncilMemberDoc, 'guardianOpenid' | 'childId'>[]): Promise<string[]> {
  const childIds = [...new Set(members.map((m) => m.childId))]
  const children: ChildDoc[] = []
  for (let i = 0; i < childIds.length; i += 100) children.push(...(await findByIds<ChildDoc>(ctx.db, COLLECTIONS.children, childIds.slice(i, i + 100))))
  const own = children.map((c) => c.openid).filter((x): x is string => !!x)
  return [...new Set([...members.map((m) => m.guardianOpenid), ...own])]
}

/** Create the council, or change its settings (never its member count, which approvals move with `_.inc`). */
export async function putCouncil(ctx: Ctx, doc: CouncilDoc, exists: boolean): Promise<void> {
  if (!exists && (await insertOnce(ctx.db, COLLECTIONS.councils, { ...doc }))) return
  const { _id, memberCount: _count, createdAt: _created, createdBy: _by, chair: _chair, ...changes } = doc
  await updateWhere(ctx.db, COLLECTIONS.councils, { _id }, changes)
}

export const insertChild = (ctx: Ctx, child: ChildDoc) => insertOnce(ctx.db, COLLECTIONS.children, { ...child })
export const insertMember = (ctx: Ctx, member: CouncilMemberDoc) => insertOnce(ctx.db, COLLECTIONS.councilMembers, { ...member })

/** Conditional update of a member: `from` is the status it must still have (a state transition changes it once). */
export const updateMemberIf = (ctx: Ctx, memberId: string, from: CouncilMemberDoc['status'], changes: Partial<CouncilMemberDoc>) =>
  updateWhere(ctx.db, COLLECTIONS.councilMembers, { _id: memberId, status: from }, changes)

/** Name (or clear) the chair: who and when are recorded with it. */
export const setChairOf = (ctx: Ctx, councilId: string, chair: CouncilDoc['chair'], by: string, now: Date) =>
  updateWhere(ctx.db, COLLECTIONS.councils, { _id: councilId }, { chair: chair ? ctx._.set(chair) : null, updatedBy: by, updatedAt: now })

/** A deleted or purged member no longer holds the chair (conditional: only if they still do). */
export const clearChairIf = (ctx: Ctx, councilId: string, memberId: string) =>
  updateWhere(ctx.db, COLLECTIONS.councils, { _id: councilId, 'chair.memberId': memberId }, { chair: null })

export const incMemberCount = (ctx: Ctx, councilId: string, by: number) =>
  updateWhere(ctx.db, COLLECTIONS.councils, { _id: councilId }, { memberCount: ctx._.inc(by) })

/** Members of a council, oldest application first. Index council_members_council. */
export async function listMembersOf(ctx: Ctx, councilId: string): Promise<CouncilMemberDoc[]> {
  return pageAll<CouncilMemberDoc>(ctx.db.collection(COLLECTIONS.councilMembers).where({ councilId }).orderBy('appliedAt', 'asc'))
}

/** Memberships the caller holds as guardian or as the child (their own account). Indexes council_members_guardian, council_members_child. */
export async function listMembersFor(ctx: Ctx, viewer: { openid: string; ownChildId: string | null }): Promise<CouncilMemberDoc[]> {
  const none = Promise.resolve({ data: [] as CouncilMemberDoc[] })
  const [asGuardian, asChild] = await Promise.all([
    viewer.openid ? (ctx.db.collection(COLLECTIONS.councilMembers).where({ guardianOpenid: viewer.openid }).limit(100).get() as Promise<{ data: CouncilMemberDoc[] }>) : none,
    viewer.ownChildId ? (ctx.db.collection(COLLECTIONS.councilMembers).where({ childId: viewer.ownChildId }).limit(100).get() as Promise<{ data: CouncilMemberDoc[] }>) : none,
  ])
  const byId = new Map<string, CouncilMemberDoc>()
  for (const m of [...asGuardian.data, ...asChild.data]) byId.set(m._id, m)
  return [...byId.values()]
}

/** Every page of a query (the SDK caps one read at 1000; councils have tens of members, tests a few hundred). */
async function pageAll<T>(query: any, max = 2000): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; skip < max; skip += 1000) {
    const res = (await query.skip(skip).limit(1000).get()) as { data: T[] }
    out.push(...res.data)
    if (res.data.length < 1000) break
  }
  return out
}

// ---------- child proposals ----------

export async function insertProposal(ctx: Ctx, doc: Omit<ChildProposalDoc, '_id'>): Promise<ChildProposalDoc> {
  const res = (await ctx.db.collection(COLLECTIONS.councilProposals).add({ data: doc })) as { _id: string }
  return { ...doc, _id: res._id }
}

export const updateProposalIf = (ctx: Ctx, id: string, filter: Record<string, unknown>, changes: Partial<ChildProposalDoc>) =>
  updateWhere(ctx.db, COLLECTIONS.councilProposals, { _id: id, ...filter }, changes)

/** A community's child proposals in one status, newest first. Index council_proposals_community. */
export async function listProposalsByStatus(ctx: Ctx, communityId: string, status: ChildProposalDoc['status'], limit = 100): Promise<ChildProposalDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.councilProposals)
    .where({ communityId, status })
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .get()) as { data: ChildProposalDoc[] }
  return res.data
}

/** Proposals of these members, newest first. Index council_proposals_member. */
export async function listProposalsOfMembers(ctx: Ctx, memberIds: string[]): Promise<ChildProposalDoc[]> {
  if (memberIds.length === 0) return []
  const res = (await ctx.db
    .collection(COLLECTIONS.councilProposals)
    .where({ memberId: ctx._.in(memberIds.slice(0, 100)) })
    .orderBy('createdAt', 'desc')
    .limit(200)
    .get()) as { data: ChildProposalDoc[] }
  return res.data
}

/** Handed-off proposals whose child has not been told the outcome yet. Index council_proposals_handoff. */
export async function listOpenHandoffs(ctx: Ctx): Promise<ChildProposalDoc[]> {
  const res = (await ctx.db.collection(COLLECTIONS.councilProposals).where({ handoffOpen: true }).limit(100).get()) as { data: ChildProposalDoc[] }
  return res.data
}

// ---------- meetings ----------

export async function insertMeeting(ctx: Ctx, doc: Omit<CouncilMeetingDoc, '_id'>): Promise<CouncilMeetingDoc> {
  const res = (await ctx.db.collection(COLLECTIONS.councilMeetings).add({ data: doc })) as { _id: string }
  return { ...doc, _id: res._id }
}

/** A community's meetings, latest first. Index council_meetings_community. */
export async function listMeetings(ctx: Ctx, communityId: string): Promise<CouncilMeetingDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.councilMeetings)
    .where({ communityId })
    .orderBy('startsAt', 'desc')
    .limit(100)
    .get()) as { data: CouncilMeetingDoc[] }
  return res.data
}

/**
 * Read-change-write of one meeting inside a transaction (single document by _id), retried on conflicts by the
 * kernel's helper. `change` is pure and may throw an AppError (nothing is written then). Exhausted retries → COUNCIL.BUSY.
 */
export async function mutateMeeting(
  ctx: Ctx,
  meetingId: string,
  change: (meeting: CouncilMeetingDoc) => Partial<CouncilMeetingDoc>,
): Promise<CouncilMeetingDoc> {
  try {
    return await withTransaction(ctx.db, async (t: any) => {
      const { data } = (await t.collection(COLLECTIONS.councilMeetings).doc(meetingId).get()) as { data: CouncilMeetingDoc }
      const meeting = { ...data, _id: meetingId }
      const changes = change(meeting)
      await t.collection(COLLECTIONS.councilMeetings).doc(meetingId).update({ data: whole(ctx, changes) })
      return { ...meeting, ...changes }
    })
  } catch (error) {
    throw busyOr(error)
  }
}

function busyOr(error: unknown): unknown {
  if (error instanceof AppError) return error
  // runTransaction may wrap the callback's error; find ours
  const inner = (error as any)?.error ?? (error as any)?.cause
  if (inner instanceof AppError) return inner
  if (isTransactionConflict(error)) return new AppError('COUNCIL.BUSY', 'too many changes at once, try again')
  return error
}

/**
 * One vote per member and item: the vote record (deterministic _id) and, for a secret vote, an unlinked ballot,
 * in one transaction that also re-reads the item's vote state. A second vote (double tap, concurrent) finds the
 * record and counts nothing. The transaction also moves the voter's membership record (`voteSeq + 1`), which the close
 * of a vote writes for every member who could vote (`closeVoteGate`): a vote and a close conflict, so a vote either
 * commits before the close (and is counted) or is retried, sees the vote closed and is refused. Votes of different
 * members never conflict with each other (docs/decisions/0031).
 */
export async function castVoteOnce(
  ctx: Ctx,
  vote: CouncilVoteDoc,
  ballot: { _id: string; choice: CouncilVoteDoc['choice'] } | null,
  stillOpen: (meeting: CouncilMeetingDoc) => void,
): Promise<boolean> {
  try {
    return await withTransaction(ctx.db, async (t: any) => {
      const { data } = (await t.collection(COLLECTIONS.councilMeetings).doc(vote.meetingId).get()) as { data: CouncilMeetingDoc }
      stillOpen({ ...data, _id: vote.meetingId })
      try {
        await t.collection(COLLECTIONS.councilVotes).add({ data: { ...vote } })
      } catch (error) {
        if (/E11000|duplicate|DATABASE_DUPLICATE_WRITE/i.test(String((error as any)?.message ?? (error as any)?.errMsg ?? error))) return false
        throw error
      }
      if (ballot) await t.collection(COLLECTIONS.councilBallots).add({ data: { _id: ballot._id, meetingId: vote.meetingId, itemId: vote.itemId, choice: ballot.choice } })
      const gate = (await t.collection(COLLECTIONS.councilMembers).doc(vote.memberId).update({ data: { voteSeq: ctx._.inc(1) } })) as { stats?: { updated?: number } }
      if (!gate.stats?.updated) throw new AppError('COUNCIL.MEMBER_NOT_FOUND', 'member not found')
      return true
    })
  } catch (error) {
    throw busyOr(error)
  }
}

/**
 * Close a vote in one transaction: the meeting change (`change`, pure, may throw) and a write of every membership
 * record through which a vote could still be under way — the members present in the meeting as this transaction
 * reads it, plus `members` (the council's approved members, listed before: someone marked absent meanwhile may have
 * a vote in flight), less `voted` (members whose vote was already recorded before: a second one would be a duplicate).
 * Each vote writes its member's record in its own transaction, so every vote commits either before this (and the
 * count after it sees it) or after a retry that finds the vote closed.
 */
export async function closeVoteGate(
  ctx: Ctx,
  meetingId: string,
  members: string[],
  voted: ReadonlySet<string>,
  change: (meeting: CouncilMeetingDoc) => Partial<CouncilMeetingDoc>,
): Promise<CouncilMeetingDoc> {
  try {
    return await withTransaction(
      ctx.db,
      async (t: any) => {
        const { data } = (await t.collection(COLLECTIONS.councilMeetings).doc(meetingId).get()) as { data: CouncilMeetingDoc }
        const meeting = { ...data, _id: meetingId }
        const changes = change(meeting)
        await t.collection(COLLECTIONS.councilMeetings).doc(meetingId).update({ data: whole(ctx, changes) })
        const gates = [...new Set([...meeting.attendance, ...members])].filter((id) => !voted.has(id))
        for (let i = 0; i < gates.length; i += 20) {
          await Promise.all(gates.slice(i, i + 20).map((id) => t.collection(COLLECTIONS.councilMembers).doc(id).update({ data: { voteSeq: ctx._.inc(1) } })))
        }
        return { ...meeting, ...changes }
      },
      10,
    )
  } catch (error) {
    throw busyOr(error)
  }
}

/** Count one item's votes by choice (open votes from the vote records, secret ones from the ballots). */
export async function countVotes(ctx: Ctx, meetingId: string, itemId: string, secret: boolean): Promise<{ yes: number; no: number; abstain: number }> {
  const collection = secret ? COLLECTIONS.councilBallots : COLLECTIONS.councilVotes
  const count = async (choice: string) =>
    ((await ctx.db.collection(collection).where({ meetingId, itemId, choice }).count()) as { total: number }).total
  const [yes, no, abstain] = await Promise.all([count('yes'), count('no'), count('abstain')])
  return { yes, no, abstain }
}

/** Open votes of one item, for the minutes (who voted what — never asked for a secret vote). */
export async function listOpenVotes(ctx: Ctx, meetingId: string, itemId: string): Promise<CouncilVoteDoc[]> {
  return pageAll<CouncilVoteDoc>(ctx.db.collection(COLLECTIONS.councilVotes).where({ meetingId, itemId, choice: ctx._.in(['yes', 'no', 'abstain']) }))
}

/** Members whose vote on this item is already recorded (they have no second vote in flight: it would be a duplicate). */
export async function votedMembers(ctx: Ctx, meetingId: string, itemId: string): Promise<Set<string>> {
  const votes = await pageAll<{ memberId: string }>(ctx.db.collection(COLLECTIONS.councilVotes).where({ meetingId, itemId }).field({ memberId: true }))
  return new Set(votes.map((v) => v.memberId))
}

export async function countVoted(ctx: Ctx, meetingId: string, itemId: string): Promise<number> {
  return ((await ctx.db.collection(COLLECTIONS.councilVotes).where({ meetingId, itemId }).count()) as { total: number }).total
}

// ---------- a child's data, collection by collection (guardian export and deletion) ----------

/**
 * Every record about one child, for the guardian's export and for deletion: each collection is walked page by page
 * (`walkAll`), so a long history is never cut at one read's limit.
 */
export async function findChildRecords(ctx: Ctx, child: ChildDoc) {
  const _ = ctx._
  const members = await walkAll<CouncilMemberDoc>(ctx.db, COLLECTIONS.councilMembers, { childId: child._id })
  const memberIds = members.map((m) => m._id)
  const proposals = await walkAll<ChildProposalDoc>(ctx.db, COLLECTIONS.councilProposals, { childId: child._id })
  const votes = memberIds.length ? await walkAll<CouncilVoteDoc>(ctx.db, COLLECTIONS.councilVotes, { memberId: _.in(memberIds) }) : []
  const communityIds = [...new Set(members.map((m) => m.communityId).concat(child.communityId))]
  const meetings = (await Promise.all(communityIds.map((id) => allMeetingsOf(ctx, id)))).flat().filter((m) => mentions(m, memberIds))
  const openids = [child.guardianOpenid, child.openid].filter((x): x is string => !!x)
  const inbox = await walkAll<{ _id: string } & Record<string, unknown>>(ctx.db, COLLECTIONS.inbox, { openid: _.in([...new Set(openids)]), childId: child._id })
  const childOpenids = child.openid ? [child.openid] : []
  const people = (await findByIds<PersonDoc>(ctx.db, COLLECTIONS.people, childOpenids)).filter((p) => p.isChild)
  const ownOpenids = childOpenids.filter((o) => people.some((p) => p._id === o))
  const memberships = ownOpenids.length ? await walkAll<{ _id: string }>(ctx.db, COLLECTIONS.memberships, { openid: _.in(ownOpenids) }) : []
  // unused account-link codes (index child_links_child)
  const links = await walkAll<{ _id: string }>(ctx.db, COLLECTIONS.childLinks, { childId: child._id })
  // the record that reserves the child's own account (`_id` = that openid)
  const accounts = child.openid ? await findByIds<{ _id: string; childId: string }>(ctx.db, COLLECTIONS.childAccounts, [child.openid]) : []
  return { members, proposals, votes, meetings, inbox, people, memberships, links, accounts: accounts.filter((a) => a.childId === child._id) }
}

/** Every meeting of a community (not only the latest 100 a list shows), for scrubbing and exporting a member. */
export const allMeetingsOf = (ctx: Ctx, communityId: string) => walkAll<CouncilMeetingDoc>(ctx.db, COLLECTIONS.councilMeetings, { communityId })

/** A former member's council records, walked page by page (the retention timer deletes them all). */
export async function findMemberRecords(ctx: Ctx, member: { _id: string; childId: string; guardianOpenid: string }, childOpenid: string | null) {
  const proposals = await walkAll<ChildProposalDoc>(ctx.db, COLLECTIONS.councilProposals, { childId: member.childId, memberId: member._id })
  const votes = await walkAll<{ _id: string }>(ctx.db, COLLECTIONS.councilVotes, { memberId: member._id })
  const openids = [member.guardianOpenid, childOpenid].filter((x): x is string => !!x)
  const inbox = await walkAll<{ _id: string }>(ctx.db, COLLECTIONS.inbox, { openid: ctx._.in(openids), childId: member.childId })
  return { proposals, votes, inbox }
}

export function mentions(meeting: CouncilMeetingDoc, memberIds: string[]): boolean {
  const ids = new Set(memberIds)
  return (
    meeting.attendance.some((id) => ids.has(id)) ||
    meeting.items.some((i) => i.presenterMemberId !== null && ids.has(i.presenterMemberId)) ||
    meeting.speaking.queue.some((q) => ids.has(q.memberId)) ||
    (meeting.speaking.current !== null && ids.has(meeting.speaking.current.memberId)) ||
    Object.keys(meeting.speaking.turns ?? {}).some((id) => ids.has(id))
  )
}

export async function removeById(ctx: Ctx, collection: string, ids: string[]): Promise<number> {
  let removed = 0
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100)
    const res = (await ctx.db.collection(collection).where({ _id: ctx._.in(chunk) }).remove()) as { stats?: { removed?: number } }
    removed += res.stats?.removed ?? 0
  }
  return removed
}

/** The child record and the record reserving their own account go together (one transaction, by _id). */
export async function removeChildWithAccount(ctx: Ctx, childId: string, accountIds: string[]): Promise<{ child: number; accounts: number }> {
  return withTransaction(ctx.db, async (t: any) => {
    const removeIfThere = async (collection: string, id: string) => {
      if (!(await getInTransaction(t, collection, id))) return 0
      await t.collection(collection).doc(id).remove()
      return 1
    }
    let accounts = 0
    for (const id of accountIds) accounts += await removeIfThere(COLLECTIONS.childAccounts, id)
    return { child: await removeIfThere(COLLECTIONS.children, childId), accounts }
  })
}

export const setMeetingFields = (ctx: Ctx, meetingId: string, changes: Partial<CouncilMeetingDoc>) =>
  ctx.db.collection(COLLECTIONS.councilMeetings).doc(meetingId).update({ data: whole(ctx, changes) })

/**
 * The SDK's update merges nested objects field by field; objects and arrays here replace the whole field
 * (so a removed queue entry or a speaker's turns really go away).
 */
function whole(ctx: Ctx, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(changes)) {
    out[key] = value !== null && typeof value === 'object' && !(value instanceof Date) ? ctx._.set(value) : value
  }
  return out
}

export { fail }

/** Former members whose retention period has passed. Index council_members_purge. */
export async function listDueForPurge(ctx: Ctx, now: Date): Promise<CouncilMemberDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.councilMembers)
    .where({ status: 'left', purgeAfter: ctx._.lte(now) })
    .limit(100)
    .get()) as { data: CouncilMemberDoc[] }
  return res.data
}
