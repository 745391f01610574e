/** Reads and writes of the council function: the only place that knows its collections and query shapes. */
import {
  COLLECTIONS,
  type ChildDoc,
  type ChildProposalDoc,
  type CommunityDoc,
  type CouncilBallotDoc,
  type CouncilDoc,
  type CouncilMeetingDoc,
  type CouncilMemberDoc,
  type CouncilVoteDoc,
  type PersonDoc,
} from '../../types/index'
import type { CollectionName } from '../../types/collections'
import type { Context } from '../_kernel/context'
import { collection, isDuplicateError, withTransaction, type Filter, type Tx, type Update } from '../_kernel/data'
import { AppError, fail } from '../_kernel/errors'

type Ctx = Pick<Context, 'db' | '_' | 'audit'>

const councils = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.councils)
const members = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.councilMembers)
const proposals = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.councilProposals)
const meetings = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.councilMeetings)
const votes = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.councilVotes)
const children = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.children)

export const councilIdOf = (communityId: string) => `council-${communityId}`
export const memberIdOf = (councilId: string, childId: string) => `${councilId}_${childId}`
export const voteIdOf = (meetingId: string, itemId: string, memberId: string) => `${meetingId}_${itemId}_${memberId}`

export const getCommunity = (ctx: Ctx, id: string): Promise<CommunityDoc | null> => collection(ctx.db, COLLECTIONS.communities).byId(id)
export const getCouncil = (ctx: Ctx, communityId: string): Promise<CouncilDoc | null> => councils(ctx).byId(councilIdOf(communityId))
export const getMember = (ctx: Ctx, memberId: string): Promise<CouncilMemberDoc | null> => members(ctx).byId(memberId)
export const getMembers = (ctx: Ctx, memberIds: string[]): Promise<CouncilMemberDoc[]> => members(ctx).byIds(memberIds)
export const getChild = (ctx: Ctx, childId: string): Promise<ChildDoc | null> => children(ctx).byId(childId)
export const getProposal = (ctx: Ctx, id: string): Promise<ChildProposalDoc | null> => proposals(ctx).byId(id)
export const getMeeting = (ctx: Ctx, id: string): Promise<CouncilMeetingDoc | null> => meetings(ctx).byId(id)
export const getPerson = (ctx: Ctx, openid: string): Promise<PersonDoc | null> => collection(ctx.db, COLLECTIONS.people).byId(openid)

/** The child whose own WeChat account this is (children.openid, linked once; at most one). Index children_openid. */
export const getOwnChild = (ctx: Ctx, openid: string): Promise<ChildDoc | null> => children(ctx).first({ openid })

/** Who hears about members: their guardians and, where linked, the children's own accounts (read from `children`). */
export async function recipientsOf(ctx: Ctx, members: Pick<CouncilMemberDoc, 'guardianOpenid' | 'childId'>[]): Promise<string[]> {
  const found = await children(ctx).byIds(members.map((m) => m.childId))
  const own = found.map((c) => c.openid).filter((x): x is string => !!x)
  return [...new Set([...members.map((m) => m.guardianOpenid), ...own])]
}

/** Create the council, or change its settings (never its member count, which approvals move with `_.inc`). */
export async function putCouncil(ctx: Ctx, doc: CouncilDoc, exists: boolean): Promise<void> {
  if (!exists && (await councils(ctx).insertOnce(doc))) return
  const { _id, memberCount: _count, createdAt: _created, createdBy: _by, chair: _chair, ...changes } = doc
  await councils(ctx).updateById(_id, changes)
}

export const insertChild = (ctx: Ctx, child: ChildDoc): Promise<boolean> => children(ctx).insertOnce(child)
export const insertMember = (ctx: Ctx, member: CouncilMemberDoc): Promise<boolean> => members(ctx).insertOnce(member)

/** Conditional update of a member: `from` is the status it must still have (a state transition changes it once). */
export const updateMemberIf = (ctx: Ctx, memberId: string, from: CouncilMemberDoc['status'], changes: Update<CouncilMemberDoc>) =>
  members(ctx).update({ _id: memberId, status: from }, changes)

/** Name (or clear) the chair: who and when are recorded with it. */
export const setChairOf = (ctx: Ctx, councilId: string, chair: CouncilDoc['chair'], by: string, now: Date) =>
  councils(ctx).update({ _id: councilId }, { chair: chair ? ctx._.set(chair) : null, updatedBy: by, updatedAt: now })

