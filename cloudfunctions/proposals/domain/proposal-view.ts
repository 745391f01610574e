/**
 * Read models: stored documents + viewer + now → what the client gets. Privacy lives here: an author is shown by the
 * name stored at submission (a nickname, or 居民 when anonymous) and not at all once the proposal is withdrawn;
 * no openid ever leaves through these functions. Review reasons (returned / refused) reach only the author and staff.
 */
import type {
  CommentView,
  ProjectDoc,
  ProjectSummary,
  ProjectView,
  ProposalCommentDoc,
  ProposalDoc,
  ProposalSettings,
  ProposalSettingsView,
  ProposalSummary,
  ProposalView,
  TimelineEntry,
} from '../../../types/index'
import type { Viewer } from '../../_kernel/permissions'
import * as can from './permissions'
import { COUNCIL_AUTHOR_NAME } from './proposal-document'
import { excerpt, isOverdue, supportOpen } from './proposal-rules'

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

/**
 * The author's name as readers see it: none once withdrawn; a proposal a child's own account submitted (before 0033
 * such accounts could, the nickname copied at write time) is shown as 一位小朋友, never by that nickname; the council's
 * hand-offs keep 儿童议事会.
 */
export function publicAuthorName(p: Pick<ProposalDoc, 'status' | 'authorName' | 'authorIsChild'>): string | null {
  if (p.status === 'withdrawn') return null
  return p.authorIsChild && p.authorName !== COUNCIL_AUTHOR_NAME ? can.CHILD_AUTHOR_NAME : p.authorName
}

export function toProposalSummary(
  p: ProposalDoc,
  viewer: Viewer,
  now: Date,
  settings: ProposalSettings,
  supported: boolean,
): ProposalSummary {
  return {
    proposalId: p._id,
    communityId: p.communityId,
    title: p.title,
    excerpt: excerpt(p.description),
    category: p.category,
    status: p.status,
    place: p.place ?? null,
    authorName: publicAuthorName(p),
    supportCount: Math.max(0, p.supportCount ?? 0),
    commentCount: Math.max(0, p.commentCount ?? 0),
    photoCount: p.photos?.length ?? 0,
    threshold: settings.supportThreshold,
    thresholdReached: p.thresholdReachedAt !== null && p.thresholdReachedAt !== undefined,
    supportUntil: iso(p.supportUntil),
    supportOpen: supportOpen(p, now),
    answerDueAt: iso(p.answerDueAt),
    overdue: isOverdue(p, now),
    hidden: p.hidden,
    moderation: p.moderation,
    createdAt: p.createdAt.toISOString(),
    publishedAt: iso(p.publishedAt),
    updatedAt: p.updatedAt.toISOString(),
    viewer: { isAuthor: can.isAuthor(viewer, p), supported },
  }
}

const TIMELINE_TITLE: Record<TimelineEntry['kind'], string> = {
  submitted: '提交建议',
  resubmitted: '修改后重新提交',
  returned: '退回修改',
  refused: '未通过审核',
  published: '公示，开始征集附议',
  withdrawn: '作者撤回',
  threshold: '附议达标',
  answered: '社区答复',
  project: '纳入项目',
  progress: '项目进展',
  completed: '办结',
}

