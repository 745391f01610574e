import { noticesContract } from '../../../types/index'
import { forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCommunity } from '../../_kernel/permissions'
import { decidePublish } from '../domain/notice-rules'
import { toNoticeView } from '../domain/notice-view'
import { mayOverrideReview } from '../domain/permissions'
import { updateNotice } from '../repo'
import { loadNoticeAndViewer } from './load'

/**
 * Publish now, or schedule (publishAt in the future). Visibility is computed from publishAt at read time,
 * so no timer is needed to "go live".
 */
export const publishNotice = action(noticesContract.publish, async (ctx, input) => {
  const { notice, viewer } = await loadNoticeAndViewer(ctx, input.noticeId)
  if (!canManageCommunity(viewer, notice.communityId)) forbidden()
  const requested = input.publishAt ? new Date(input.publishAt) : undefined
  const { publishAt } = orFail(decidePublish(notice, requested, ctx.now, { mayOverrideReview: mayOverrideReview(viewer) }))
  const changes = { status: 'published' as const, publishAt, updatedAt: ctx.now, updatedBy: ctx.openid }
  await updateNotice(ctx, notice._id, changes)
  return toNoticeView({ ...notice, ...changes }, viewer, ctx.now)
})
