import { sharePreviewSchema } from './share'
import { z } from 'zod'
import { communityIdSchema, idSchema, isoInstantSchema, openidSchema } from './ids'
import {
  ADJUSTMENT_NOTE_MAX,
  ALLOCATIONS,
  CANCEL_REASON_MAX,
  EVENT_CAPACITY_MAX,
  EVENT_CATEGORIES,
  EVENT_DESCRIPTION_MAX,
  EVENT_PHASES,
  EVENT_PLACE_MAX,
  EVENT_STATUSES,
  EVENT_TITLE_MAX,
  OPEN_TO,
  PARTICIPANT_KINDS,
  RATING_COMMENT_MAX,
  RATING_TAGS_MAX,
  RATING_TAG_MAX,
  SERIES_TITLE_MAX,
  SIGNUP_SOURCES,
  SIGNUP_STATUSES,
  TICKET_CODE_PATTERN,
  VENUE_CODE_PATTERN,
  WALK_IN_NAME_MAX,
} from './events-base'
import { shownText } from './text'

export * from './events-base'

export const eventIdSchema = idSchema
export const eventCategorySchema = z.enum(EVENT_CATEGORIES)
export const allocationSchema = z.enum(ALLOCATIONS)
export const openToSchema = z.enum(OPEN_TO)
export const eventStatusSchema = z.enum(EVENT_STATUSES)
export const eventPhaseSchema = z.enum(EVENT_PHASES)
export const signupStatusSchema = z.enum(SIGNUP_STATUSES)
export const participantKindSchema = z.enum(PARTICIPANT_KINDS)
export const signupSourceSchema = z.enum(SIGNUP_SOURCES)
export const ticketCodeSchema = z.string().regex(TICKET_CODE_PATTERN, '无效的票码')
export const venueCodeSchema = z.string().regex(VENUE_CODE_PATTERN, '无效的签到码')
/** A month in Chengdu, `2026-07`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-07')

const titleSchema = shownText({ max: EVENT_TITLE_MAX, empty: '请填写活动名称', tooLong: `活动名称最多 ${EVENT_TITLE_MAX} 个字` })
const descriptionSchema = shownText({
  max: EVENT_DESCRIPTION_MAX,
  multiline: true,
  empty: '请填写活动介绍',
  tooLong: `介绍最多 ${EVENT_DESCRIPTION_MAX} 个字`,
})
const placeSchema = shownText({ max: EVENT_PLACE_MAX, empty: '请填写地点', tooLong: `地点最多 ${EVENT_PLACE_MAX} 个字` })
const capacitySchema = z.number().int('名额须为整数').min(1, '至少 1 个名额').max(EVENT_CAPACITY_MAX, `最多 ${EVENT_CAPACITY_MAX} 个名额`)
const ageSchema = z.number({ error: '请填写年龄' }).int('年龄须为整数').min(0, '年龄不能小于 0').max(120, '年龄不能大于 120')
const limitSchema = z.number().int().min(1).max(100).optional()

/** A reserved share of a lottery's places for one age band (on the event day), e.g. 5–8 岁 10 个名额. */
export const quotaSchema = z
  .strictObject({
    ageMin: ageSchema,
    ageMax: ageSchema,
    places: z
      .number({ error: '请填写名额' })
      .int('名额须为整数')
      .min(1, '每个年龄段至少 1 个名额')
      .max(EVENT_CAPACITY_MAX, `最多 ${EVENT_CAPACITY_MAX} 个名额`),
  })
  .refine((q) => q.ageMin <= q.ageMax, { message: '年龄段的下限不能大于上限' })
export type Quota = z.infer<typeof quotaSchema>
export const QUOTAS_MAX = 5

/**
 * The quota rules of the event as a whole (the function's checkSchedule decides them again against the stored event):
 * quotas only for a lottery, together no more than the capacity, bands within the event's age range that do not
 * overlap. Checked when the input carries the fields (an update may send only some), with paths a form can show next
 * to the row.
 */