/** The proposal's own history plus its project's progress entries, oldest first. */
export function timelineOf(p: ProposalDoc, project: ProjectDoc | null, privateToo: boolean, urls: Map<string, string>): TimelineEntry[] {
  const own: TimelineEntry[] = (p.timeline ?? [])
    .filter((e) => privateToo || e.audience === 'public')
    .map((e) => ({ at: e.at.toISOString(), kind: e.kind, title: TIMELINE_TITLE[e.kind], text: e.text, progress: null, photoUrl: null }))
  const fromProject: TimelineEntry[] = (project?.timeline ?? [])
    .filter((e) => !project?.completedAt || e.at.getTime() !== project.completedAt.getTime())
    .map((e) => ({
      at: e.at.toISOString(),
      kind: 'progress',
      title: TIMELINE_TITLE.progress,
      text: e.text,
      progress: e.progress,
      photoUrl: e.photo ? urls.get(e.photo) || null : null,
    }))
  return [...own, ...fromProject].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/** `byChild`: written by a child's own account (before 0033) — never shown by its nickname. */
export function toCommentView(c: ProposalCommentDoc, viewer: Viewer, byChild = false): CommentView {
  return {
    commentId: c._id,
    proposalId: c.proposalId,
    authorName: byChild ? can.CHILD_AUTHOR_NAME : c.authorName,
    body: c.body,
    moderation: c.moderation,
    hidden: c.hidden,
    createdAt: c.createdAt.toISOString(),
    viewer: {
      isAuthor: c.createdBy === viewer.openid,
      canReport: can.canReportComment(viewer, c),
      canHide: can.canHideComment(viewer, c),
      canUnhide: can.canUnhideComment(viewer, c),
    },
  }
}

export function toProjectSummary(project: ProjectDoc): ProjectSummary {
  return {
    projectId: project._id,
    communityId: project.communityId,
    title: project.title,
    owner: project.owner,
    progress: project.progress,
    status: project.status,
    dueDate: project.dueDate,
    cost: project.cost,
    proposalCount: project.proposalIds.length,
    outcome: project.outcome?.text ?? null,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
    completedAt: iso(project.completedAt),
  }
}

export function toProposalView(
  p: ProposalDoc,
  viewer: Viewer,
  now: Date,
  settings: ProposalSettings,
  extra: {
    supported: boolean
    comments: ProposalCommentDoc[]
    project: ProjectDoc | null
    urls: Map<string, string>
    childAuthors?: ReadonlySet<string>
  },
): ProposalView {
  const staffOrAuthor = can.mayModerate(viewer, p) || can.isAuthor(viewer, p)
  const { supported } = extra
  return {
    ...toProposalSummary(p, viewer, now, settings, supported),
    description: p.description,
    photos: (p.photos ?? []).map((fileId) => ({ fileId, url: extra.urls.get(fileId) ?? '' })),
    review: staffOrAuthor && p.review ? { decision: p.review.decision, reason: p.review.reason, at: p.review.at.toISOString() } : null,
    answer: p.answer
      ? {
          decision: p.answer.decision,
          explanation: p.answer.explanation,
          cost: p.answer.cost,
          dueDate: p.answer.dueDate,
          answeredAt: p.answer.answeredAt.toISOString(),
        }
      : null,
    project: extra.project ? toProjectSummary(extra.project) : null,
    timeline: timelineOf(p, extra.project, staffOrAuthor, extra.urls),
    comments: extra.comments
      .filter((c) => can.canSeeComment(viewer, c, extra.childAuthors?.has(c.createdBy)))
      .map((c) => toCommentView(c, viewer, extra.childAuthors?.has(c.createdBy))),
    viewer: {
      isAuthor: can.isAuthor(viewer, p),
      supported,
      canUpdate: can.canUpdate(viewer, p),
      canWithdraw: can.canWithdraw(viewer, p),
      canSupport: can.canSupport(viewer, p, now, supported),
      canUnsupport: can.canUnsupport(viewer, p, now, supported),
      canComment: can.canComment(viewer, p),
      canReport: can.canReport(viewer, p),
      canReview: can.canReview(viewer, p),
      canAnswer: can.canAnswer(viewer, p),
      canCreateProject: can.canCreateProject(viewer, p),
      canHide: can.canHide(viewer, p),
      canUnhide: can.canUnhide(viewer, p),
    },
  }
}

export function toProjectView(project: ProjectDoc, proposals: ProposalDoc[], viewer: Viewer, urls: Map<string, string>): ProjectView {
  const byId = new Map(proposals.map((p) => [p._id, p]))
  return {
    ...toProjectSummary(project),
    summary: project.summary,
    proposals: project.proposalIds.flatMap((id) => {
      const p = byId.get(id)
      return p ? [{ proposalId: p._id, title: p.title, category: p.category, status: p.status }] : []
    }),
    timeline: project.timeline.map((e) => ({
      at: e.at.toISOString(),
      text: e.text,
      progress: e.progress,
      photoUrl: e.photo ? urls.get(e.photo) || null : null,
    })),
    outcomePhotos: (project.outcome?.photos ?? []).map((fileId) => ({ fileId, url: urls.get(fileId) ?? '' })),
    viewer: { canUpdate: can.canManageProject(viewer, project), canComplete: can.canManageProject(viewer, project) },
  }
}

export function toSettingsView(communityId: string, settings: ProposalSettings, viewer: Viewer): ProposalSettingsView {
  return {
    communityId,
    ...settings,
    categories: [...settings.categories],
    viewer: {
      canSubmit: can.canSubmitProposal(viewer, communityId),
      canEdit: can.canEditSettings(viewer, communityId),
      canManage: can.canManageProposals(viewer, communityId),
    },
  }
}
