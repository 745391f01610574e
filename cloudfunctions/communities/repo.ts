/** Reads and writes of the communities function: the only place that knows its collections and query shapes. */
import {
  COLLECTIONS,
  type ChildAccountDoc,
  type ChildDoc,
  type ChildLinkDoc,
  type CommunityDoc,
  type MembershipDoc,
  type PersonDoc,
  type ShareCodeDoc,
} from '../../types/index'
import type { Context } from '../_kernel/context'
import { collection, isDuplicateError, withTransaction } from '../_kernel/data'
import { AppError } from '../_kernel/errors'
import { membershipId } from '../_kernel/viewer'

type Ctx = Pick<Context, 'db' | '_' | 'audit'>

export { membershipId }

const communities = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.communities)
const people = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.people)
const memberships = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.memberships)
const children = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.children)

export const getCommunity = (ctx: Ctx, communityId: string): Promise<CommunityDoc | null> => communities(ctx).byId(communityId)

/** By QR code. Index communities_code (unique). */
export const getCommunityByCode = (ctx: Ctx, code: string): Promise<CommunityDoc | null> => communities(ctx).first({ code })

export const getCommunities = (ctx: Ctx, ids: string[]): Promise<CommunityDoc[]> => communities(ctx).byIds(ids)

/** Every community (a district has tens, not thousands — all of them, however many), by code. Index communities_code. */
export const listAllCommunities = (ctx: Ctx): Promise<CommunityDoc[]> =>
  communities(ctx).all({ code: ctx._.exists(true) }, { orderBy: [['code', 'asc']] })

export async function setPoster(ctx: Ctx, communityId: string, fileId: string, now: Date): Promise<void> {
  await communities(ctx).updateById(communityId, { posterFileId: fileId, updatedAt: now })
}

export const getPerson = (ctx: Ctx, openid: string): Promise<PersonDoc | null> => people(ctx).byId(openid)
export const getPeople = (ctx: Ctx, openids: string[]): Promise<PersonDoc[]> => people(ctx).byIds(openids)

/** Create the person record on first contact; never overwrites an existing one (isDistrictAdmin stays). */
export async function ensurePerson(ctx: Ctx, openid: string, now: Date): Promise<void> {
  await people(ctx).insertOnce({
    _id: openid,
    nickname: null,
    avatarFileId: null,
    isDistrictAdmin: false,
    isChild: false,
    createdAt: now,
    updatedAt: now,
  })
}

export async function updateProfile(
  ctx: Ctx,
  openid: string,
  changes: { nickname: string; avatarFileId?: string },
  now: Date,
): Promise<void> {
  await people(ctx).updateById(openid, { ...changes, updatedAt: now })
}

export const getMembership = (ctx: Ctx, communityId: string, openid: string): Promise<MembershipDoc | null> =>
  memberships(ctx).byId(membershipId(communityId, openid))

/** Join as a resident: one membership per person and community (deterministic _id). Counts new members once. */
export async function insertResidentMembership(ctx: Ctx, communityId: string, openid: string, now: Date): Promise<boolean> {
  const created = await memberships(ctx).insertOnce({
    _id: membershipId(communityId, openid),
    communityId,
    openid,
    role: 'resident',
    joinedAt: now,
    createdAt: now,
    updatedAt: now,
  })
  if (created) await communities(ctx).updateById(communityId, { memberCount: ctx._.inc(1) })
  return created
}

/**
 * Resident → staff in one transaction with the role change's audit entry (a concurrent promotion changes nothing
 * twice: the second finds the role changed, or conflicts and does). false when it was no resident's membership.
 */
export async function promoteToStaff(ctx: Ctx, communityId: string, openid: string, now: Date): Promise<boolean> {
  const id = membershipId(communityId, openid)
  return withTransaction(ctx.db, async (tx) => {
    const membership = await tx.collection(COLLECTIONS.memberships).get(id)
    if (!membership || membership.role !== 'resident') return false
    await tx.collection(COLLECTIONS.memberships).update(id, { role: 'staff', updatedAt: now })
    await ctx.audit?.inTx(tx)
    return true
  })
}

/** The person's memberships, oldest first. Index memberships_openid. */
export const listMembershipsOf = (ctx: Ctx, openid: string): Promise<MembershipDoc[]> =>
  memberships(ctx).find({ openid }, { orderBy: [['joinedAt', 'asc']], limit: 100 })

/** Members of a community, newest first. Index memberships_community. */
export const listMembersOf = (ctx: Ctx, communityId: string, limit: number): Promise<MembershipDoc[]> =>
  memberships(ctx).find({ communityId }, { orderBy: [['joinedAt', 'desc']], limit })

/** A guardian's children. Index children_guardian. */
export const listChildrenOf = (ctx: Ctx, guardianOpenid: string): Promise<ChildDoc[]> =>
  children(ctx).find({ guardianOpenid }, { orderBy: [['createdAt', 'asc']], limit: 100 })

