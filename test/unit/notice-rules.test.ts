import type { NoticeDoc } from '../../types/index'
import {
  PUBLISH_GRACE_MS,
  checkExpiry,
  compareForFeed,
  decideEditModeration,
  decidePublish,
  decideUnpublish,
  excerpt,
  isVisibleToResidents,
  noticeState,
  residentFeed,
} from '../../cloudfunctions/notices/domain/notice-rules'

const now = new Date('2026-05-01T02:00:00.000Z') // 10:00 in Chengdu
const at = (ms: number) => new Date(now.getTime() + ms)
const MIN = 60_000
const DAY = 24 * 60 * MIN

function notice(fields: Partial<NoticeDoc> = {}): NoticeDoc {
  return {
    _id: 'n1',
    communityId: 'community-a',
    title: '标题',
    body: '正文',
    category: '通知',
    pinned: false,
    status: 'published',
    publishAt: at(-DAY),
    expiresAt: null,
    moderation: 'pass',
    readCount: 0,
    createdBy: 'staff-a',
    updatedBy: 'staff-a',
    createdAt: at(-2 * DAY),
    updatedAt: at(-2 * DAY),
    ...fields,
  }
}

describe('noticeState / visibility', () => {
  it('a draft is a draft whatever its dates', () => {
    expect(noticeState(notice({ status: 'draft', publishAt: null }), now)).toBe('draft')
    expect(noticeState(notice({ status: 'draft', publishAt: at(-DAY) }), now)).toBe('draft')
    expect(isVisibleToResidents(notice({ status: 'draft' }), now)).toBe(false)
  })
  it('published without publishAt counts as draft (never visible)', () => {
    expect(noticeState(notice({ publishAt: null }), now)).toBe('draft')
  })
  it('publishAt one millisecond ahead is scheduled; exactly now is live', () => {
    expect(noticeState(notice({ publishAt: at(1) }), now)).toBe('scheduled')
    expect(noticeState(notice({ publishAt: now }), now)).toBe('live')
    expect(isVisibleToResidents(notice({ publishAt: at(1) }), now)).toBe(false)
    expect(isVisibleToResidents(notice({ publishAt: now }), now)).toBe(true)
  })
  it('expires exactly at expiresAt', () => {
    expect(noticeState(notice({ expiresAt: at(1) }), now)).toBe('live')
    expect(noticeState(notice({ expiresAt: now }), now)).toBe('expired')
    expect(noticeState(notice({ expiresAt: at(-1) }), now)).toBe('expired')
    expect(isVisibleToResidents(notice({ expiresAt: now }), now)).toBe(false)
  })
  it('the minute before and after a scheduled time', () => {
    const n = notice({ publishAt: at(MIN) })
    expect(isVisibleToResidents(n, now)).toBe(false)
    expect(isVisibleToResidents(n, at(MIN))).toBe(true)
    expect(isVisibleToResidents(n, at(2 * MIN))).toBe(true)
  })
})

describe('feed order: pinned first, then newest', () => {
  it('orders pinned before unpinned, each newest first, stable on ties', () => {
    const list = [
      notice({ _id: 'old', publishAt: at(-3 * DAY) }),
      notice({ _id: 'pinned-old', pinned: true, publishAt: at(-9 * DAY) }),
      notice({ _id: 'new', publishAt: at(-1 * MIN) }),
      notice({ _id: 'pinned-new', pinned: true, publishAt: at(-DAY) }),
      notice({ _id: 'tie-b', publishAt: at(-2 * DAY) }),
      notice({ _id: 'tie-a', publishAt: at(-2 * DAY) }),
    ]
    expect([...list].sort(compareForFeed).map((n) => n._id)).toEqual(['pinned-new', 'pinned-old', 'new', 'tie-a', 'tie-b', 'old'])
  })
  it('residentFeed drops drafts, scheduled and expired, and honours the limit', () => {
    const list = [
      notice({ _id: 'live-1', publishAt: at(-DAY) }),
      notice({ _id: 'draft', status: 'draft', publishAt: null }),
      notice({ _id: 'scheduled', publishAt: at(MIN) }),
      notice({ _id: 'expired', expiresAt: at(-MIN) }),
      notice({ _id: 'live-2', publishAt: at(-MIN), pinned: true }),
      notice({ _id: 'live-3', publishAt: at(-2 * DAY) }),
    ]
    expect(residentFeed(list, now, 10).map((n) => n._id)).toEqual(['live-2', 'live-1', 'live-3'])
    expect(residentFeed(list, now, 2).map((n) => n._id)).toEqual(['live-2', 'live-1'])
  })
})

