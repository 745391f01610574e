import type { NoticeCategory, NoticeView } from 'types/notices'
import { inShanghai, toWallClock, type WallClock } from 'types/time'

type When = WallClock

/** A notice as the editor holds it: the contract's fields, times as Chengdu wall clocks, and the two switches. */
export type NoticeForm = {
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  schedule: boolean
  publishAt: When
  expires: boolean
  expiresAt: When
}

const split = toWallClock

export function emptyNoticeForm(): NoticeForm {
  const now = inShanghai(new Date())
  return {
    title: '',
    body: '',
    category: '通知',
    pinned: false,
    schedule: false,
    publishAt: split(now.add(1, 'hour').startOf('hour').toDate()),
    expires: false,
    expiresAt: split(now.add(7, 'day').toDate()),
  }
}

/** An existing notice, to edit. */
export function noticeFormOf(n: NoticeView): NoticeForm {
  const base = emptyNoticeForm()
  return {
    ...base,
    title: n.title,
    body: n.body,
    category: n.category,
    pinned: n.pinned,
    schedule: n.state === 'scheduled',
    publishAt: n.publishAt && n.state === 'scheduled' ? split(n.publishAt) : base.publishAt,
    expires: n.expiresAt !== null,
    expiresAt: n.expiresAt ? split(n.expiresAt) : base.expiresAt,
  }
}
