/**
 * Who may do what with proposals, comments and projects. The same functions authorize actions (`may*`: the role part,
 * a refusal is AUTH.FORBIDDEN) and fill `viewer.can*` in read models (`can*`: the role part AND the state allows it).
 *  - members of the community submit, support, comment and report; the author edits (before review) and withdraws;
 *  - except a child's account: children's voices go through the council (儿童议事会, docs/decisions/0033), so a child
 *    reads the forum but does not submit, support, comment or report (AUTH.CHILD_NOT_ALLOWED, `childRefusal`); it may
 *    still take back a support or withdraw a proposal it made before this rule;
 *  - staff of the community and the district admin review, answer, build projects, moderate and change settings;
 *  - residents see listed proposals (published at some point, not hidden); authors also see their own in any state;
 *    staff see everything of their community; staff of another community are outsiders (AUTH.FORBIDDEN).
 */
import type { ProposalCommentDoc, ProposalDoc } from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'
import { canManageCommunity, canReadCommunity, isMemberOf, type Viewer } from '../../_kernel/permissions'
import { allowed, decideReport, decideSupport, isListed, supportOpen } from './proposal-rules'

type P = Pick<ProposalDoc, 'communityId' | 'createdBy' | 'status' | 'supportCount' | 'isPublic' | 'hidden' | 'hiddenBy' | 'supportUntil'>

export const canReadProposals = (viewer: Viewer, communityId: string) => canReadCommunity(viewer, communityId)
export const canManageProposals = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)
export const canSubmitProposal = (viewer: Viewer, communityId: string) => isMemberOf(viewer, communityId) && !viewer.isChild

/** A child's account takes no part in the adult forum (0033): asked before the role check, so the answer says why. */
export function childRefusal(viewer: Pick<Viewer, 'isChild'>): Refusal | null {
  return viewer.isChild ? { code: 'AUTH.CHILD_NOT_ALLOWED', message: "children's proposals go through the council" } : null
}

/** Names that reach readers: a child's own account never appears under its nickname (0033). */
export const CHILD_AUTHOR_NAME = '一位小朋友'
export const canEditSettings = (viewer: Viewer, communityId: string) => canManageCommunity(viewer, communityId)

export const isAuthor = (viewer: Viewer, p: Pick<ProposalDoc, 'createdBy'>) => viewer.openid !== '' && p.createdBy === viewer.openid

/** Whether the proposal exists for this viewer at all (else PROPOSAL.NOT_FOUND, after the community check). */
export function canSeeProposal(viewer: Viewer, p: P): boolean {
  if (canManageProposals(viewer, p.communityId)) return true
  if (!canReadProposals(viewer, p.communityId)) return false
  return isAuthor(viewer, p) || isListed(p)
}

// Role parts (refusal = AUTH.FORBIDDEN)
export const mayEditProposal = (viewer: Viewer, p: P) => isAuthor(viewer, p) && isMemberOf(viewer, p.communityId)
export const mayParticipate = (viewer: Viewer, p: P) => isMemberOf(viewer, p.communityId) && !viewer.isChild
/** Taking a support back stays open to a child who supported before 0033. */
export const mayTakeBackSupport = (viewer: Viewer, p: P) => isMemberOf(viewer, p.communityId)
export const mayModerate = (viewer: Viewer, p: Pick<ProposalDoc, 'communityId'>) => canManageProposals(viewer, p.communityId)

// Role and state (viewer.can*)
export const canUpdate = (viewer: Viewer, p: P) => mayEditProposal(viewer, p) && allowed(p, 'update')
export const canWithdraw = (viewer: Viewer, p: P) => mayEditProposal(viewer, p) && allowed(p, 'withdraw')
export const canSupport = (viewer: Viewer, p: P, now: Date, supported: boolean) =>
  mayParticipate(viewer, p) && !supported && decideSupport(p, now, isAuthor(viewer, p)) === true
export const canUnsupport = (viewer: Viewer, p: P, now: Date, supported: boolean) =>
  mayTakeBackSupport(viewer, p) && supported && supportOpen(p, now)
/** Comments on listed proposals that are still alive (not withdrawn). */
export const canComment = (viewer: Viewer, p: P) => mayParticipate(viewer, p) && isListed(p) && p.status !== 'withdrawn'
export const canReport = (viewer: Viewer, p: P) =>
  mayParticipate(viewer, p) && decideReport({ hidden: p.hidden, listed: isListed(p) }, isAuthor(viewer, p)) === true
export const canReview = (viewer: Viewer, p: P) => mayModerate(viewer, p) && allowed(p, 'publish')
export const canAnswer = (viewer: Viewer, p: P) => mayModerate(viewer, p) && (allowed(p, 'evaluate') || allowed(p, 'accept'))
export const canCreateProject = (viewer: Viewer, p: P) => mayModerate(viewer, p) && allowed(p, 'startProject')
/** Staff hide what was ever listed (and is not already hidden by their own decision). */
export const canHide = (viewer: Viewer, p: P) => mayModerate(viewer, p) && p.isPublic && !(p.hidden && p.hiddenBy === 'staff')
export const canUnhide = (viewer: Viewer, p: P) => mayModerate(viewer, p) && p.hidden

// Comments
type C = Pick<ProposalCommentDoc, 'communityId' | 'createdBy' | 'moderation' | 'hidden'>
export const isCommentVisible = (c: Pick<ProposalCommentDoc, 'moderation' | 'hidden'>) => c.moderation === 'pass' && !c.hidden
/** `byChild`: written by a child's account before 0033, published without staff review — staff and its author only. */
export function canSeeComment(viewer: Viewer, c: C, byChild = false): boolean {
  if (canManageProposals(viewer, c.communityId)) return true
  if (!canReadProposals(viewer, c.communityId)) return false
  return c.createdBy === viewer.openid || (isCommentVisible(c) && !byChild)
}
export const canReportComment = (viewer: Viewer, c: C) =>
  isMemberOf(viewer, c.communityId) &&
  !viewer.isChild &&
  decideReport({ hidden: c.hidden, listed: isCommentVisible(c) }, c.createdBy === viewer.openid) === true
export const canHideComment = (viewer: Viewer, c: C) =>
  canManageProposals(viewer, c.communityId) && (c.moderation === 'review' || !c.hidden)
export const canUnhideComment = (viewer: Viewer, c: C) =>
  canManageProposals(viewer, c.communityId) && (c.moderation === 'review' || c.hidden)

// Projects
export const canManageProject = (viewer: Viewer, project: { communityId: string; status: string }) =>
  canManageProposals(viewer, project.communityId) && project.status === 'active'
