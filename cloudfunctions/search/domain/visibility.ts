/**
 * Which hits of a search the caller may see (docs/decisions/0070, 0102). Search runs for readers of the community only
 * (members, its staff, the district admin) and over that community's documents, so what remains of each domain's
 * read rule is the document's own state — from types/visibility.ts, the rules the owning functions use — and who
 * manages the community or wrote the proposal. test/unit/search-visibility.test.ts holds these equal to the owning
 * functions' rules (isVisibleToResidents, canSeeEvent, canSeeProposal) for every viewer and state.
 */
import { isEventPublic, isListed, isVisibleToResidents, type EventDoc, type NoticeDoc, type ProposalDoc } from '../../../types/index'
import { canManageCommunity, type Viewer } from '../../_kernel/permissions'

export type NoticeHit = Pick<NoticeDoc, '_id' | 'communityId' | 'title' | 'body' | 'status' | 'publishAt' | 'expiresAt'>
export type EventHit = Pick<EventDoc, '_id' | 'communityId' | 'title' | 'description' | 'status' | 'moderation' | 'startAt'>
export type ProposalHit = Pick<
  ProposalDoc,
  '_id' | 'communityId' | 'title' | 'description' | 'isPublic' | 'hidden' | 'createdBy' | 'publishedAt' | 'createdAt'
>

/** Notices: live ones only, for staff too (a draft is found in 通知管理, not in search). */
export const canSeeNoticeHit = (n: Pick<NoticeHit, 'status' | 'publishAt' | 'expiresAt'>, now: Date): boolean =>
  isVisibleToResidents(n, now)

/** Events: out of draft; one waiting for the content check only for those who manage the community. */
export const canSeeEventHit = (viewer: Viewer, e: Pick<EventHit, 'communityId' | 'status' | 'moderation'>): boolean =>
  isEventPublic(e) || (e.status !== 'draft' && canManageCommunity(viewer, e.communityId))

/** Proposals: listed ones, the caller's own in any state, everything for those who manage the community. */
export const canSeeProposalHit = (viewer: Viewer, p: Pick<ProposalHit, 'communityId' | 'isPublic' | 'hidden' | 'createdBy'>): boolean =>
  isListed(p) || (viewer.openid !== '' && p.createdBy === viewer.openid) || canManageCommunity(viewer, p.communityId)
