import { noticesContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCommunity, canReadCommunity } from '../../_kernel/permissions'
import { isVisibleToResidents } from '../domain/notice-rules'
import { toNoticeView } from '../domain/notice-view'
import { canSeeNotice } from '../domain/permissions'
import { recordRead } from '../repo'
import { loadNoticeAndViewer } from './load'

/**
 * One notice. Reading a live notice counts the caller's read once (ever) — residents' reads only: staff opening
 * it in the editor are not readers. Drafts and scheduled notices are visible to managers only; to everyone else
 * they do not exist.
 */
export const getNotice = action(noticesContract.get, async (ctx, input) => {
  const { notice, viewer } = await loadNoticeAndViewer(ctx, input.noticeId)
  if (!canReadCommunity(viewer, notice.communityId) && !canManageCommunity(viewer, notice.communityId)) forbidden()
  if (!canSeeNotice(viewer, notice, ctx.now)) fail('NOTICE.NOT_FOUND', 'notice not found')
  if (!isVisibleToResidents(notice, ctx.now) || canManageCommunity(viewer, notice.communityId)) {
    return toNoticeView(notice, viewer, ctx.now, false)
  }
  const counted = await recordRead(ctx, notice, ctx.openid, ctx.now)
  return toNoticeView({ ...notice, readCount: (notice.readCount ?? 0) + (counted ? 1 : 0) }, viewer, ctx.now, true)
})
