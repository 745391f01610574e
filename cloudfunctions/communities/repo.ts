/** Reads and writes of the communities function: the only place that knows its collections and query shapes. */
import { COLLECTIONS, type ChildAccountDoc, type ChildDoc, type ChildLinkDoc, type CommunityDoc, type MembershipDoc, type PersonDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import { findById, findByIds, getInTransaction, insertOnce, isDuplicateError, isTransactionConflict, updateWhere, withTransaction } from '../_kernel/db'
import { AppError } from '../_kernel/errors'
import { membershipId } from '../_kernel/viewer'

type Ctx = Pick<Context, 'db' | '_'>

export { membershipId }

export const getCommunity = (ctx: Ctx, communityId: string) => findById<CommunityDoc>(ctx.db, COLLECTIONS.communities, communityId)

/** By QR code. Index communities_code (unique). */
export async function getCommunityByCode(ctx: Ctx, code: string): Promise<CommunityDoc | null> {
  const res = (await ctx.db.collection(COLLECTIONS.communities).where({ code }).limit(1).get()) as { data: CommunityDoc[] }
  return res.data[0] ?? null
}

export const getCommunities = (ctx: Ctx, ids: string[]) => findByIds<CommunityDoc>(ctx.db, COLLECTIONS.communities, ids)

/** Every community (a district has tens, not thousands), by code. Index communities_code. */
export async function listAllCommunities(ctx: Ctx): Promise<CommunityDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.communities)
    .where({ code: ctx._.exists(true) })
    .orderBy('code', 'asc')
    .limit(100)
    .get()) as { data: CommunityDoc[] }
  return res.data
}

export async function setPoster(ctx: Ctx, communityId: string, fileId: string, now: Date): Promise<void> {
  await updateWhere(ctx.db, COLLECTIONS.communities, { _id: communityId }, { posterFileId: fileId, updatedAt: now })
}

export const getPerson = (ctx: Ctx, openid: string) => findById<PersonDoc>(ctx.db, COLLECTIONS.people, openid)
export const getPeople = (ctx: Ctx, openids: string[]) => findByIds<PersonDoc>(ctx.db, COLLECTIONS.people, openids)

/** Create the person record on first contact; never overwrites an existing one (isDistrictAdmin stays). */
export async function ensurePerson(ctx: Ctx, openid: string, now: Date): Promise<void> {
  await insertOnce(ctx.db, COLLECTIONS.people, {
    _id: openid,
    nickname: null,
    avatarFileId: null,
    isDistrictAdmin: false,
    isChild: false,
    createdAt: now,
    updatedAt: now,
  })
}

export async function updateProfile(ctx: Ctx, openid: string, changes: { nickname: string; avatarFileId?: string }, now: Date): Promise<void> {
  await updateWhere(ctx.db, COLLECTIONS.people, { _id: openid }, { ...changes, updatedAt: now })
}

export const getMembership = (ctx: Ctx, communityId: string, openid: string) =>
  findById<MembershipDoc>(ctx.db, COLLECTIONS.memberships, membershipId(communityId, openid))

/** Join as a resident: one membership per person and community (deterministic _id). Counts new members once. */
export async function insertResidentMembership(ctx: Ctx, communityId: string, openid: string, now: Date): Promise<boolean> {
  const created = await insertOnce(ctx.db, COLLECTIONS.memberships, {
    _id: membershipId(communityId, openid),
    communityId,
    openid,
    role: 'resident',
    joinedAt: now,
    createdAt: now,
    updatedAt: now,
  })
  if (created) await updateWhere(ctx.db, COLLECTIONS.communities, { _id: communityId }, { memberCount: ctx._.inc(1) })
  return created
}

/** Resident → staff, as a conditional update (a concurrent promotion changes nothing twice). */
export async function promoteToStaff(ctx: Ctx, communityId: string, openid: string, now: Date): Promise<boolean> {
  const updated = await updateWhere(
    ctx.db,
    COLLECTIONS.memberships,
    { _id: membershipId(communityId, openid), role: 'resident' },
    { role: 'staff', updatedAt: now },
  )
  return updated === 1
}

/** The person's memberships, oldest first. Index memberships_openid. */
export async function listMembershipsOf(ctx: Ctx, openid: string): Promise<MembershipDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.memberships)
    .where({ openid })
    .orderBy('joinedAt', 'asc')
    .limit(100)
    .get()) as { data: MembershipDoc[] }
  return res.data
}

