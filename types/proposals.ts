import { sharePreviewSchema } from './share'
import { z } from 'zod'
import { communityIdSchema, fileIdSchema, idSchema, isoInstantSchema } from './ids'
import {
  ANSWER_DECISIONS,
  PROJECT_OUTCOME_MAX,
  PROJECT_OWNER_MAX,
  PROJECT_STATUSES,
  PROJECT_TEXT_MAX,
  PROJECT_TITLE_MAX,
  PROPOSAL_CATEGORY_MAX,
  PROPOSAL_COMMENT_MAX,
  PROPOSAL_DESCRIPTION_MAX,
  PROPOSAL_EXPLANATION_MAX,
  PROPOSAL_PHOTOS_MAX,
  PROPOSAL_PLACE_MAX,
  PROPOSAL_REASON_MAX,
  PROPOSAL_STATUSES,
  PROPOSAL_TITLE_MAX,
  PUBLIC_PROPOSAL_STATUSES,
  REVIEW_DECISIONS,
  REVIEW_MODES,
} from './proposals-base'
import { ownText, shownText } from './text'

export * from './proposals-base'

export const proposalIdSchema = idSchema
export const projectIdSchema = idSchema
export const commentIdSchema = idSchema

export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES)
export const publicProposalStatusSchema = z.enum(PUBLIC_PROPOSAL_STATUSES)
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS)
export const answerDecisionSchema = z.enum(ANSWER_DECISIONS)
export const projectStatusSchema = z.enum(PROJECT_STATUSES)
export const reviewModeSchema = z.enum(REVIEW_MODES)

/** A category name. Whether it is in the community's list is checked by the function (PROPOSAL.CATEGORY_UNKNOWN). */
const categoryText = { max: PROPOSAL_CATEGORY_MAX, empty: '请选择分类', tooLong: `分类最多 ${PROPOSAL_CATEGORY_MAX} 个字` }
export const proposalCategorySchema = shownText(categoryText)
/** A category as a list filter: read by nobody but the caller. */
const categoryFilterSchema = ownText(categoryText)
const titleSchema = shownText({ max: PROPOSAL_TITLE_MAX, empty: '请填写标题', tooLong: `标题最多 ${PROPOSAL_TITLE_MAX} 个字` })
const descriptionSchema = shownText({
  min: 5,
  max: PROPOSAL_DESCRIPTION_MAX,
  multiline: true,
  empty: '请把问题和建议写清楚（至少 5 个字）',
  tooLong: `内容最多 ${PROPOSAL_DESCRIPTION_MAX} 个字`,
})
const placeSchema = shownText({ min: 0, max: PROPOSAL_PLACE_MAX, tooLong: `地点最多 ${PROPOSAL_PLACE_MAX} 个字` })
const photosSchema = z.array(fileIdSchema).max(PROPOSAL_PHOTOS_MAX, `最多 ${PROPOSAL_PHOTOS_MAX} 张照片`)
const reasonSchema = shownText({ min: 0, max: PROPOSAL_REASON_MAX, multiline: true, tooLong: `原因最多 ${PROPOSAL_REASON_MAX} 个字` })
/** A calendar day in Chengdu, `2026-09-01`. */
export const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-09-01')
/** Yuan, whole. */
const costSchema = z.number().int('请填写整数金额（元）').min(0).max(100_000_000)
const limitSchema = z.number().int().min(1).max(50).optional()

/** Exactly one of proposalId / commentId: what a report, hide or unhide is about. */
const exactlyOneTarget = (v: { proposalId?: string; commentId?: string }) => (v.proposalId === undefined) !== (v.commentId === undefined)
const targetMessage = { message: '请提供 proposalId 或 commentId 其中之一' }

// ---------- read models ----------

export const proposalViewerSchema = z.object({
  isAuthor: z.boolean(),
  supported: z.boolean(),
  canUpdate: z.boolean(),
  canWithdraw: z.boolean(),
  canSupport: z.boolean(),
  canUnsupport: z.boolean(),
  canComment: z.boolean(),
  canReport: z.boolean(),
  canReview: z.boolean(),
  canAnswer: z.boolean(),
  canCreateProject: z.boolean(),
  canHide: z.boolean(),
  canUnhide: z.boolean(),
})
export type ProposalViewer = z.infer<typeof proposalViewerSchema>