describe('checkExpiry', () => {
  it('accepts none, refuses past or now, refuses before publishAt', () => {
    expect(checkExpiry(null, null, now)).toBeNull()
    expect(checkExpiry(at(MIN), null, now)).toBeNull()
    expect(checkExpiry(now, null, now)?.code).toBe('NOTICE.INVALID_SCHEDULE')
    expect(checkExpiry(at(-MIN), null, now)?.code).toBe('NOTICE.INVALID_SCHEDULE')
    expect(checkExpiry(at(DAY), at(2 * DAY), now)?.code).toBe('NOTICE.INVALID_SCHEDULE')
    expect(checkExpiry(at(2 * DAY), at(2 * DAY), now)?.code).toBe('NOTICE.INVALID_SCHEDULE')
    expect(checkExpiry(at(3 * DAY), at(2 * DAY), now)).toBeNull()
  })
})

describe('decidePublish', () => {
  const draft = notice({ status: 'draft', publishAt: null })
  const staff = { mayOverrideReview: false }
  it('publishes a draft now', () => {
    expect(decidePublish(draft, undefined, now, staff)).toEqual({ publishAt: now })
  })
  it('schedules in the future, up to 90 days', () => {
    expect(decidePublish(draft, at(DAY), now, staff)).toEqual({ publishAt: at(DAY) })
    expect(decidePublish(draft, at(90 * DAY), now, staff)).toEqual({ publishAt: at(90 * DAY) })
    expect(decidePublish(draft, at(90 * DAY + 1), now, staff)).toMatchObject({ code: 'NOTICE.INVALID_SCHEDULE' })
  })
  it('a publishAt slightly in the past counts as now; further back is refused', () => {
    expect(decidePublish(draft, at(-PUBLISH_GRACE_MS), now, staff)).toEqual({ publishAt: now })
    expect(decidePublish(draft, at(-PUBLISH_GRACE_MS - 1), now, staff)).toMatchObject({ code: 'NOTICE.INVALID_SCHEDULE' })
  })
  it('re-schedules a scheduled notice but not a live or expired one', () => {
    expect(decidePublish(notice({ publishAt: at(DAY) }), at(2 * DAY), now, staff)).toEqual({ publishAt: at(2 * DAY) })
    expect(decidePublish(notice(), undefined, now, staff)).toMatchObject({ code: 'NOTICE.INVALID_STATE' })
    expect(decidePublish(notice({ expiresAt: at(-1) }), undefined, now, staff)).toMatchObject({ code: 'NOTICE.INVALID_STATE' })
  })
  it('refuses when the notice would expire before it goes out', () => {
    expect(decidePublish({ ...draft, expiresAt: at(DAY) }, at(DAY), now, staff)).toMatchObject({ code: 'NOTICE.INVALID_SCHEDULE' })
    expect(decidePublish({ ...draft, expiresAt: at(DAY) }, at(DAY - 1), now, staff)).toEqual({ publishAt: at(DAY - 1) })
  })
  it('text marked review: refused for staff, allowed for the district admin', () => {
    const review = { ...draft, moderation: 'review' as const }
    expect(decidePublish(review, undefined, now, staff)).toMatchObject({ code: 'CONTENT.REVIEW' })
    expect(decidePublish(review, undefined, now, { mayOverrideReview: true })).toEqual({ publishAt: now })
  })
})

describe('decideUnpublish / decideEditModeration', () => {
  it('unpublishes scheduled, live and expired notices, not drafts', () => {
    expect(decideUnpublish(notice(), now)).toBe(true)
    expect(decideUnpublish(notice({ publishAt: at(DAY) }), now)).toBe(true)
    expect(decideUnpublish(notice({ expiresAt: at(-1) }), now)).toBe(true)
    expect(decideUnpublish(notice({ status: 'draft', publishAt: null }), now)).toMatchObject({ code: 'NOTICE.INVALID_STATE' })
  })
  it('a review verdict is kept on drafts, refused on published notices unless overridden', () => {
    const draft = notice({ status: 'draft', publishAt: null })
    expect(decideEditModeration(draft, 'review', now, { mayOverrideReview: false })).toBe('review')
    expect(decideEditModeration(notice(), 'review', now, { mayOverrideReview: false })).toMatchObject({ code: 'CONTENT.REVIEW' })
    expect(decideEditModeration(notice({ publishAt: at(DAY) }), 'review', now, { mayOverrideReview: false })).toMatchObject({
      code: 'CONTENT.REVIEW',
    })
    expect(decideEditModeration(notice(), 'review', now, { mayOverrideReview: true })).toBe('review')
    expect(decideEditModeration(notice(), 'pass', now, { mayOverrideReview: false })).toBe('pass')
  })
})

describe('excerpt', () => {
  it('flattens whitespace and cuts by characters, not UTF-16 units', () => {
    expect(excerpt('第一行\n\n第二行  结束')).toBe('第一行 第二行 结束')
    expect(excerpt('一二三四五六', 3)).toBe('一二三…')
    expect(excerpt('😀😀😀😀', 2)).toBe('😀😀…')
    expect(excerpt('短', 3)).toBe('短')
  })
})
