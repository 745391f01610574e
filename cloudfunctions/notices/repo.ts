/** Reads and writes of the notices function: the only place that knows its collections and query shapes. */
import { COLLECTIONS, type CommunityDoc, type NoticeDoc, type NoticeReadDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import { findById, findByIds, insertOnce, updateWhere } from '../_kernel/db'

type Ctx = Pick<Context, 'db' | '_'>

export const readId = (noticeId: string, openid: string) => `${noticeId}_${openid}`

/** How many candidates the feed query fetches before the expiry filter and limit. */
const FEED_FETCH = 100

export const getCommunity = (ctx: Ctx, communityId: string) => findById<CommunityDoc>(ctx.db, COLLECTIONS.communities, communityId)

export const getNotice = (ctx: Ctx, noticeId: string) => findById<NoticeDoc>(ctx.db, COLLECTIONS.notices, noticeId)

export async function insertNotice(ctx: Ctx, doc: Omit<NoticeDoc, '_id'>): Promise<NoticeDoc> {
  const res = (await ctx.db.collection(COLLECTIONS.notices).add({ data: doc })) as { _id: string }
  return { ...doc, _id: res._id }
}

/** Partial update of one notice by _id. */
export async function updateNotice(ctx: Ctx, noticeId: string, changes: Partial<Omit<NoticeDoc, '_id'>>): Promise<void> {
  await ctx.db.collection(COLLECTIONS.notices).doc(noticeId).update({ data: changes })
}

/**
 * Candidates for the residents' feed: published, publishAt ≤ now, not expired — pinned first, newest first.
 * Index notices_feed {communityId, status, pinned, publishAt}. The caller still applies the pure rule.
 */
export async function listFeedCandidates(ctx: Ctx, communityId: string, now: Date): Promise<NoticeDoc[]> {
  const _ = ctx._
  const res = (await ctx.db
    .collection(COLLECTIONS.notices)
    .where(
      _.and([
        { communityId, status: 'published', publishAt: _.lte(now) },
        _.or([{ expiresAt: _.eq(null) }, { expiresAt: _.gt(now) }]),
      ]),
    )
    .orderBy('pinned', 'desc')
    .orderBy('publishAt', 'desc')
    .limit(FEED_FETCH)
    .get()) as { data: NoticeDoc[] }
  return res.data
}

/** All notices of a community for staff, most recently changed first. Index notices_manage {communityId, updatedAt}. */
export async function listForStaff(ctx: Ctx, communityId: string, limit: number): Promise<NoticeDoc[]> {
  const res = (await ctx.db
    .collection(COLLECTIONS.notices)
    .where({ communityId })
    .orderBy('updatedAt', 'desc')
    .limit(limit)
    .get()) as { data: NoticeDoc[] }
  return res.data
}

/** Which of these notices the person has read. */
export async function readNoticeIds(ctx: Ctx, noticeIds: string[], openid: string): Promise<Set<string>> {
  const reads = await findByIds<NoticeReadDoc>(ctx.db, COLLECTIONS.noticeReads, noticeIds.map((id) => readId(id, openid)))
  return new Set(reads.map((r) => r.noticeId))
}

/**
 * Count a read once per person: insert the read with a deterministic _id; only if that insert created it,
 * increment the notice's counter (a duplicate insert fails, so 50 concurrent reads count 1).
 */
export async function recordRead(ctx: Ctx, notice: Pick<NoticeDoc, '_id' | 'communityId'>, openid: string, now: Date): Promise<boolean> {
  const created = await insertOnce(ctx.db, COLLECTIONS.noticeReads, {
    _id: readId(notice._id, openid),
    noticeId: notice._id,
    communityId: notice.communityId,
    openid,
    readAt: now,
  })
  if (created) await updateWhere(ctx.db, COLLECTIONS.notices, { _id: notice._id }, { readCount: ctx._.inc(1) })
  return created
}