function checkQuotas(
  v: { capacity?: number; allocation?: string; quotas?: Quota[]; ageMin?: number | null; ageMax?: number | null },
  ctx: z.RefinementCtx,
) {
  const quotas = v.quotas ?? []
  if (quotas.length === 0) return
  if (v.allocation !== undefined && v.allocation !== 'lottery') {
    ctx.addIssue({ code: 'custom', message: '年龄段名额只用于抽签分配的活动', path: ['quotas'] })
  }
  const total = quotas.reduce((sum, q) => sum + q.places, 0)
  if (v.capacity !== undefined && total > v.capacity) {
    ctx.addIssue({ code: 'custom', message: `各年龄段名额合计 ${total} 个，超过了总名额 ${v.capacity} 个`, path: ['quotas'] })
  }
  quotas.forEach((q, i) => {
    if (q.ageMin > q.ageMax) return // the row's own message says so
    // A band outside the event's own age range could never fill.
    if ((v.ageMin != null && q.ageMin < v.ageMin) || (v.ageMax != null && q.ageMax > v.ageMax)) {
      const range = `${v.ageMin ?? 0}–${v.ageMax ?? '不限'}`
      ctx.addIssue({ code: 'custom', message: `要在活动的年龄范围（${range} 岁）之内`, path: ['quotas', i] })
      return
    }
    const j = quotas.findIndex((o, k) => k < i && o.ageMin <= o.ageMax && q.ageMin <= o.ageMax && o.ageMin <= q.ageMax)
    if (j >= 0) ctx.addIssue({ code: 'custom', message: `和第 ${j + 1} 个年龄段重叠了`, path: ['quotas', i] })
  })
}

// ---------- read models ----------

/** One of the viewer's own sign-ups on an event (themselves or a child). */
export const mySignupSchema = z.object({
  signupId: z.string(),
  participantId: z.string(),
  displayName: z.string(),
  kind: participantKindSchema,
  status: signupStatusSchema,
  /** 候补第 N 位 — exact, FIFO; null unless waitlisted */
  position: z.number().int().nullable(),
  checkedIn: z.boolean(),
  checkedInAt: isoInstantSchema.nullable(),
  noShow: z.boolean(),
  rated: z.boolean(),
  /** shown as a QR code for staff to scan; null unless the place is confirmed */
  ticketCode: z.string().nullable(),
  canCancel: z.boolean(),
  canRate: z.boolean(),
  createdAt: isoInstantSchema,
})
export type MySignup = z.infer<typeof mySignupSchema>

export const lotterySummarySchema = z.object({
  /** sha256(seed), published when the event is published — the seed cannot be chosen after seeing the entries */
  seedCommitment: z.string(),
  /** revealed by the draw */
  seed: z.string().nullable(),
  drawnAt: isoInstantSchema.nullable(),
  registrations: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  quotas: z.array(z.object({ ageMin: z.number().int(), ageMax: z.number().int(), places: z.number().int(), filled: z.number().int() })),
})
export type LotterySummary = z.infer<typeof lotterySummarySchema>

export const eventViewerSchema = z.object({
  /** staff of the community or the district admin */
  canManage: z.boolean(),
  canEdit: z.boolean(),
  canPublish: z.boolean(),
  canCancelEvent: z.boolean(),
  /** the sign-up window is open and the viewer may sign up themselves */
  canSignUp: z.boolean(),
  /** the viewer may sign one of their children up (guardian) — which child is checked on sign-up */
  canSignUpChild: z.boolean(),
  canDraw: z.boolean(),
  canCheckIn: z.boolean(),
})

const eventBase = {
  eventId: eventIdSchema,
  communityId: communityIdSchema,
  title: z.string(),
  category: eventCategorySchema,
  place: z.string(),
  startAt: isoInstantSchema,
  endAt: isoInstantSchema,
  capacity: z.number().int(),
  signupOpensAt: isoInstantSchema,
  signupClosesAt: isoInstantSchema,
  /** the effective cancellation deadline for a confirmed place (cancelBefore, else the start) */
  cancelBefore: isoInstantSchema,
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  allocation: allocationSchema,
  openTo: openToSchema,
  seriesId: z.string().nullable(),
  seriesTitle: z.string().nullable(),
  status: eventStatusSchema,
  phase: eventPhaseSchema,
  moderation: z.enum(['pass', 'review']),
  counts: z.object({
    confirmed: z.number().int(),
    waitlisted: z.number().int(),
    registered: z.number().int(),
    checkedIn: z.number().int(),
    noShow: z.number().int(),
    /** places still free (capacity − confirmed, never below 0) */
    remaining: z.number().int(),
  }),
  lottery: lotterySummarySchema.nullable(),
  rating: z.object({ count: z.number().int(), average: z.number().nullable() }),
  mine: z.array(mySignupSchema),
  viewer: eventViewerSchema,
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
}

export const eventSummarySchema = z.object(eventBase)
export type EventSummary = z.infer<typeof eventSummarySchema>

