/** Read models: stored notice + viewer + now → what the client gets (ISO instants, derived state, viewer.can*). */
import type { NoticeDoc, NoticeSummary, NoticeView } from '../../../types/index'
import type { Viewer } from '../../_kernel/permissions'
import { excerpt, noticeState } from './notice-rules'
import { canEditNotice, canPublishNotice, canUnpublishNotice } from './permissions'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

function common(notice: NoticeDoc, viewer: Viewer, now: Date, hasRead: boolean) {
  return {
    noticeId: notice._id,
    communityId: notice.communityId,
    title: notice.title,
    category: notice.category,
    pinned: notice.pinned,
    state: noticeState(notice, now),
    publishAt: iso(notice.publishAt),
    expiresAt: iso(notice.expiresAt),
    readCount: notice.readCount ?? 0,
    createdAt: notice.createdAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString(),
    moderation: notice.moderation,
    viewer: {
      hasRead,
      canEdit: canEditNotice(viewer, notice),
      canPublish: canPublishNotice(viewer, notice, now),
      canUnpublish: canUnpublishNotice(viewer, notice, now),
    },
  }
}

export function toNoticeView(notice: NoticeDoc, viewer: Viewer, now: Date, hasRead = false): NoticeView {
  return { ...common(notice, viewer, now, hasRead), body: notice.body }
}

export function toNoticeSummary(notice: NoticeDoc, viewer: Viewer, now: Date, hasRead = false): NoticeSummary {
  return { ...common(notice, viewer, now, hasRead), excerpt: excerpt(notice.body) }
}
