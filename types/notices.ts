import { sharePreviewSchema } from './share'
import { z } from 'zod'
import { communityIdSchema, isoInstantSchema, noticeIdSchema } from './ids'
import { shownText } from './text'

export const NOTICE_CATEGORIES = ['通知', '活动预告', '办事指南', '安全提示'] as const
export const noticeCategorySchema = z.enum(NOTICE_CATEGORIES)
export type NoticeCategory = z.infer<typeof noticeCategorySchema>

/** Stored status. Whether a published notice is visible yet / still is derived from publishAt / expiresAt and now. */
export const NOTICE_STATUSES = ['draft', 'published'] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]

/** What people see: draft, scheduled (published, publishAt in the future), live, expired. */
export const NOTICE_STATES = ['draft', 'scheduled', 'live', 'expired'] as const
export const noticeStateSchema = z.enum(NOTICE_STATES)
export type NoticeState = z.infer<typeof noticeStateSchema>

/** Content-check outcome kept on the notice: `review` notices can be saved but only a district admin may publish them. */
export const NOTICE_MODERATION = ['pass', 'review'] as const
export const noticeModerationSchema = z.enum(NOTICE_MODERATION)
export type NoticeModeration = z.infer<typeof noticeModerationSchema>

export const NOTICE_TITLE_MAX = 50
export const NOTICE_BODY_MAX = 2000
/** How far ahead a notice may be scheduled. */
export const NOTICE_MAX_SCHEDULE_DAYS = 90

// ---------- read models ----------

const noticeBase = {
  noticeId: noticeIdSchema,
  communityId: communityIdSchema,
  title: z.string(),
  category: noticeCategorySchema,
  pinned: z.boolean(),
  state: noticeStateSchema,
  publishAt: isoInstantSchema.nullable(),
  expiresAt: isoInstantSchema.nullable(),
  readCount: z.number().int(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
}
export const noticeViewerSchema = z.object({
  hasRead: z.boolean(),
  canEdit: z.boolean(),
  canPublish: z.boolean(),
  canUnpublish: z.boolean(),
})
export const noticeViewSchema = z.object({
  ...noticeBase,
  body: z.string(),
  moderation: noticeModerationSchema,
  viewer: noticeViewerSchema,
})
export type NoticeView = z.infer<typeof noticeViewSchema>

export const noticeSummarySchema = z.object({
  ...noticeBase,
  /** the first characters of the body, for lists */
  excerpt: z.string(),
  moderation: noticeModerationSchema,
  viewer: noticeViewerSchema,
})
export type NoticeSummary = z.infer<typeof noticeSummarySchema>

// ---------- inputs and outputs per action ----------

const titleSchema = shownText({ max: NOTICE_TITLE_MAX, empty: '请填写标题', tooLong: `标题最多 ${NOTICE_TITLE_MAX} 个字` })
const bodySchema = shownText({ max: NOTICE_BODY_MAX, multiline: true, empty: '请填写正文', tooLong: `正文最多 ${NOTICE_BODY_MAX} 个字` })
const limitSchema = z.number().int().min(1).max(100).optional()

export const createNoticeInput = z.strictObject({
  communityId: communityIdSchema,
  title: titleSchema,
  body: bodySchema,
  category: noticeCategorySchema,
  pinned: z.boolean().optional(),
  expiresAt: isoInstantSchema.nullable().optional(),
})
export const updateNoticeInput = z
  .strictObject({
    noticeId: noticeIdSchema,
    title: titleSchema.optional(),
    body: bodySchema.optional(),
    category: noticeCategorySchema.optional(),
    pinned: z.boolean().optional(),
    expiresAt: isoInstantSchema.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: '没有要修改的内容' })
export const publishNoticeInput = z.strictObject({
  noticeId: noticeIdSchema,
  /** omitted = now; in the future = scheduled */
  publishAt: isoInstantSchema.optional(),
})
export const unpublishNoticeInput = z.strictObject({ noticeId: noticeIdSchema })
export const listNoticesInput = z.strictObject({ communityId: communityIdSchema, limit: limitSchema })
export const listNoticesOutput = z.object({ notices: z.array(noticeSummarySchema) })
export const getNoticeInput = z.strictObject({ noticeId: noticeIdSchema })
export const listNoticesForStaffInput = z.strictObject({ communityId: communityIdSchema, limit: limitSchema })

export const noticesContract = {
  // review: 'hold' — text the content check sends to review is saved as a draft marked `review` (only the district
  // admin may publish it); every other action refuses it with CONTENT.REVIEW (docs/decisions/0036)
  create: { input: createNoticeInput, output: noticeViewSchema, review: 'hold' },
  update: { input: updateNoticeInput, output: noticeViewSchema, review: 'hold' },
  publish: { input: publishNoticeInput, output: noticeViewSchema },
  unpublish: { input: unpublishNoticeInput, output: noticeViewSchema },
  list: { input: listNoticesInput, output: listNoticesOutput },
  get: { input: getNoticeInput, output: noticeViewSchema },
  /** a shared notice, for someone who has not joined: the public part (a live notice only) */
  preview: { input: getNoticeInput, output: sharePreviewSchema },
  listForStaff: { input: listNoticesForStaffInput, output: listNoticesOutput },
} as const

export type CreateNoticeInput = z.input<typeof createNoticeInput>
export type UpdateNoticeInput = z.input<typeof updateNoticeInput>
export type PublishNoticeInput = z.input<typeof publishNoticeInput>
export type ListNoticesInput = z.input<typeof listNoticesInput>
export type ListNoticesOutput = z.infer<typeof listNoticesOutput>