export const eventViewSchema = z.object({
  ...eventBase,
  description: z.string(),
  quotas: z.array(z.object({ ageMin: z.number().int(), ageMax: z.number().int(), places: z.number().int() })),
  /** the public answer to low ratings ("我们改进了…") on the event, and the latest one on its series */
  adjustment: z
    .object({
      status: z.enum(['open', 'closed']),
      openedAt: isoInstantSchema,
      closedAt: isoInstantSchema.nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  seriesNote: z.string().nullable(),
  /** the venue check-in code (scene `a=<code>`); managers only */
  venueCode: z.string().nullable(),
  cancelReason: z.string().nullable(),
  publishedAt: isoInstantSchema.nullable(),
})
export type EventView = z.infer<typeof eventViewSchema>

/** The answer to a sign-up (and to a cancel): the sign-up's status and, when waitlisted, its exact position. */
export const signupResultSchema = z.object({
  signupId: z.string(),
  eventId: z.string(),
  participantId: z.string(),
  displayName: z.string(),
  kind: participantKindSchema,
  status: signupStatusSchema,
  position: z.number().int().nullable(),
  /** false when the participant was already signed up (a repeated tap changes nothing) */
  created: z.boolean(),
})
export type SignupResult = z.infer<typeof signupResultSchema>

/** A sign-up as staff see it (list, export, check-in). */
export const staffSignupSchema = z.object({
  signupId: z.string(),
  participantId: z.string(),
  displayName: z.string(),
  kind: participantKindSchema,
  source: signupSourceSchema,
  status: signupStatusSchema,
  position: z.number().int().nullable(),
  seq: z.number().int(),
  birthYear: z.number().int().nullable(),
  checkedIn: z.boolean(),
  checkedInAt: isoInstantSchema.nullable(),
  noShow: z.boolean(),
  ticketCode: z.string(),
  proxyBy: z.string().nullable(),
  createdAt: isoInstantSchema,
})
export type StaffSignup = z.infer<typeof staffSignupSchema>

/** The public allocation log of a lottery: enough to recompute the draw, no personal data. */
export const lotteryLogSchema = z.object({
  eventId: z.string(),
  algorithm: z.string(),
  capacity: z.number().int(),
  seedCommitment: z.string(),
  seed: z.string().nullable(),
  drawnAt: isoInstantSchema.nullable(),
  quotas: z.array(z.object({ ageMin: z.number().int(), ageMax: z.number().int(), places: z.number().int(), filled: z.number().int() })),
  /** every registration as an anonymous key (sha256 of the sign-up id, 16 hex) and its quota band (index or null), sorted by key */
  entries: z.array(z.object({ key: z.string(), band: z.number().int().nullable() })),
  /** every key in drawn order */
  order: z.array(z.string()),
  /** the keys that got places (quota bands first, then everyone in drawn order), in drawn order */
  winners: z.array(z.string()),
  /** the others, in drawn order: the waitlist (position = index + 1) */
  waitlist: z.array(z.string()),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  /** the keys of the viewer's own participants, so they can find themselves */
  mine: z.array(z.string()),
})
export type LotteryLog = z.infer<typeof lotteryLogSchema>

export const seriesViewSchema = z.object({
  seriesId: z.string(),
  communityId: z.string(),
  title: z.string(),
  note: z.string().nullable(),
  createdAt: isoInstantSchema,
})
export type SeriesView = z.infer<typeof seriesViewSchema>

export const taskViewSchema = z.object({
  taskId: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  communityId: z.string(),
  seriesId: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  average: z.number(),
  count: z.number().int(),
  openedAt: isoInstantSchema,
  closedAt: isoInstantSchema.nullable(),
  note: z.string().nullable(),
})
export type TaskView = z.infer<typeof taskViewSchema>

// ---------- inputs and outputs per action ----------

const iso = isoInstantSchema
const eventFields = {
  title: titleSchema,
  description: descriptionSchema,
  category: eventCategorySchema,
  place: placeSchema,
  startAt: iso,
  endAt: iso,
  capacity: capacitySchema,
  signupOpensAt: iso,
  signupClosesAt: iso,
  allocation: allocationSchema,
  openTo: openToSchema,
}

export const createEventInput = z
  .strictObject({
    communityId: communityIdSchema,
    ...eventFields,
    ageMin: ageSchema.optional(),
    ageMax: ageSchema.optional(),
    cancelBefore: iso.optional(),
    seriesId: idSchema.optional(),
    quotas: z.array(quotaSchema).max(QUOTAS_MAX, `最多 ${QUOTAS_MAX} 个年龄段名额`).optional(),
  })
  .refine((v) => v.ageMin == null || v.ageMax == null || v.ageMin <= v.ageMax, { message: '最小年龄不能大于最大年龄', path: ['ageMax'] })
  .superRefine(checkQuotas)

export const updateEventInput = z
  .strictObject({
    eventId: eventIdSchema,
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    category: eventCategorySchema.optional(),
    place: placeSchema.optional(),
    startAt: iso.optional(),
    endAt: iso.optional(),
    capacity: capacitySchema.optional(),
    signupOpensAt: iso.optional(),
    signupClosesAt: iso.optional(),
    allocation: allocationSchema.optional(),
    openTo: openToSchema.optional(),
    ageMin: ageSchema.nullable().optional(),
    ageMax: ageSchema.nullable().optional(),
    cancelBefore: iso.nullable().optional(),
    seriesId: idSchema.nullable().optional(),
    quotas: z.array(quotaSchema).max(QUOTAS_MAX, `最多 ${QUOTAS_MAX} 个年龄段名额`).optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: '没有要修改的内容' })
  .superRefine(checkQuotas)

export const eventRefInput = z.strictObject({ eventId: eventIdSchema })
export const cancelEventInput = z.strictObject({
  eventId: eventIdSchema,
  reason: shownText({ min: 0, max: CANCEL_REASON_MAX, tooLong: `原因最多 ${CANCEL_REASON_MAX} 个字` }).optional(),
})
export const listEventsInput = z.strictObject({ communityId: communityIdSchema, limit: limitSchema })
export const listEventsOutput = z.object({ events: z.array(eventSummarySchema) })
export const listForStaffOutput = z.object({
  events: z.array(eventSummarySchema),
  series: z.array(seriesViewSchema),
  openTasks: z.number().int(),
})
/** `participantId` omitted = the caller; otherwise one of the caller's children (childId). */
export const signUpInput = z.strictObject({ eventId: eventIdSchema, participantId: idSchema.optional() })
export const cancelSignupInput = z.strictObject({ eventId: eventIdSchema, participantId: idSchema.optional() })
export const cancelSignupOutput = z.object({
  signup: signupResultSchema,
  /** the first on the waitlist took the freed place (FIFO), in the same transaction */
  promoted: z.boolean(),
})
export const mySignupsInput = z.strictObject({ limit: limitSchema })
export const mySignupsOutput = z.object({ tickets: z.array(z.object({ event: eventSummarySchema, signup: mySignupSchema })) })
export const listSignupsInput = z.strictObject({
  eventId: eventIdSchema,
  status: signupStatusSchema.optional(),
  /** page after this `seq` */
  after: z.number().int().min(0).optional(),
  limit: limitSchema,
})
export const listSignupsOutput = z.object({ signups: z.array(staffSignupSchema), nextAfter: z.number().int().nullable() })
export const checkInInput = z.strictObject({ eventId: eventIdSchema, ticketCode: ticketCodeSchema })
export const checkInOutput = z.object({ signup: staffSignupSchema, already: z.boolean() })
export const checkInAtVenueInput = z.strictObject({ code: venueCodeSchema, participantId: idSchema.optional() })
export const checkInAtVenueOutput = z.object({
  eventId: z.string(),
  title: z.string(),
  checkedIn: z.array(z.object({ participantId: z.string(), displayName: z.string(), already: z.boolean() })),
})
export const rateInput = z.strictObject({
  eventId: eventIdSchema,
  participantId: idSchema.optional(),
  score: z.number().int().min(1, '请选择 1–5 分').max(5, '请选择 1–5 分'),
  tags: z
    .array(shownText({ max: RATING_TAG_MAX, scene: 'comment', empty: '标签不能为空' }))
    .max(RATING_TAGS_MAX)
    .optional(),
  comment: shownText({
    min: 0,
    max: RATING_COMMENT_MAX,
    multiline: true,
    scene: 'comment',
    tooLong: `评价最多 ${RATING_COMMENT_MAX} 个字`,
  }).optional(),
})
export const rateOutput = z.object({
  score: z.number().int(),
  rating: z.object({ count: z.number().int(), average: z.number().nullable() }),
  adjustmentOpened: z.boolean(),
})
export const exportOutput = z.object({ fileId: z.string(), url: z.string(), fileName: z.string(), rows: z.number().int() })
export const proxySignUpInput = z.strictObject({
  eventId: eventIdSchema,
  /** the walk-in's name or 称呼 as they give it */
  name: shownText({ max: WALK_IN_NAME_MAX, scene: 'profile', empty: '请填写姓名或称呼' }),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  /** when the walk-in is a registered member: their openid, so the place shows under 我的票 */
  openid: openidSchema.optional(),
})
export const closeAdjustmentInput = z.strictObject({
  eventId: eventIdSchema,
  note: shownText({ min: 5, max: ADJUSTMENT_NOTE_MAX, multiline: true, empty: '请写清楚改进了什么（至少 5 个字）' }),
})
export const tasksInput = z.strictObject({ communityId: communityIdSchema, status: z.enum(['open', 'closed']).optional() })
export const tasksOutput = z.object({ tasks: z.array(taskViewSchema) })
export const monthOverviewInput = z.strictObject({ communityId: communityIdSchema, month: monthSchema })
export const monthOverviewOutput = z.object({
  month: z.string(),
  target: z.number().int(),
  courses: z.number().int(),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      count: z.number().int(),
      met: z.boolean(),
      events: z.array(z.object({ eventId: z.string(), title: z.string(), startAt: isoInstantSchema, seriesTitle: z.string().nullable() })),
    }),
  ),
  series: z.array(z.object({ seriesId: z.string(), title: z.string(), sessions: z.number().int() })),
})
export const createSeriesInput = z.strictObject({
  communityId: communityIdSchema,
  title: shownText({ max: SERIES_TITLE_MAX, empty: '请填写系列名称' }),
})
export const ticketInput = z.strictObject({ eventId: eventIdSchema, participantId: idSchema.optional() })
export const ticketOutput = z.object({
  eventId: z.string(),
  participantId: z.string(),
  displayName: z.string(),
  ticketCode: z.string(),
  /** what the QR code holds (`YBT:<ticketCode>`) */
  qrText: z.string(),
  /** a PNG of the QR code as a data URL */
  qrDataUrl: z.string(),
})
export const venuePosterInput = z.strictObject({ eventId: eventIdSchema, regenerate: z.boolean().optional() })
export const venuePosterOutput = z.object({ fileId: z.string(), url: z.string(), scene: z.string(), code: z.string(), page: z.string() })