export const getChild = (ctx: Ctx, childId: string): Promise<ChildDoc | null> => children(ctx).byId(childId)

export const insertChild = (ctx: Ctx, child: ChildDoc): Promise<boolean> => children(ctx).insertOnce(child)

/** A link code by its `_id` (the code itself). */
export const getChildLink = (ctx: Ctx, code: string): Promise<ChildLinkDoc | null> => collection(ctx.db, COLLECTIONS.childLinks).byId(code)

/** false when the code is taken (a collision: the caller draws another). */
export const insertChildLink = (ctx: Ctx, link: ChildLinkDoc): Promise<boolean> =>
  collection(ctx.db, COLLECTIONS.childLinks).insertOnce(link)

/**
 * Link the child's own account in one transaction (single documents by _id): the code must still exist, the child
 * must still have no account, and `child_accounts/<openid>` must not exist yet — so one child gets one account and
 * one account one child, also when redemptions race. Writes the account record, the child's `openid` and uses up the
 * code together, or nothing. Refusals are AppErrors (CHILD.LINK_CODE_INVALID, CHILD.ALREADY_LINKED,
 * CHILD.ACCOUNT_ALREADY_LINKED); conflicts beyond the retries → CHILD.BUSY.
 */
export async function linkChildAccountOnce(
  ctx: Ctx,
  p: { code: string; childId: string; openid: string; guardianOpenid: string; now: Date },
): Promise<void> {
  await withTransaction(
    ctx.db,
    async (tx) => {
      const link = await tx.collection(COLLECTIONS.childLinks).get(p.code)
      if (!link || link.childId !== p.childId) throw new AppError('CHILD.LINK_CODE_INVALID', 'the code was used meanwhile')
      const child = await tx.collection(COLLECTIONS.children).get(p.childId)
      if (!child) throw new AppError('CHILD.LINK_CODE_INVALID', 'the code no longer matches a child')
      if (child.openid) throw new AppError('CHILD.ALREADY_LINKED', 'the child already has an account')
      const account: ChildAccountDoc = {
        _id: p.openid,
        childId: p.childId,
        communityId: child.communityId,
        linkedAt: p.now,
        linkedBy: p.guardianOpenid,
      }
      try {
        await tx.collection(COLLECTIONS.childAccounts).insert(account)
      } catch (error) {
        if (isDuplicateError(error)) throw new AppError('CHILD.ACCOUNT_ALREADY_LINKED', 'this account is already linked to a child')
        throw error
      }
      await tx
        .collection(COLLECTIONS.children)
        .update(p.childId, { openid: p.openid, accountLinkedAt: p.now, accountLinkedBy: p.guardianOpenid, updatedAt: p.now })
      await tx.collection(COLLECTIONS.childLinks).remove(p.code)
      // the account is a child's from the same instant as the link (no window in which it could be promoted)
      await tx.collection(COLLECTIONS.people).update(p.openid, { isChild: true, updatedAt: p.now })
    },
    { busy: 'CHILD.BUSY' },
  )
}

/** The child record this account is linked to, if any (one at most). */
export const getChildAccount = (ctx: Ctx, openid: string): Promise<ChildAccountDoc | null> =>
  collection(ctx.db, COLLECTIONS.childAccounts).byId(openid)

// ------------------------------------------------------------------------------------------------ posters' share codes

const shareCodes = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.shareCodes)

/** A notice's or an event's community and title (what its poster shows), or null when it does not exist. */
export async function getPosterTarget(
  ctx: Ctx,
  kind: 'notice' | 'event',
  id: string,
): Promise<{ communityId: string; title: string } | null> {
  const doc =
    kind === 'notice' ? await collection(ctx.db, COLLECTIONS.notices).byId(id) : await collection(ctx.db, COLLECTIONS.events).byId(id)
  return doc ? { communityId: doc.communityId, title: doc.title } : null
}

export const getShareCode = (ctx: Ctx, code: string): Promise<ShareCodeDoc | null> => shareCodes(ctx).byId(code)

/** The object's code, if it has one. Index share_codes_target (unique). */
export const findShareCode = (ctx: Ctx, kind: 'notice' | 'event', refId: string): Promise<ShareCodeDoc | null> =>
  shareCodes(ctx).first({ kind, refId })

/** Store a new code; false when the code is taken or the object already has one (both unique). */
export const insertShareCode = (ctx: Ctx, doc: ShareCodeDoc): Promise<boolean> => shareCodes(ctx).insertOnce(doc)

export async function setShareCodePoster(ctx: Ctx, code: string, fileId: string, now: Date): Promise<void> {
  await shareCodes(ctx).updateById(code, { posterFileId: fileId, updatedAt: now })
}