/** Members of a community, newest first. Index memberships_community. */
export async function listMembersOf(ctx: Ctx, communityId: string, limit: number): Promise<MembershipDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.memberships)
    .where({ communityId })
    .orderBy('joinedAt', 'desc')
    .limit(limit)
    .get()) as { data: MembershipDoc[] }
  return res.data
}

/** A guardian's children. Index children_guardian. */
export async function listChildrenOf(ctx: Ctx, guardianOpenid: string): Promise<ChildDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.children)
    .where({ guardianOpenid })
    .orderBy('createdAt', 'asc')
    .limit(100)
    .get()) as { data: ChildDoc[] }
  return res.data
}

export const getChild = (ctx: Ctx, childId: string) => findById<ChildDoc>(ctx.db, COLLECTIONS.children, childId)

export const insertChild = (ctx: Ctx, child: ChildDoc) => insertOnce(ctx.db, COLLECTIONS.children, { ...child })

/** A link code by its `_id` (the code itself). */
export const getChildLink = (ctx: Ctx, code: string) => findById<ChildLinkDoc>(ctx.db, COLLECTIONS.childLinks, code)

/** false when the code is taken (a collision: the caller draws another). */
export const insertChildLink = (ctx: Ctx, link: ChildLinkDoc) => insertOnce(ctx.db, COLLECTIONS.childLinks, { ...link })

/**
 * Link the child's own account in one transaction (single documents by _id): the code must still exist, the child
 * must still have no account, and `child_accounts/<openid>` must not exist yet — so one child gets one account and
 * one account one child, also when redemptions race. Writes the account record, the child's `openid` and uses up the
 * code together, or nothing. Refusals are AppErrors (CHILD.LINK_CODE_INVALID, CHILD.ALREADY_LINKED,
 * CHILD.ACCOUNT_ALREADY_LINKED); conflicts beyond the retries → CHILD.BUSY.
 */
export async function linkChildAccountOnce(ctx: Ctx, p: { code: string; childId: string; openid: string; guardianOpenid: string; now: Date }): Promise<void> {
  try {
    await withTransaction(ctx.db, async (t: any) => {
      const link = await getInTransaction<ChildLinkDoc>(t, COLLECTIONS.childLinks, p.code)
      if (!link || link.childId !== p.childId) throw new AppError('CHILD.LINK_CODE_INVALID', 'the code was used meanwhile')
      const child = await getInTransaction<ChildDoc>(t, COLLECTIONS.children, p.childId)
      if (!child) throw new AppError('CHILD.LINK_CODE_INVALID', 'the code no longer matches a child')
      if (child.openid) throw new AppError('CHILD.ALREADY_LINKED', 'the child already has an account')
      const account: ChildAccountDoc = { _id: p.openid, childId: p.childId, communityId: child.communityId, linkedAt: p.now, linkedBy: p.guardianOpenid }
      try {
        await t.collection(COLLECTIONS.childAccounts).add({ data: account })
      } catch (error) {
        if (isDuplicateError(error)) throw new AppError('CHILD.ACCOUNT_ALREADY_LINKED', 'this account is already linked to a child')
        throw error
      }
      await t.collection(COLLECTIONS.children).doc(p.childId).update({ data: { openid: p.openid, accountLinkedAt: p.now, accountLinkedBy: p.guardianOpenid, updatedAt: p.now } })
      await t.collection(COLLECTIONS.childLinks).doc(p.code).remove()
      // the account is a child's from the same instant as the link (no window in which it could be promoted)
      await t.collection(COLLECTIONS.people).doc(p.openid).update({ data: { isChild: true, updatedAt: p.now } })
    })
  } catch (error) {
    throw appErrorOr(error)
  }
}

/** The child record this account is linked to, if any (one at most). */
export const getChildAccount = (ctx: Ctx, openid: string) => findById<ChildAccountDoc>(ctx.db, COLLECTIONS.childAccounts, openid)

function appErrorOr(error: unknown): unknown {
  if (error instanceof AppError) return error
  // runTransaction may wrap the callback's error; find ours
  const inner = (error as any)?.error ?? (error as any)?.cause
  if (inner instanceof AppError) return inner
  if (isTransactionConflict(error)) return new AppError('CHILD.BUSY', 'too many redemptions at once, try again')
  return error
}