export const eventsContract = {
  // review: 'hold' — review-level text is kept as `moderation: 'review'` (a draft only the district admin may publish;
  // a rating comment never shown); every other action refuses it with CONTENT.REVIEW (docs/decisions/0036)
  create: { input: createEventInput, output: eventViewSchema, review: 'hold' },
  update: { input: updateEventInput, output: eventViewSchema, review: 'hold' },
  publish: { input: eventRefInput, output: eventViewSchema },
  cancelEvent: { input: cancelEventInput, output: eventViewSchema },
  list: { input: listEventsInput, output: listEventsOutput },
  listForStaff: { input: listEventsInput, output: listForStaffOutput },
  get: { input: eventRefInput, output: eventViewSchema },
  /** a shared event, for someone who has not joined: the public part (no sign-ups) */
  preview: { input: eventRefInput, output: sharePreviewSchema },
  signUp: { input: signUpInput, output: signupResultSchema },
  cancel: { input: cancelSignupInput, output: cancelSignupOutput },
  mySignups: { input: mySignupsInput, output: mySignupsOutput },
  listSignups: { input: listSignupsInput, output: listSignupsOutput },
  checkIn: { input: checkInInput, output: checkInOutput },
  checkInAtVenue: { input: checkInAtVenueInput, output: checkInAtVenueOutput },
  rate: { input: rateInput, output: rateOutput, review: 'hold' },
  export: { input: eventRefInput, output: exportOutput },
  draw: { input: eventRefInput, output: lotteryLogSchema },
  lotteryLog: { input: eventRefInput, output: lotteryLogSchema },
  proxySignUp: { input: proxySignUpInput, output: signupResultSchema },
  closeAdjustment: { input: closeAdjustmentInput, output: eventViewSchema },
  tasks: { input: tasksInput, output: tasksOutput },
  monthOverview: { input: monthOverviewInput, output: monthOverviewOutput },
  createSeries: { input: createSeriesInput, output: seriesViewSchema },
  ticket: { input: ticketInput, output: ticketOutput },
  venuePoster: { input: venuePosterInput, output: venuePosterOutput },
} as const

export type CreateEventInput = z.input<typeof createEventInput>
export type UpdateEventInput = z.input<typeof updateEventInput>
export type SignUpInput = z.input<typeof signUpInput>
export type ListSignupsInput = z.input<typeof listSignupsInput>
export type RateInput = z.input<typeof rateInput>
export type ProxySignUpInput = z.input<typeof proxySignUpInput>
export type MonthOverview = z.infer<typeof monthOverviewOutput>
export type ListForStaffOutput = z.infer<typeof listForStaffOutput>
export type CancelSignupOutput = z.infer<typeof cancelSignupOutput>
export type CheckInOutput = z.infer<typeof checkInOutput>