export const proposalSummarySchema = z.object({
  proposalId: proposalIdSchema,
  communityId: communityIdSchema,
  title: z.string(),
  excerpt: z.string(),
  category: z.string(),
  status: proposalStatusSchema,
  place: z.string().nullable(),
  /** a nickname, or 居民 for an anonymous author; null once withdrawn */
  authorName: z.string().nullable(),
  supportCount: z.number().int(),
  commentCount: z.number().int(),
  photoCount: z.number().int(),
  /** the community's threshold now, for "12 / 20" */
  threshold: z.number().int(),
  thresholdReached: z.boolean(),
  /** supports are accepted until then (published / evaluating only) */
  supportUntil: isoInstantSchema.nullable(),
  supportOpen: z.boolean(),
  /** staff must answer by then (once the threshold is reached) */
  answerDueAt: isoInstantSchema.nullable(),
  overdue: z.boolean(),
  hidden: z.boolean(),
  moderation: z.enum(['pass', 'review']),
  createdAt: isoInstantSchema,
  publishedAt: isoInstantSchema.nullable(),
  updatedAt: isoInstantSchema,
  viewer: z.object({ isAuthor: z.boolean(), supported: z.boolean() }),
})
export type ProposalSummary = z.infer<typeof proposalSummarySchema>

export const TIMELINE_KINDS = [
  'submitted',
  'resubmitted',
  'returned',
  'refused',
  'published',
  'withdrawn',
  'threshold',
  'answered',
  'project',
  'progress',
  'completed',
] as const
export const timelineEntrySchema = z.object({
  at: isoInstantSchema,
  kind: z.enum(TIMELINE_KINDS),
  title: z.string(),
  text: z.string().nullable(),
  progress: z.number().int().nullable(),
  photoUrl: z.string().nullable(),
})
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

export const commentViewSchema = z.object({
  commentId: commentIdSchema,
  proposalId: proposalIdSchema,
  authorName: z.string(),
  body: z.string(),
  moderation: z.enum(['pass', 'review']),
  hidden: z.boolean(),
  createdAt: isoInstantSchema,
  viewer: z.object({ isAuthor: z.boolean(), canReport: z.boolean(), canHide: z.boolean(), canUnhide: z.boolean() }),
})
export type CommentView = z.infer<typeof commentViewSchema>

