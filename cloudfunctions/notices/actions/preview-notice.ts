import { noticesContract, previewText } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { isVisibleToResidents } from '../domain/notice-rules'
import { getNotice } from '../repo'

/**
 * A shared notice for anyone signed in, member or not: a live notice's title, the start of its text and when it was
 * published — what the community's residents already read. Drafts, scheduled and expired notices do not exist here.
 * Not a read: the read count is the members' (notices.get).
 */
export const previewNotice = action(noticesContract.preview, async (ctx, input) => {
  const notice = await getNotice(ctx, input.noticeId)
  if (!notice || !isVisibleToResidents(notice, ctx.now)) fail('NOTICE.NOT_FOUND', 'notice not found')
  return {
    kind: 'notice' as const,
    communityId: notice.communityId,
    title: notice.title,
    text: previewText(notice.body),
    at: notice.publishAt ? notice.publishAt.toISOString() : null,
    place: null,
    supportsNeeded: null,
    progress: null,
  }
})