/** A deleted or purged member no longer holds the chair (conditional: only if they still do). */
export const clearChairIf = (ctx: Ctx, councilId: string, memberId: string) =>
  councils(ctx).update({ _id: councilId, 'chair.memberId': memberId }, { chair: null })

export const incMemberCount = (ctx: Ctx, councilId: string, by: number) =>
  councils(ctx).update({ _id: councilId }, { memberCount: ctx._.inc(by) })

/** Members of a council, oldest application first. Index council_members_council. */
export const listMembersOf = (ctx: Ctx, councilId: string): Promise<CouncilMemberDoc[]> =>
  members(ctx).all({ councilId }, { orderBy: [['appliedAt', 'asc']] })

/** Memberships the caller holds as guardian or as the child (their own account). Indexes council_members_guardian, council_members_child. */
export async function listMembersFor(ctx: Ctx, viewer: { openid: string; ownChildId: string | null }): Promise<CouncilMemberDoc[]> {
  const none: Promise<CouncilMemberDoc[]> = Promise.resolve([])
  const [asGuardian, asChild] = await Promise.all([
    viewer.openid ? members(ctx).find({ guardianOpenid: viewer.openid }, { limit: 100 }) : none,
    viewer.ownChildId ? members(ctx).find({ childId: viewer.ownChildId }, { limit: 100 }) : none,
  ])
  const byId = new Map<string, CouncilMemberDoc>()
  for (const m of [...asGuardian, ...asChild]) byId.set(m._id, m)
  return [...byId.values()]
}

// ---------- child proposals ----------

export const insertProposal = (ctx: Ctx, doc: Omit<ChildProposalDoc, '_id'>): Promise<ChildProposalDoc> => proposals(ctx).insert(doc)

export const updateProposalIf = (ctx: Ctx, id: string, filter: Filter<ChildProposalDoc>, changes: Update<ChildProposalDoc>) =>
  proposals(ctx).update({ ...filter, _id: id }, changes)

/** A community's child proposals in one status, newest first. Index council_proposals_community. */
export async function listProposalsByStatus(
  ctx: Ctx,
  communityId: string,
  status: ChildProposalDoc['status'],
  limit = 100,
): Promise<ChildProposalDoc[]> {
  return proposals(ctx).find({ communityId, status }, { orderBy: [['createdAt', 'desc']], limit })
}

/** Proposals of these members, newest first. Index council_proposals_member. */
export async function listProposalsOfMembers(ctx: Ctx, memberIds: string[]): Promise<ChildProposalDoc[]> {
  if (memberIds.length === 0) return []
  return proposals(ctx).find({ memberId: ctx._.in(memberIds.slice(0, 100)) }, { orderBy: [['createdAt', 'desc']], limit: 200 })
}

/** Handed-off proposals whose child has not been told the outcome yet. Index council_proposals_handoff. */
export async function listOpenHandoffs(ctx: Ctx): Promise<ChildProposalDoc[]> {
  return proposals(ctx).find({ handoffOpen: true }, { limit: 100 })
}

// ---------- meetings ----------

export const insertMeeting = (ctx: Ctx, doc: Omit<CouncilMeetingDoc, '_id'>): Promise<CouncilMeetingDoc> => meetings(ctx).insert(doc)

