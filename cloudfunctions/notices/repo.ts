/** Reads and writes of the notices function: the only place that knows its collections and query shapes. */
import { COLLECTIONS, type CommunityDoc, type NoticeDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import { collection } from '../_kernel/data'

type Ctx = Pick<Context, 'db' | '_'>

export const readId = (noticeId: string, openid: string) => `${noticeId}_${openid}`

/** How many candidates the feed query fetches before the expiry filter and limit. */
const FEED_FETCH = 100

const notices = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.notices)
const reads = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.noticeReads)

export const getCommunity = (ctx: Ctx, communityId: string): Promise<CommunityDoc | null> =>
  collection(ctx.db, COLLECTIONS.communities).byId(communityId)

export const getNotice = (ctx: Ctx, noticeId: string) => notices(ctx).byId(noticeId)

export const insertNotice = (ctx: Ctx, doc: Omit<NoticeDoc, '_id'>): Promise<NoticeDoc> => notices(ctx).insert(doc)

/** Partial update of one notice by _id. */
export async function updateNotice(ctx: Ctx, noticeId: string, changes: Partial<Omit<NoticeDoc, '_id'>>): Promise<void> {
  await notices(ctx).updateById(noticeId, changes)
}

/**
 * Candidates for the residents' feed: published, publishAt ≤ now, not expired — pinned first, newest first.
 * Index notices_feed {communityId, status, pinned, publishAt}. The caller still applies the pure rule.
 */
export function listFeedCandidates(ctx: Ctx, communityId: string, now: Date): Promise<NoticeDoc[]> {
  const _ = ctx._
  return notices(ctx).find(
    _.and<NoticeDoc>([
      { communityId, status: 'published', publishAt: _.lte(now) },
      _.or<NoticeDoc>([{ expiresAt: _.eq(null) }, { expiresAt: _.gt(now) }]),
    ]),
    {
      orderBy: [
        ['pinned', 'desc'],
        ['publishAt', 'desc'],
      ],
      limit: FEED_FETCH,
    },
  )
}

/** All notices of a community for staff, most recently changed first. Index notices_manage {communityId, updatedAt}. */
export const listForStaff = (ctx: Ctx, communityId: string, limit: number): Promise<NoticeDoc[]> =>
  notices(ctx).find({ communityId }, { orderBy: [['updatedAt', 'desc']], limit })

/** Which of these notices the person has read. */
export async function readNoticeIds(ctx: Ctx, noticeIds: string[], openid: string): Promise<Set<string>> {
  const found = await reads(ctx).byIds(noticeIds.map((id) => readId(id, openid)))
  return new Set(found.map((r) => r.noticeId))
}

/**
 * Count a read once per person: insert the read with a deterministic _id; only if that insert created it,
 * increment the notice's counter (a duplicate insert fails, so 50 concurrent reads count 1).
 */
export async function recordRead(ctx: Ctx, notice: Pick<NoticeDoc, '_id' | 'communityId'>, openid: string, now: Date): Promise<boolean> {
  const created = await reads(ctx).insertOnce({
    _id: readId(notice._id, openid),
    noticeId: notice._id,
    communityId: notice.communityId,
    openid,
    readAt: now,
  })
  if (created) await notices(ctx).updateById(notice._id, { readCount: ctx._.inc(1) })
  return created
}
