import { COLLECTIONS, proposalsContract } from '../../../types/index'
import { collection } from '../../_kernel/data'
import { action } from '../../_kernel/router'
import { countUnread } from '../repo'

/** The caller's unread count, for the badge on the 我的 tab and on 我的消息 (one indexed count: inbox_unread). */
export const unreadCount = action(proposalsContract.unreadCount, async (ctx) => ({ unread: await countUnread(ctx, ctx.openid) }))

/**
 * 全部已读: one conditional update over the caller's unread messages (`read: false` is part of the filter, so a
 * message read meanwhile is not written twice and its readAt stays the first one). A message delivered while this
 * runs either matched (and is read) or arrives after (and counts as unread) — never half-written.
 */
export const markAllRead = action(proposalsContract.markAllRead, async (ctx) => {
  await collection(ctx.db, COLLECTIONS.inbox).update({ openid: ctx.openid, read: false }, { read: true, readAt: ctx.now })
  return { unread: await countUnread(ctx, ctx.openid) }
})