/** A community's meetings, latest first. Index council_meetings_community. */
export async function listMeetings(ctx: Ctx, communityId: string): Promise<CouncilMeetingDoc[]> {
  return meetings(ctx).find({ communityId }, { orderBy: [['startsAt', 'desc']], limit: 100 })
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
  return withTransaction(
    ctx.db,
    async (tx) => {
      const meeting = await tx.collection(COLLECTIONS.councilMeetings).get(meetingId)
      if (!meeting) throw new AppError('COUNCIL.MEETING_NOT_FOUND', 'the meeting is gone')
      const changes = change(meeting)
      await replaceMeeting(tx, { ...meeting, ...changes })
      await ctx.audit?.inTx(tx)
      return { ...meeting, ...changes }
    },
    { busy: 'COUNCIL.BUSY' },
  )
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
  ballot: { _id: string; choice: CouncilBallotDoc['choice'] } | null,
  stillOpen: (meeting: CouncilMeetingDoc) => void,
): Promise<boolean> {
  return withTransaction(
    ctx.db,
    async (tx) => {
      const meeting = await tx.collection(COLLECTIONS.councilMeetings).get(vote.meetingId)
      if (!meeting) throw new AppError('COUNCIL.MEETING_NOT_FOUND', 'the meeting is gone')
      stillOpen(meeting)
      try {
        await tx.collection(COLLECTIONS.councilVotes).insert(vote)
      } catch (error) {
        if (isDuplicateError(error)) return false
        throw error
      }
      if (ballot)
        await tx
          .collection(COLLECTIONS.councilBallots)
          .insert({ _id: ballot._id, meetingId: vote.meetingId, itemId: vote.itemId, choice: ballot.choice })
      const gate = await tx.collection(COLLECTIONS.councilMembers).update(vote.memberId, { voteSeq: ctx._.inc(1) })
      if (!gate) throw new AppError('COUNCIL.MEMBER_NOT_FOUND', 'member not found')
      await ctx.audit?.inTx(tx)
      return true
    },
    { busy: 'COUNCIL.BUSY' },
  )
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
  return withTransaction(
    ctx.db,
    async (tx) => {
      const meeting = await tx.collection(COLLECTIONS.councilMeetings).get(meetingId)
      if (!meeting) throw new AppError('COUNCIL.MEETING_NOT_FOUND', 'the meeting is gone')
      const changes = change(meeting)
      await replaceMeeting(tx, { ...meeting, ...changes })
      const gates = [...new Set([...meeting.attendance, ...members])].filter((id) => !voted.has(id))
      const memberDocs = tx.collection(COLLECTIONS.councilMembers)
      for (let i = 0; i < gates.length; i += 20) {
        await Promise.all(gates.slice(i, i + 20).map((id) => memberDocs.update(id, { voteSeq: ctx._.inc(1) })))
      }
      await ctx.audit?.inTx(tx)
      return { ...meeting, ...changes }
    },
    { attempts: 10, busy: 'COUNCIL.BUSY' },
  )
}

/** Count one item's votes by choice (open votes from the vote records, secret ones from the ballots). */
export async function countVotes(
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  secret: boolean,
): Promise<{ yes: number; no: number; abstain: number }> {
  const ballots = collection(ctx.db, COLLECTIONS.councilBallots)
  const count = (choice: CouncilBallotDoc['choice']) =>
    secret ? ballots.count({ meetingId, itemId, choice }) : votes(ctx).count({ meetingId, itemId, choice })
  const [yes, no, abstain] = await Promise.all([count('yes'), count('no'), count('abstain')])
  return { yes, no, abstain }
}

/** Open votes of one item, for the minutes (who voted what — never asked for a secret vote). */
export async function listOpenVotes(ctx: Ctx, meetingId: string, itemId: string): Promise<CouncilVoteDoc[]> {
  return votes(ctx).all({ meetingId, itemId, choice: ctx._.in(['yes', 'no', 'abstain'] as const) })
}

/** Members whose vote on this item is already recorded (they have no second vote in flight: it would be a duplicate). */
export async function votedMembers(ctx: Ctx, meetingId: string, itemId: string): Promise<Set<string>> {
  const recorded = await votes(ctx).all({ meetingId, itemId })
  return new Set(recorded.map((v) => v.memberId))
}

export async function countVoted(ctx: Ctx, meetingId: string, itemId: string): Promise<number> {
  return votes(ctx).count({ meetingId, itemId })
}

// ---------- a child's data, collection by collection (guardian export and deletion) ----------

/**
 * Every record about one child, for the guardian's export and for deletion: each collection is walked page by page
 * (the kernel's `all`), so a long history is never cut at one read's limit.
 */
