import { noticesContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { residentFeed } from '../domain/notice-rules'
import { toNoticeSummary } from '../domain/notice-view'
import { canListNotices } from '../domain/permissions'
import { listFeedCandidates, readNoticeIds } from '../repo'

/** The community's live notices, pinned first then newest, with read counts and whether the caller has read each. */
export const listNotices = action(noticesContract.list, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canListNotices(viewer, input.communityId)) forbidden()
  const feed = residentFeed(await listFeedCandidates(ctx, input.communityId, ctx.now), ctx.now, input.limit ?? 20)
  const read = await readNoticeIds(
    ctx,
    feed.map((n) => n._id),
    ctx.openid,
  )
  return { notices: feed.map((n) => toNoticeSummary(n, viewer, ctx.now, read.has(n._id))) }
})
