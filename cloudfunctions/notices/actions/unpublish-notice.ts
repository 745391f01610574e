import { noticesContract } from '../../../types/index'
import { forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCommunity } from '../../_kernel/permissions'
import { decideUnpublish } from '../domain/notice-rules'
import { toNoticeView } from '../domain/notice-view'
import { updateNotice } from '../repo'
import { loadNoticeAndViewer } from './load'

/** Take a scheduled, live or expired notice back to draft (its read count is kept). */
export const unpublishNotice = action(noticesContract.unpublish, async (ctx, input) => {
  const { notice, viewer } = await loadNoticeAndViewer(ctx, input.noticeId)
  if (!canManageCommunity(viewer, notice.communityId)) forbidden()
  orFail(decideUnpublish(notice, ctx.now))
  const changes = { status: 'draft' as const, publishAt: null, updatedAt: ctx.now, updatedBy: ctx.openid }
  await updateNotice(ctx, notice._id, changes)
  return toNoticeView({ ...notice, ...changes }, viewer, ctx.now)
})