export async function findChildRecords(ctx: Ctx, child: ChildDoc) {
  const _ = ctx._
  const memberDocs = await members(ctx).all({ childId: child._id })
  const memberIds = memberDocs.map((m) => m._id)
  const proposalDocs = await proposals(ctx).all({ childId: child._id })
  const voteDocs = memberIds.length ? await votes(ctx).all({ memberId: _.in(memberIds) }) : []
  const communityIds = [...new Set(memberDocs.map((m) => m.communityId).concat(child.communityId))]
  const meetings = (await Promise.all(communityIds.map((id) => allMeetingsOf(ctx, id)))).flat().filter((m) => mentions(m, memberIds))
  const openids = [child.guardianOpenid, child.openid].filter((x): x is string => !!x)
  const inbox = await collection(ctx.db, COLLECTIONS.inbox).all({ openid: _.in([...new Set(openids)]), childId: child._id })
  const childOpenids = child.openid ? [child.openid] : []
  const people = (await collection(ctx.db, COLLECTIONS.people).byIds(childOpenids)).filter((p) => p.isChild)
  const childAccountOpenids = childOpenids.filter((o) => people.some((p) => p._id === o))
  const memberships = childAccountOpenids.length
    ? await collection(ctx.db, COLLECTIONS.memberships).all({ openid: _.in(childAccountOpenids) })
    : []
  // unused account-link codes (index child_links_child)
  const links = await collection(ctx.db, COLLECTIONS.childLinks).all({ childId: child._id })
  // the record that reserves the child's own account (`_id` = that openid)
  const accounts = await collection(ctx.db, COLLECTIONS.childAccounts).byIds(childOpenids)
  return {
    members: memberDocs,
    proposals: proposalDocs,
    votes: voteDocs,
    meetings,
    inbox,
    people,
    memberships,
    links,
    accounts: accounts.filter((a) => a.childId === child._id),
  }
}

/** Every meeting of a community (not only the latest 100 a list shows), for scrubbing and exporting a member. */
export const allMeetingsOf = (ctx: Ctx, communityId: string): Promise<CouncilMeetingDoc[]> => meetings(ctx).all({ communityId })

/** A former member's council records, walked page by page (the retention timer deletes them all). */
export async function findMemberRecords(
  ctx: Ctx,
  member: { _id: string; childId: string; guardianOpenid: string },
  childOpenid: string | null,
) {
  const openids = [member.guardianOpenid, childOpenid].filter((x): x is string => !!x)
  return {
    proposals: await proposals(ctx).all({ childId: member.childId, memberId: member._id }),
    votes: await votes(ctx).all({ memberId: member._id }),
    inbox: await collection(ctx.db, COLLECTIONS.inbox).all({ openid: ctx._.in(openids), childId: member.childId }),
  }
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

export const removeById = (ctx: Ctx, name: CollectionName, ids: string[]): Promise<number> => collection(ctx.db, name).removeByIds(ids)

/** The child record and the record reserving their own account go together (one transaction, by _id). */
export async function removeChildWithAccount(
  ctx: Ctx,
  childId: string,
  accountIds: string[],
): Promise<{ child: number; accounts: number }> {
  return withTransaction(ctx.db, async (tx) => {
    const removeIfThere = async (docs: { get(id: string): Promise<unknown>; remove(id: string): Promise<void> }, id: string) => {
      if (!(await docs.get(id))) return 0
      await docs.remove(id)
      return 1
    }
    let accounts = 0
    for (const id of accountIds) accounts += await removeIfThere(tx.collection(COLLECTIONS.childAccounts), id)
    const child = await removeIfThere(tx.collection(COLLECTIONS.children), childId)
    // the guardian's erase: its entry goes with the child record (the last thing it removes)
    await ctx.audit?.inTx(tx)
    return { child, accounts }
  })
}

/**
 * A meeting after members left it (a child's erasure): attendance, the agenda's presenters and the speaking state are
 * replaced whole — the SDK's update merges nested objects field by field, so `_.set` makes a removed queue entry or a
 * speaker's turns really go away.
 */
export const setMeetingMembers = (ctx: Ctx, meetingId: string, v: Pick<CouncilMeetingDoc, 'attendance' | 'items' | 'speaking'>) =>
  meetings(ctx).updateById(meetingId, {
    attendance: ctx._.set(v.attendance),
    items: ctx._.set(v.items),
    speaking: ctx._.set(v.speaking),
  })

/**
 * The meeting written whole, inside the transaction that read it: the SDK's update merges nested objects field by
 * field, so a removed queue entry or a speaker's turns would stay; a whole document has only what it holds now.
 */
async function replaceMeeting(tx: Tx, meeting: CouncilMeetingDoc): Promise<void> {
  const { _id, ...fields } = meeting
  await tx.collection(COLLECTIONS.councilMeetings).set(_id, fields)
}

export { fail }

/** Former members whose retention period has passed. Index council_members_purge. */
export async function listDueForPurge(ctx: Ctx, now: Date): Promise<CouncilMemberDoc[]> {
  return members(ctx).find({ status: 'left', purgeAfter: ctx._.lte(now) }, { limit: 100 })
}
