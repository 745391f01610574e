/**
 * Who may do what with notices. Used both to authorize actions and to fill `viewer.can*` in read models.
 *  - staff of the notice's community and the district admin manage (create, edit, publish, unpublish, see drafts);
 *  - members of the community (and the district admin) read live notices;
 *  - staff of another community are plain outsiders here: no drafts, no edits, no reads.
 *  - text the content check marked `review` can be published only by the district admin.
 */
import type { NoticeDoc } from '../../../types/index'
import { canManageCommunity, canReadCommunity, type Viewer } from '../../_kernel/permissions'
import { noticeState } from './notice-rules'

type NoticeLike = Pick<NoticeDoc, 'communityId' | 'status' | 'publishAt' | 'expiresAt' | 'moderation'>

export const canCreateNotice = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canListNotices = (viewer: Viewer, communityId: string) => canReadCommunity(viewer, communityId)
export const canListForStaff = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const mayOverrideReview = (viewer: Viewer) => viewer.isDistrictAdmin

export const canEditNotice = (viewer: Viewer, notice: NoticeLike) => canManageCommunity(viewer, notice.communityId)

export function canPublishNotice(viewer: Viewer, notice: NoticeLike, now: Date): boolean {
  if (!canManageCommunity(viewer, notice.communityId)) return false
  const state = noticeState(notice, now)
  return (state === 'draft' || state === 'scheduled') && (notice.moderation === 'pass' || mayOverrideReview(viewer))
}

export function canUnpublishNotice(viewer: Viewer, notice: NoticeLike, now: Date): boolean {
  return canManageCommunity(viewer, notice.communityId) && noticeState(notice, now) !== 'draft'
}

/** Managers see every state; readers only live notices. */
export function canSeeNotice(viewer: Viewer, notice: NoticeLike, now: Date): boolean {
  if (canManageCommunity(viewer, notice.communityId)) return true
  return canReadCommunity(viewer, notice.communityId) && noticeState(notice, now) === 'live'
}
