/**
 * What residents may see of a notice, an event or a proposal, decided from the document (and `now`) alone. Pure and
 * shared: the owning function's rules use these, and so does search (docs/decisions/0070, 0102), which shows a hit only
 * where the caller could open it — one rule in one place, not a copy per function.
 */
import type { EventDoc } from './events-documents'
import type { NoticeDoc, ProposalDoc } from './documents'
import type { NoticeState } from './notices'

type NoticeTiming = Pick<NoticeDoc, 'status' | 'publishAt' | 'expiresAt'>

/** draft | scheduled (published, publishAt > now) | live | expired (expiresAt ≤ now). */
export function noticeState(notice: NoticeTiming, now: Date): NoticeState {
  if (notice.status !== 'published' || !notice.publishAt) return 'draft'
  if (notice.publishAt.getTime() > now.getTime()) return 'scheduled'
  if (notice.expiresAt && notice.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'live'
}

/** What residents may see: published, publishAt ≤ now, not yet expired. */
export const isVisibleToResidents = (notice: NoticeTiming, now: Date): boolean => noticeState(notice, now) === 'live'

/** A proposal listed for residents: published at some point and not hidden by moderation. */
export const isListed = (p: Pick<ProposalDoc, 'isPublic' | 'hidden'>): boolean => p.isPublic && !p.hidden

/** An event residents may find: out of draft and through the content check (its managers see it either way). */
export const isEventPublic = (e: Pick<EventDoc, 'status' | 'moderation'>): boolean => e.status !== 'draft' && e.moderation === 'pass'
