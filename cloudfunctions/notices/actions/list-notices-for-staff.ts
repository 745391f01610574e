import { noticesContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { toNoticeSummary } from '../domain/notice-view'
import { canListForStaff } from '../domain/permissions'
import { listForStaff } from '../repo'

/** Every notice of a community — drafts, scheduled, live, expired — for its staff and the district admin. */
export const listNoticesForStaff = action(noticesContract.listForStaff, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canListForStaff(viewer, input.communityId)) forbidden()
  const notices = await listForStaff(ctx, input.communityId, input.limit ?? 50)
  return { notices: notices.map((n) => toNoticeSummary(n, viewer, ctx.now)) }
})
