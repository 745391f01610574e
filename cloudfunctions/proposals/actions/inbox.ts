import { proposalsContract } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { countUnread, getInboxItem, listInbox, markInboxRead } from '../repo'

/** The caller's in-app inbox (answers, outcomes, review results), newest first, with the unread count. */
export const inbox = action(proposalsContract.inbox, async (ctx, input) => {
  const [items, unread] = await Promise.all([listInbox(ctx, ctx.openid, input.limit ?? 30), countUnread(ctx, ctx.openid)])
  return {
    items: items.map((m) => ({
      inboxId: m._id,
      kind: m.kind,
      communityId: m.communityId,
      title: m.title,
      body: m.body,
      page: m.page,
      read: m.read,
      createdAt: m.createdAt.toISOString(),
    })),
    unread,
  }
})

/** Mark one of the caller's messages read. Someone else's message does not exist for them. */
export const markRead = action(proposalsContract.markRead, async (ctx, input) => {
  const item = await getInboxItem(ctx, input.inboxId)
  if (!item || item.openid !== ctx.openid) fail('INBOX.NOT_FOUND', 'no such message')
  await markInboxRead(ctx, item._id, ctx.openid, ctx.now)
  return { unread: await countUnread(ctx, ctx.openid) }
})
