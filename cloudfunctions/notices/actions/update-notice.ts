import { noticesContract, type NoticeDoc } from '../../../types/index'
import { contentVerdict, moderationAfterEdit } from '../../_kernel/content-check'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { checkExpiry, decideEditModeration, noticeState } from '../domain/notice-rules'
import { toNoticeView } from '../domain/notice-view'
import { canEditNotice, mayOverrideReview } from '../domain/permissions'
import { updateNotice } from '../repo'
import { loadNoticeAndViewer, toDate } from './load'
import { indexForSearch } from '../../_kernel/search-index'

/** Edit any field of a notice of one's own community (drafts and published ones alike). */
export const updateNoticeAction = action(noticesContract.update, async (ctx, input) => {
  const { notice, viewer } = await loadNoticeAndViewer(ctx, input.noticeId)
  if (!canEditNotice(viewer, notice)) forbidden()

  const changes: Partial<NoticeDoc> = {}
  if (input.title !== undefined) changes.title = input.title
  if (input.body !== undefined) changes.body = input.body
  if (input.category !== undefined) changes.category = input.category
  if (input.pinned !== undefined) changes.pinned = input.pinned
  if (input.expiresAt !== undefined) {
    const expiresAt = toDate(input.expiresAt)
    const refusal = checkExpiry(expiresAt, noticeState(notice, ctx.now) === 'draft' ? null : notice.publishAt, ctx.now)
    if (refusal) fail(refusal.code, refusal.message)
    changes.expiresAt = expiresAt
  }
  const textChanged =
    (changes.title !== undefined && changes.title !== notice.title) || (changes.body !== undefined && changes.body !== notice.body)
  if (textChanged) {
    const verdict = moderationAfterEdit(contentVerdict(ctx), notice.moderation, input.title === undefined || input.body === undefined)
    changes.moderation = orFail(decideEditModeration(notice, verdict, ctx.now, { mayOverrideReview: mayOverrideReview(viewer) }))
  }
  changes.updatedAt = ctx.now
  changes.updatedBy = ctx.openid
  await updateNotice(ctx, notice._id, changes)
  await indexForSearch(ctx, 'notice', { ...notice, ...changes })
  return toNoticeView({ ...notice, ...changes }, viewer, ctx.now)
})