export const projectSummarySchema = z.object({
  projectId: projectIdSchema,
  communityId: communityIdSchema,
  title: z.string(),
  owner: z.string(),
  progress: z.number().int(),
  status: projectStatusSchema,
  dueDate: z.string().nullable(),
  cost: z.number().nullable(),
  proposalCount: z.number().int(),
  outcome: z.string().nullable(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  completedAt: isoInstantSchema.nullable(),
})
export type ProjectSummary = z.infer<typeof projectSummarySchema>

const photoSchema = z.object({ fileId: z.string(), url: z.string() })

export const projectViewSchema = z.object({
  ...projectSummarySchema.shape,
  summary: z.string().nullable(),
  proposals: z.array(z.object({ proposalId: proposalIdSchema, title: z.string(), category: z.string(), status: proposalStatusSchema })),
  timeline: z.array(z.object({ at: isoInstantSchema, text: z.string(), progress: z.number().int(), photoUrl: z.string().nullable() })),
  outcomePhotos: z.array(photoSchema),
  viewer: z.object({ canUpdate: z.boolean(), canComplete: z.boolean() }),
})
export type ProjectView = z.infer<typeof projectViewSchema>

export const proposalViewSchema = z.object({
  ...proposalSummarySchema.shape,
  description: z.string(),
  photos: z.array(photoSchema),
  /** the staff review's reason (returned / refused) — only for the author and staff */
  review: z.object({ decision: reviewDecisionSchema, reason: z.string().nullable(), at: isoInstantSchema }).nullable(),
  answer: z
    .object({
      decision: answerDecisionSchema,
      explanation: z.string(),
      cost: z.number().nullable(),
      dueDate: z.string().nullable(),
      answeredAt: isoInstantSchema,
    })
    .nullable(),
  project: projectSummarySchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  comments: z.array(commentViewSchema),
  viewer: proposalViewerSchema,
})
export type ProposalView = z.infer<typeof proposalViewSchema>

export const proposalSettingsViewSchema = z.object({
  communityId: communityIdSchema,
  categories: z.array(z.string()),
  review: reviewModeSchema,
  supportThreshold: z.number().int(),
  supportWindowDays: z.number().int(),
  answerDays: z.number().int(),
  viewer: z.object({ canSubmit: z.boolean(), canEdit: z.boolean(), canManage: z.boolean() }),
})
export type ProposalSettingsView = z.infer<typeof proposalSettingsViewSchema>

export const inboxItemSchema = z.object({
  inboxId: idSchema,
  /** proposal.answer, proposal.outcome, … (other features may add kinds) */
  kind: z.string(),
  communityId: communityIdSchema,
  title: z.string(),
  body: z.string(),
  /** the page to open, without a leading slash, with its query */
  page: z.string(),
  read: z.boolean(),
  createdAt: isoInstantSchema,
})
export type InboxItem = z.infer<typeof inboxItemSchema>

// ---------- inputs and outputs per action ----------

export const submitProposalInput = z.strictObject({
  communityId: communityIdSchema,
  title: titleSchema,
  description: descriptionSchema,
  category: proposalCategorySchema,
  place: placeSchema.optional(),
  photos: photosSchema.optional(),
  /** show 居民 instead of my nickname */
  anonymous: z.boolean().optional(),
})
export const updateProposalInput = z
  .strictObject({
    proposalId: proposalIdSchema,
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    category: proposalCategorySchema.optional(),
    place: placeSchema.optional(),
    photos: photosSchema.optional(),
    anonymous: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: '没有要修改的内容' })
export const proposalIdInput = z.strictObject({ proposalId: proposalIdSchema })
export const listProposalsInput = z.strictObject({
  communityId: communityIdSchema,
  status: publicProposalStatusSchema.optional(),
  category: categoryFilterSchema.optional(),
  /** the page after this publishedAt (the last item's) */
  before: isoInstantSchema.optional(),
  limit: limitSchema,
})
export const listProposalsOutput = z.object({ proposals: z.array(proposalSummarySchema), next: isoInstantSchema.nullable() })
export const communityInput = z.strictObject({ communityId: communityIdSchema })
export const supportOutput = z.object({
  proposalId: proposalIdSchema,
  supported: z.boolean(),
  supportCount: z.number().int(),
  thresholdReached: z.boolean(),
  /** false when nothing changed (already supported / not supported) */
  changed: z.boolean(),
})
export const commentInput = z.strictObject({
  proposalId: proposalIdSchema,
  body: shownText({
    max: PROPOSAL_COMMENT_MAX,
    multiline: true,
    scene: 'comment',
    empty: '请填写留言',
    tooLong: `留言最多 ${PROPOSAL_COMMENT_MAX} 个字`,
  }),
})
export const reportInput = z
  .strictObject({
    proposalId: proposalIdSchema.optional(),
    commentId: commentIdSchema.optional(),
    reason: shownText({ min: 0, max: 100 }).optional(),
  })
  .refine(exactlyOneTarget, targetMessage)
export const reportOutput = z.object({ reported: z.boolean(), hidden: z.boolean() })
export const reviewInput = z
  .strictObject({ proposalId: proposalIdSchema, decision: reviewDecisionSchema, reason: reasonSchema.optional() })
  .refine((v) => v.decision === 'publish' || (v.reason ?? '').length > 0, { path: ['reason'], message: '退回或不通过时请写明原因' })
export const answerInput = z
  .strictObject({
    proposalId: proposalIdSchema,
    decision: answerDecisionSchema,
    explanation: shownText({
      max: PROPOSAL_EXPLANATION_MAX,
      multiline: true,
      empty: '请填写答复说明',
      tooLong: `说明最多 ${PROPOSAL_EXPLANATION_MAX} 个字`,
    }),
    cost: costSchema.optional(),
    dueDate: calendarDateSchema.optional(),
  })
  .refine((v) => v.decision === 'accepted' || (v.cost === undefined && v.dueDate === undefined), {
    path: ['decision'],
    message: '只有采纳的建议才填写预算和完成日期',
  })
export const createProjectInput = z.strictObject({
  communityId: communityIdSchema,
  proposalIds: z.array(proposalIdSchema).min(1, '请至少选择一条已采纳的建议').max(10),
  title: shownText({ max: PROJECT_TITLE_MAX, empty: '请填写项目名称', tooLong: `项目名称最多 ${PROJECT_TITLE_MAX} 个字` }),
  summary: shownText({ min: 0, max: PROJECT_OUTCOME_MAX, multiline: true }).optional(),
  owner: shownText({ max: PROJECT_OWNER_MAX, empty: '请填写负责人', tooLong: `负责人最多 ${PROJECT_OWNER_MAX} 个字` }),
  dueDate: calendarDateSchema.optional(),
  cost: costSchema.optional(),
})
export const updateProgressInput = z.strictObject({
  projectId: projectIdSchema,
  progress: z.number().int().min(0).max(100),
  text: shownText({ max: PROJECT_TEXT_MAX, multiline: true, empty: '请填写进展', tooLong: `进展最多 ${PROJECT_TEXT_MAX} 个字` }),
  photo: fileIdSchema.optional(),
})
export const completeProjectInput = z.strictObject({
  projectId: projectIdSchema,
  outcome: shownText({ max: PROJECT_OUTCOME_MAX, multiline: true, empty: '请填写成效', tooLong: `成效最多 ${PROJECT_OUTCOME_MAX} 个字` }),
  photos: photosSchema.optional(),
})
export const projectIdInput = z.strictObject({ projectId: projectIdSchema })
export const moderationQueueOutput = z.object({
  pending: z.array(proposalSummarySchema),
  hidden: z.array(proposalSummarySchema),
  comments: z.array(commentViewSchema.extend({ proposalTitle: z.string() })),
})
export const hideInput = z
  .strictObject({ proposalId: proposalIdSchema.optional(), commentId: commentIdSchema.optional() })
  .refine(exactlyOneTarget, targetMessage)
export const hideOutput = z.object({ hidden: z.boolean() })
export const mustAnswerOutput = z.object({
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), answeredOnTime: z.number().int(), answeredLate: z.number().int() }),
  items: z.array(proposalSummarySchema),
})
export const threeListsOutput = z.object({
  communityId: communityIdSchema,
  problems: z.object({
    total: z.number().int(),
    byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
    byStatus: z.array(z.object({ status: proposalStatusSchema, count: z.number().int() })),
    items: z.array(proposalSummarySchema),
  }),
  projects: z.object({
    total: z.number().int(),
    active: z.number().int(),
    completed: z.number().int(),
    items: z.array(projectSummarySchema),
  }),
  outcomes: z.object({
    total: z.number().int(),
    items: z.array(projectSummarySchema.extend({ proposals: z.array(z.object({ proposalId: proposalIdSchema, title: z.string() })) })),
  }),
})
export const updateSettingsInput = z
  .strictObject({
    communityId: communityIdSchema,
    categories: z
      .array(proposalCategorySchema)
      .min(1, '至少保留一个分类')
      .max(20, '最多 20 个分类')
      .refine((list) => new Set(list).size === list.length, { message: '分类不能重复' })
      .optional(),
    review: reviewModeSchema.optional(),
    supportThreshold: z.number().int().min(1).max(10_000).optional(),
    supportWindowDays: z.number().int().min(1).max(365).optional(),
    answerDays: z.number().int().min(1).max(90).optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: '没有要修改的内容' })
