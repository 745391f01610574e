/** Loading shared by the notice actions: the notice (or NOTICE.NOT_FOUND) and the caller as a viewer of its community. */
import type { NoticeDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { loadViewer } from '../../_kernel/viewer'
import { getNotice } from '../repo'

export async function loadNoticeAndViewer(ctx: Context, noticeId: string): Promise<{ notice: NoticeDoc; viewer: Viewer }> {
  const notice = await getNotice(ctx, noticeId)
  if (!notice) fail('NOTICE.NOT_FOUND', 'notice not found')
  const viewer = await loadViewer(ctx, [notice.communityId])
  return { notice, viewer }
}

export const toDate = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null)
