import { noticesContract, type NoticeDoc } from '../../../types/index'
import { contentVerdict } from '../../_kernel/content-check'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { checkExpiry } from '../domain/notice-rules'
import { toNoticeView } from '../domain/notice-view'
import { canCreateNotice } from '../domain/permissions'
import { getCommunity, insertNotice } from '../repo'
import { toDate } from './load'
import { indexForSearch } from '../../_kernel/search-index'

/** Staff (or the district admin) write a draft. Risky text is refused; text for review is saved, marked `review`. */
export const createNotice = action(noticesContract.create, async (ctx, input) => {
  const [community, viewer] = await Promise.all([getCommunity(ctx, input.communityId), loadViewer(ctx, [input.communityId])])
  if (!canCreateNotice(viewer, input.communityId)) forbidden()
  if (!community) fail('COMMUNITY.NOT_FOUND', 'community not found')

  const expiresAt = toDate(input.expiresAt)
  const refusal = checkExpiry(expiresAt, null, ctx.now)
  if (refusal) fail(refusal.code, refusal.message)
  const moderation = contentVerdict(ctx) // 'review' → a draft only the district admin may publish

  const doc: Omit<NoticeDoc, '_id'> = {
    communityId: input.communityId,
    title: input.title,
    body: input.body,
    category: input.category,
    pinned: input.pinned ?? false,
    status: 'draft',
    publishAt: null,
    expiresAt,
    moderation,
    readCount: 0,
    createdBy: ctx.openid,
    updatedBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const notice = await insertNotice(ctx, doc)
  await indexForSearch(ctx, 'notice', notice)
  return toNoticeView(notice, viewer, ctx.now)
})