export const inboxInput = z.strictObject({ limit: limitSchema })
export const inboxOutput = z.object({ items: z.array(inboxItemSchema), unread: z.number().int() })
export const markReadInput = z.strictObject({ inboxId: idSchema })

export const proposalsContract = {
  // review: 'hold' — review-level text waits for staff (`moderation: 'review'`: a proposal stays pending, a comment is
  // queued), or, for staff's own public texts, only the district admin may publish it (staff get CONTENT.REVIEW);
  // every other action refuses it with CONTENT.REVIEW (docs/decisions/0036)
  submit: { input: submitProposalInput, output: proposalViewSchema, review: 'hold' },
  update: { input: updateProposalInput, output: proposalViewSchema, review: 'hold' },
  withdraw: { input: proposalIdInput, output: proposalViewSchema },
  list: { input: listProposalsInput, output: listProposalsOutput },
  mine: { input: communityInput, output: listProposalsOutput },
  get: { input: proposalIdInput, output: proposalViewSchema },
  support: { input: proposalIdInput, output: supportOutput },
  unsupport: { input: proposalIdInput, output: supportOutput },
  comment: { input: commentInput, output: commentViewSchema, review: 'hold' },
  report: { input: reportInput, output: reportOutput },
  settings: { input: communityInput, output: proposalSettingsViewSchema },
  threeLists: { input: communityInput, output: threeListsOutput },
  getProject: { input: projectIdInput, output: projectViewSchema },
  /** a shared proposal or project, for someone who has not joined: the public part (no names, no supporters) */
  preview: { input: proposalIdInput, output: sharePreviewSchema },
  previewProject: { input: projectIdInput, output: sharePreviewSchema },
  inbox: { input: inboxInput, output: inboxOutput },
  markRead: { input: markReadInput, output: inboxOutput.pick({ unread: true }) },
  /** the badge on 我的 and 我的消息: the caller's unread count only */
  unreadCount: { input: z.strictObject({}), output: inboxOutput.pick({ unread: true }) },
  /** 全部已读: every unread message of the caller, in one conditional update */
  markAllRead: { input: z.strictObject({}), output: inboxOutput.pick({ unread: true }) },
  // staff (and the district admin)
  review: { input: reviewInput, output: proposalViewSchema },
  answer: { input: answerInput, output: proposalViewSchema, review: 'hold' },
  createProject: { input: createProjectInput, output: projectViewSchema, review: 'hold' },
  updateProgress: { input: updateProgressInput, output: projectViewSchema, review: 'hold' },
  complete: { input: completeProjectInput, output: projectViewSchema, review: 'hold' },
  moderationQueue: { input: communityInput, output: moderationQueueOutput },
  hide: { input: hideInput, output: hideOutput },
  unhide: { input: hideInput, output: hideOutput },
  mustAnswer: { input: communityInput, output: mustAnswerOutput },
  updateSettings: { input: updateSettingsInput, output: proposalSettingsViewSchema },
} as const

export type SubmitProposalInput = z.input<typeof submitProposalInput>
export type UpdateProposalInput = z.input<typeof updateProposalInput>
export type ListProposalsInput = z.input<typeof listProposalsInput>
export type ListProposalsOutput = z.infer<typeof listProposalsOutput>
export type SupportOutput = z.infer<typeof supportOutput>
export type ReviewInput = z.input<typeof reviewInput>
export type AnswerInput = z.input<typeof answerInput>
export type CreateProjectInput = z.input<typeof createProjectInput>
export type UpdateProgressInput = z.input<typeof updateProgressInput>
export type CompleteProjectInput = z.input<typeof completeProjectInput>
export type ModerationQueueOutput = z.infer<typeof moderationQueueOutput>
export type MustAnswerOutput = z.infer<typeof mustAnswerOutput>
export type ThreeListsOutput = z.infer<typeof threeListsOutput>
export type UpdateSettingsInput = z.input<typeof updateSettingsInput>
export type InboxOutput = z.infer<typeof inboxOutput>
