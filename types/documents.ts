/**
 * Stored document shapes (what the cloud database holds). Not sent to clients as is — functions map them to the
 * read models in communities.ts / notices.ts. Instants are Dates. Field names: createdAt, updatedAt, createdBy, communityId.
 */
import type { CommunityRole } from './communities'
import type { NoticeCategory, NoticeModeration, NoticeStatus } from './notices'
import type { AnswerDecision, InboxKind, ProjectStatus, ProposalStatus, ReviewDecision, ReviewMode } from './proposals-base'

export interface CommunityDoc {
  _id: string
  code: string
  name: string
  district: string
  street: string
  memberCount: number
  posterFileId: string | null
  createdAt: Date
  updatedAt: Date
}

/** `_id` = openid. */
export interface PersonDoc {
  _id: string
  nickname: string | null
  avatarFileId: string | null
  isDistrictAdmin: boolean
  /** a child's own identity (linked from a guardian's children record) */
  isChild: boolean
  createdAt: Date
  updatedAt: Date
}

/** `_id` = `${communityId}_${openid}`: one membership per person and community. */
export interface MembershipDoc {
  _id: string
  communityId: string
  openid: string
  role: CommunityRole
  joinedAt: Date
  createdAt: Date
  updatedAt: Date
}

/** A child linked by a guardian: alias and birth year only. */
export interface ChildDoc {
  _id: string
  guardianOpenid: string
  communityId: string
  alias: string
  birthYear: number
  /** the child's own openid when the child has one (demo-child); null otherwise */
  openid: string | null
  /** when the child's own account was linked, and by whose confirmation (the guardian's openid); absent until then */
  accountLinkedAt?: Date
  accountLinkedBy?: string
  createdAt: Date
  updatedAt: Date
}

/**
 * `_id` = the child's own openid: one WeChat account is linked to at most one child. Written in the same transaction
 * that sets `children.openid` (the one source of truth for "whose account is this"); this record only guards the
 * uniqueness — a unique index on `children.openid` would collide on every unlinked child (null), as in MongoDB.
 */
export interface ChildAccountDoc {
  _id: string
  childId: string
  communityId: string
  linkedAt: Date
  /** the guardian who confirmed the link (their code) */
  linkedBy: string
}

/** A one-time code a guardian creates so their child's own WeChat account can be linked. `_id` is the code. */
export interface ChildLinkDoc {
  _id: string
  childId: string
  communityId: string
  guardianOpenid: string
  createdAt: Date
  expiresAt: Date
}

export interface NoticeDoc {
  _id: string
  communityId: string
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  status: NoticeStatus
  /** when a published notice becomes visible; null for drafts */
  publishAt: Date | null
  expiresAt: Date | null
  moderation: NoticeModeration
  readCount: number
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
}

/** `_id` = `${noticeId}_${openid}`: counts a person's read once. */
export interface NoticeReadDoc {
  _id: string
  noticeId: string
  communityId: string
  openid: string
  readAt: Date
}

// ---------- proposals (issue 5) ----------

/** An event in a proposal's history. `audience: 'private'` entries (return and refusal reasons) only reach the author and staff. */
export interface ProposalTimelineDoc {
  at: Date
  kind:
    'submitted' | 'resubmitted' | 'returned' | 'refused' | 'published' | 'withdrawn' | 'threshold' | 'answered' | 'project' | 'completed'
  text: string | null
  audience: 'public' | 'private'
}

export interface ProposalDoc {
  _id: string
  communityId: string
  title: string
  description: string
  category: string
  place: string | null
  /** cloud fileIDs, at most 3 */
  photos: string[]
  anonymous: boolean
  /** what public views show: the nickname at submission, or 居民 (anonymous / no nickname). Never an openid. */
  authorName: string
  authorIsChild: boolean
  status: ProposalStatus
  /** true from publication on (withdrawn ones stay listed, without their author); false while never published */
  isPublic: boolean
  hidden: boolean
  hiddenBy: 'reports' | 'staff' | null
  reportCount: number
  /** content-check verdict of the text ('review' waits for staff whatever the community's review mode) */
  moderation: 'pass' | 'review'
  supportCount: number
  commentCount: number
  supportUntil: Date | null
  /** set once, by the support that crossed the threshold (conditional update) */
  thresholdReachedAt: Date | null
  answerDueAt: Date | null
  review: { decision: ReviewDecision; reason: string | null; at: Date } | null
  answer: { decision: AnswerDecision; explanation: string; cost: number | null; dueDate: string | null; answeredAt: Date } | null
  /** when staff gave the final answer (accepted / rejected) */
  finalAnsweredAt: Date | null
  projectId: string | null
  timeline: ProposalTimelineDoc[]
  /** the author's openid */
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
}

/** `_id` = `${proposalId}_${openid}`: one support per resident and proposal. */
export interface ProposalSupportDoc {
  _id: string
  proposalId: string
  communityId: string
  openid: string
  createdAt: Date
}

export interface ProposalCommentDoc {
  _id: string
  proposalId: string
  communityId: string
  body: string
  authorName: string
  moderation: 'pass' | 'review'
  hidden: boolean
  hiddenBy: 'reports' | 'staff' | null
  reportCount: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** `_id` = `${targetId}_${openid}`: one report per resident and proposal or comment. */
export interface ProposalReportDoc {
  _id: string
  targetKind: 'proposal' | 'comment'
  targetId: string
  proposalId: string
  communityId: string
  openid: string
  reason: string | null
  createdAt: Date
}

/** `_id` = communityId. Missing = the defaults (DEFAULT_PROPOSAL_SETTINGS). */
export interface ProposalSettingsDoc {
  _id: string
  communityId: string
  categories: string[]
  review: ReviewMode
  supportThreshold: number
  supportWindowDays: number
  answerDays: number
  updatedBy: string
  updatedAt: Date
}

export interface ProjectDoc {
  _id: string
  communityId: string
  title: string
  summary: string | null
  /** who is responsible, as text (a person's title or an organisation) — not an openid */
  owner: string
  proposalIds: string[]
  progress: number
  status: ProjectStatus
  dueDate: string | null
  cost: number | null
  timeline: { at: Date; text: string; progress: number; photo: string | null }[]
  outcome: { text: string; photos: string[]; completedAt: Date } | null
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
  completedAt: Date | null
}

/** One message in a person's in-app inbox. `_id` is derived from the event and the recipient, so a retry writes it once. */
export interface InboxDoc {
  _id: string
  openid: string
  communityId: string
  kind: InboxKind | string
  title: string
  body: string
  page: string
  read: boolean
  createdAt: Date
  readAt: Date | null
  /** the child an entry is about (children's council), so a guardian's deletion request finds it */
  childId?: string | null
}
