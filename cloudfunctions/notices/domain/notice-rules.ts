/** Pure rules about notices: state, visibility, ordering, scheduling, moderation. Every function takes `now`. */
import { NOTICE_MAX_SCHEDULE_DAYS, isVisibleToResidents, noticeState, type NoticeDoc, type NoticeModeration } from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'

type Timing = Pick<NoticeDoc, 'status' | 'publishAt' | 'expiresAt'>

const DAY_MS = 24 * 60 * 60 * 1000
/** A publishAt this close in the past counts as "now" (clock skew between phone and cloud). */
export const PUBLISH_GRACE_MS = 5 * 60 * 1000

// noticeState (draft | scheduled | live | expired) and isVisibleToResidents live in types/visibility.ts: search
// decides what it may show with the same rule (0102).
export { isVisibleToResidents, noticeState }

/** Pinned first, then newest publishAt first; ties by _id so the order is stable. */
export function compareForFeed(
  a: Pick<NoticeDoc, '_id' | 'pinned' | 'publishAt'>,
  b: Pick<NoticeDoc, '_id' | 'pinned' | 'publishAt'>,
): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1
  const at = a.publishAt?.getTime() ?? 0
  const bt = b.publishAt?.getTime() ?? 0
  if (at !== bt) return bt - at
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
}

/** The residents' feed from candidate notices: visible ones only, in feed order, at most `limit`. */
export function residentFeed<T extends NoticeDoc>(notices: T[], now: Date, limit: number): T[] {
  return notices
    .filter((n) => isVisibleToResidents(n, now))
    .sort(compareForFeed)
    .slice(0, limit)
}

/** An expiry chosen while creating or editing: must be in the future and after the publish time. */
export function checkExpiry(expiresAt: Date | null, publishAt: Date | null, now: Date): Refusal | null {
  if (!expiresAt) return null
  if (expiresAt.getTime() <= now.getTime()) return { code: 'NOTICE.INVALID_SCHEDULE', message: 'expiresAt must be in the future' }
  if (publishAt && expiresAt.getTime() <= publishAt.getTime()) {
    return { code: 'NOTICE.INVALID_SCHEDULE', message: 'expiresAt must be after publishAt' }
  }
  return null
}

/**
 * Publishing now (requested undefined) or at a time. Allowed from draft or scheduled (re-scheduling).
 * Returns the effective publishAt, or a refusal.
 */
export function decidePublish(
  notice: Timing & { moderation: NoticeModeration },
  requested: Date | undefined,
  now: Date,
  options: { mayOverrideReview: boolean },
): { publishAt: Date } | Refusal {
  const state = noticeState(notice, now)
  if (state !== 'draft' && state !== 'scheduled') return { code: 'NOTICE.INVALID_STATE', message: `cannot publish a ${state} notice` }
  if (notice.moderation === 'review' && !options.mayOverrideReview) {
    return { code: 'CONTENT.REVIEW', message: 'the text needs review by the district before publishing' }
  }
  let publishAt = requested ?? now
  if (publishAt.getTime() < now.getTime() - PUBLISH_GRACE_MS)
    return { code: 'NOTICE.INVALID_SCHEDULE', message: 'publishAt is in the past' }
  if (publishAt.getTime() < now.getTime()) publishAt = now
  if (publishAt.getTime() > now.getTime() + NOTICE_MAX_SCHEDULE_DAYS * DAY_MS) {
    return { code: 'NOTICE.INVALID_SCHEDULE', message: `publishAt more than ${NOTICE_MAX_SCHEDULE_DAYS} days ahead` }
  }
  if (notice.expiresAt && notice.expiresAt.getTime() <= publishAt.getTime()) {
    return { code: 'NOTICE.INVALID_SCHEDULE', message: 'the notice would expire before it is published' }
  }
  return { publishAt }
}

/** Unpublishing takes a scheduled, live or expired notice back to draft. */
export function decideUnpublish(notice: Timing, now: Date): true | Refusal {
  return noticeState(notice, now) === 'draft' ? { code: 'NOTICE.INVALID_STATE', message: 'the notice is not published' } : true
}

/**
 * Editing the text: a `review` verdict is kept on a draft (it cannot be published until the district admin does it),
 * but refused for a notice that is already out, unless the editor may override review.
 */
export function decideEditModeration(
  notice: Timing,
  verdict: NoticeModeration,
  now: Date,
  options: { mayOverrideReview: boolean },
): NoticeModeration | Refusal {
  if (verdict === 'review' && noticeState(notice, now) !== 'draft' && !options.mayOverrideReview) {
    return { code: 'CONTENT.REVIEW', message: 'edited text needs review; unpublish first or ask the district' }
  }
  return verdict
}

/** The first characters of a body, on one line, for lists. */
export function excerpt(body: string, max = 60): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return [...flat].length <= max ? flat : `${[...flat].slice(0, max).join('')}…`
}
