import { z } from 'zod'
import { communityIdSchema, fileIdSchema, idSchema, isoInstantSchema } from './ids'
import {
  ANSWER_KINDS,
  CHILD_PROPOSAL_STAGES,
  CHILD_PROPOSAL_STATUSES,
  COUNCIL_ANSWER_MAX,
  COUNCIL_CATEGORIES,
  COUNCIL_IDEA_MAX,
  COUNCIL_MINUTES_MAX,
  COUNCIL_NAME_MAX,
  COUNCIL_NOTICED_MAX,
  COUNCIL_PLACE_MAX,
  COUNCIL_TITLE_MAX,
  MEETING_STATUSES,
  MEMBER_STATUSES,
  VOTE_CHOICES,
} from './council-base'
import { shownText } from './text'

export * from './council-base'

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-09-01')
/** Text other people read (children, guardians, residents): one line unless `multiline`. */
const text = (max: number, empty: string, multiline = false) => shownText({ max, empty, multiline })
const optionalText = (max: number) => shownText({ min: 0, max, multiline: true })
const aliasSchema = shownText({ max: 10, scene: 'profile', empty: '请填写称呼', tooLong: '称呼最多 10 个字' })
/** The version of the consent text a guardian agreed to (a code, checked against COUNCIL_CONSENT_VERSION by the function). */
const consentVersionSchema = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, '无效的版本')

export const memberStatusSchema = z.enum(MEMBER_STATUSES)
export const childProposalStatusSchema = z.enum(CHILD_PROPOSAL_STATUSES)
export const childProposalStageSchema = z.enum(CHILD_PROPOSAL_STAGES)
export const answerKindSchema = z.enum(ANSWER_KINDS)
export const voteChoiceSchema = z.enum(VOTE_CHOICES)
export const meetingStatusSchema = z.enum(MEETING_STATUSES)
export const councilCategorySchema = z.enum(COUNCIL_CATEGORIES)

// ---------- read models (never an openid; a child is an alias and an age) ----------

export const councilViewSchema = z.object({
  councilId: idSchema,
  communityId: communityIdSchema,
  name: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  answerDays: z.number().int(),
  retentionDays: z.number().int(),
  memberCount: z.number().int(),
  consentVersion: z.string(),
  /** the council's term is over (after termEnd, China time): memberships are shown as ended, the chair has no powers */
  termEnded: z.boolean(),
  /** the elected chair, "小明 · 11岁"; memberId only for staff and the chair's own guardian/account */
  chair: z.object({ memberId: idSchema.nullable(), label: z.string() }).nullable(),
  viewer: z.object({
    canManage: z.boolean(),
    canApply: z.boolean(),
    /** create meetings and build their agendas (staff, or whoever acts as the chair) */
    canManageAgenda: z.boolean(),
    /** name or clear the chair (staff) */
    canSetChair: z.boolean(),
  }),
})
export type CouncilView = z.infer<typeof councilViewSchema>

/** A member as the public (and other members) see them. */
export const councilPublicMemberSchema = z.object({
  memberId: idSchema.nullable(),
  label: z.string(),
  alias: z.string(),
  age: z.number().int(),
})
/** A member as staff and their own guardian see them (still no openid). */
export const councilMemberViewSchema = councilPublicMemberSchema.extend({
  memberId: idSchema,
  childId: idSchema,
  status: memberStatusSchema,
  appliedAt: isoInstantSchema,
  approvedAt: isoInstantSchema.nullable(),
  leftAt: isoInstantSchema.nullable(),
  consentVersion: z.string(),
  /** this member is the council's chair */
  isChair: z.boolean(),
  /** the council's term has ended: the membership is shown as ended (status stays as stored) */
  termEnded: z.boolean(),
  /** the caller is this child's guardian (acts 以小明的身份) or the child; canSetChair: staff may name this member chair */
  viewer: z.object({
    isGuardian: z.boolean(),
    isChild: z.boolean(),
    canLeave: z.boolean(),
    canApprove: z.boolean(),
    canSetChair: z.boolean(),
  }),
})
export type CouncilMemberView = z.infer<typeof councilMemberViewSchema>
export type CouncilPublicMember = z.infer<typeof councilPublicMemberSchema>

export const childProposalViewSchema = z.object({
  proposalId: idSchema,
  communityId: communityIdSchema,
  /** "小明 · 11岁" */
  label: z.string(),
  noticed: z.string(),
  idea: z.string(),
  category: z.string(),
  photoUrl: z.string().nullable(),
  stage: childProposalStageSchema,
  createdAt: isoInstantSchema,
  answer: z.object({ kind: answerKindSchema, text: z.string(), at: isoInstantSchema }).nullable(),
  /** staff and own guardian only: review and due date */
  private: z
    .object({
      status: childProposalStatusSchema,
      reviewNote: z.string().nullable(),
      answerDueAt: isoInstantSchema.nullable(),
      overdue: z.boolean(),
      memberId: idSchema,
      /** who acted: guardian (以孩子的身份) or the child's own account */
      submittedBy: z.enum(['guardian', 'child']),
      handedOff: z.boolean(),
    })
    .nullable(),
})
export type ChildProposalView = z.infer<typeof childProposalViewSchema>

export const voteTallySchema = z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() })
export const agendaItemViewSchema = z.object({
  itemId: idSchema,
  title: z.string(),
  presenter: z.string().nullable(),
  durationMinutes: z.number().int(),
  order: z.number().int(),
  fromProposal: z.boolean(),
  vote: z
    .object({
      status: z.enum(['open', 'closed']),
      secret: z.boolean(),
      /** only once closed */
      tally: voteTallySchema.nullable(),
      present: z.number().int().nullable(),
      quorumMet: z.boolean().nullable(),
      passed: z.boolean().nullable(),
      /** open votes, once closed: who voted what (aliases); never for secret votes */
      ballots: z.array(z.object({ label: z.string(), choice: voteChoiceSchema })).nullable(),
      votedCount: z.number().int().nullable(),
    })
    .nullable(),
  decision: z.object({ text: z.string(), nextStep: z.string().nullable(), handedOff: z.boolean() }).nullable(),
})
export type AgendaItemView = z.infer<typeof agendaItemViewSchema>

export const meetingViewSchema = z.object({
  meetingId: idSchema,
  communityId: communityIdSchema,
  title: z.string(),
  startsAt: isoInstantSchema,
  place: z.string(),
  status: meetingStatusSchema,
  items: z.array(agendaItemViewSchema),
  attendanceCount: z.number().int(),
  minutes: z
    .object({ summary: z.string(), nextSteps: z.string(), attendanceCount: z.number().int(), publishedAt: isoInstantSchema })
    .nullable(),
  /** meeting mode (staff only) */
  staff: z
    .object({
      present: z.array(councilPublicMemberSchema),
      members: z.array(councilPublicMemberSchema),
      speaking: z.object({
        current: z.object({ memberId: idSchema, label: z.string(), since: isoInstantSchema }).nullable(),
        queue: z.array(z.object({ memberId: idSchema, label: z.string(), turns: z.number().int() })),
        seconds: z.number().int(),
      }),
    })
    .nullable(),
  /** canManage: staff (meeting mode, publish, votes, minutes); canManageAgenda: staff or the chair (edit the draft agenda) */
  viewer: z.object({ canManage: z.boolean(), canManageAgenda: z.boolean() }),
})
export type MeetingView = z.infer<typeof meetingViewSchema>
export const meetingSummarySchema = meetingViewSchema.pick({
  meetingId: true,
  title: true,
  startsAt: true,
  place: true,
  status: true,
  attendanceCount: true,
})

// ---------- inputs ----------

const communityInput = z.strictObject({ communityId: communityIdSchema })
const meetingInput = z.strictObject({ meetingId: idSchema })
const itemInput = z.strictObject({ meetingId: idSchema, itemId: idSchema })

export const setupCouncilInput = z
  .strictObject({
    communityId: communityIdSchema,
    name: text(COUNCIL_NAME_MAX, '请填写议事会名称'),
    termStart: calendarDay,
    termEnd: calendarDay,
    minAge: z.number().int().min(3).max(17).optional(),
    maxAge: z.number().int().min(3).max(17).optional(),
    answerDays: z.number().int().min(1).max(90).optional(),
    retentionDays: z.number().int().min(1).max(730).optional(),
  })
  .refine((v) => v.termStart <= v.termEnd, { path: ['termEnd'], message: '任期结束不能早于开始' })
  .refine((v) => (v.minAge ?? 6) <= (v.maxAge ?? 17), { path: ['maxAge'], message: '年龄范围不对' })

/** Either a child already linked (childId) or a new one (alias + birth year). Consent is required by the schema. */
export const applyInput = z
  .strictObject({
    communityId: communityIdSchema,
    childId: idSchema.optional(),
    alias: aliasSchema.optional(),
    birthYear: z.number().int().min(1990).max(2100).optional(),
    consent: z.literal(true, { message: '请先阅读并同意儿童个人信息保护规则' }),
    consentVersion: consentVersionSchema,
  })
  .refine((v) => (v.childId !== undefined) !== (v.alias !== undefined && v.birthYear !== undefined), {
    message: '请选择孩子，或填写称呼和出生年份',
  })
export const memberIdInput = z.strictObject({ memberId: idSchema })
/** Name an approved member chair, or clear the chair with `memberId: null`. */
export const setChairInput = z.strictObject({ councilId: idSchema, memberId: idSchema.nullable() })
export const childIdInput = z.strictObject({ childId: idSchema })

export const submitChildProposalInput = z.strictObject({
  memberId: idSchema,
  noticed: text(COUNCIL_NOTICED_MAX, '写一写你看到了什么', true),
  idea: text(COUNCIL_IDEA_MAX, '写一写你的主意', true),
  category: councilCategorySchema,
  photo: fileIdSchema.optional(),
})
export const reviewChildProposalInput = z.strictObject({
  proposalId: idSchema,
  decision: z.enum(['approve', 'reject']),
  note: optionalText(COUNCIL_ANSWER_MAX).optional(),
})
export const respondInput = z.strictObject({
  proposalId: idSchema,
  kind: answerKindSchema,
  text: text(COUNCIL_ANSWER_MAX, '请给孩子写几句话', true),
})
export const createMeetingInput = z.strictObject({
  communityId: communityIdSchema,
  title: text(COUNCIL_TITLE_MAX, '请填写会议名称'),
  startsAt: isoInstantSchema,
  place: text(COUNCIL_PLACE_MAX, '请填写地点'),
  speakingSeconds: z.number().int().min(30).max(600).optional(),
})
export const addAgendaItemInput = z
  .strictObject({
    meetingId: idSchema,
    proposalId: idSchema.optional(),
    title: text(COUNCIL_TITLE_MAX, '请填写议题').optional(),
    presenterAlias: aliasSchema.optional(),
    durationMinutes: z.number().int().min(1).max(120),
    order: z.number().int().min(0).max(100).optional(),
  })
  .refine((v) => v.proposalId !== undefined || v.title !== undefined, { path: ['title'], message: '请填写议题，或选择孩子的建议' })
export const reorderAgendaInput = z.strictObject({ meetingId: idSchema, itemIds: z.array(idSchema).min(1).max(50) })
export const recordAttendanceInput = z.strictObject({
  meetingId: idSchema,
  memberIds: z.array(idSchema).min(1).max(500),
  present: z.boolean(),
})
export const raiseHandInput = z.strictObject({ meetingId: idSchema, memberId: idSchema })
export const openVoteInput = z.strictObject({ meetingId: idSchema, itemId: idSchema, secret: z.boolean() })
export const castVoteInput = z.strictObject({ meetingId: idSchema, itemId: idSchema, memberId: idSchema, choice: voteChoiceSchema })
export const recordDecisionInput = z.strictObject({
  meetingId: idSchema,
  itemId: idSchema,
  text: text(COUNCIL_ANSWER_MAX, '请写下决定', true),
  nextStep: optionalText(COUNCIL_ANSWER_MAX).optional(),
  /** pass the decision into the residents' proposals flow (项目清单 / 成效清单) */
  handOff: z.boolean().optional(),
})
export const publishMinutesInput = z.strictObject({
  meetingId: idSchema,
  summary: text(COUNCIL_MINUTES_MAX, '请写会议纪要', true),
  nextSteps: text(COUNCIL_MINUTES_MAX, '请写接下来做什么', true),
})

// ---------- outputs ----------

export const membersOutput = z.object({
  members: z.array(councilPublicMemberSchema),
  mine: z.array(councilMemberViewSchema),
  all: z.array(councilMemberViewSchema).nullable(),
})
export const proposalsOutput = z.object({ public: z.array(childProposalViewSchema), mine: z.array(childProposalViewSchema) })
export const staffBoardOutput = z.object({
  counts: z.object({
    pendingReview: z.number().int(),
    awaitingAnswer: z.number().int(),
    overdue: z.number().int(),
    answered: z.number().int(),
    pendingMembers: z.number().int(),
  }),
  pendingReview: z.array(childProposalViewSchema),
  awaitingAnswer: z.array(childProposalViewSchema),
  pendingMembers: z.array(councilMemberViewSchema),
})
export const meetingsOutput = z.object({ meetings: z.array(meetingSummarySchema) })
export const castVoteOutput = z.object({ counted: z.boolean() })
export const childDataOutput = z.object({
  exportedAt: isoInstantSchema,
  child: z.object({
    childId: idSchema,
    alias: z.string(),
    birthYear: z.number().int(),
    communityId: communityIdSchema,
    hasOwnAccount: z.boolean(),
  }),
  /** every stored record about the child, collection by collection (the guardian's own openid is the only openid) */
  records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
})
export const deleteChildDataOutput = z.object({ deleted: z.record(z.string(), z.number().int()) })

export const councilContract = {
  get: { input: communityInput, output: councilViewSchema.nullable() },
  setup: { input: setupCouncilInput, output: councilViewSchema },
  apply: { input: applyInput, output: councilMemberViewSchema },
  approveMember: { input: memberIdInput, output: councilMemberViewSchema },
  setChair: { input: setChairInput, output: councilViewSchema },
  leave: { input: memberIdInput, output: councilMemberViewSchema },
  members: { input: communityInput, output: membersOutput },
  // review: 'hold' — a child's proposal always waits for staff review; review-level text is kept as `moderation:
  // 'review'` for staff to see. Every other council text (to children, guardians, the public) refuses review-level
  // text with CONTENT.REVIEW (docs/decisions/0036)
  submitProposal: { input: submitChildProposalInput, output: childProposalViewSchema, review: 'hold' },
  reviewProposal: { input: reviewChildProposalInput, output: childProposalViewSchema },
  respond: { input: respondInput, output: childProposalViewSchema },
  proposals: { input: communityInput, output: proposalsOutput },
  staffBoard: { input: communityInput, output: staffBoardOutput },
  createMeeting: { input: createMeetingInput, output: meetingViewSchema },
  addAgendaItem: { input: addAgendaItemInput, output: meetingViewSchema },
  reorderAgenda: { input: reorderAgendaInput, output: meetingViewSchema },
  publishAgenda: { input: meetingInput, output: meetingViewSchema },
  meetings: { input: communityInput, output: meetingsOutput },
  agenda: { input: meetingInput, output: meetingViewSchema },
  recordAttendance: { input: recordAttendanceInput, output: meetingViewSchema },
  raiseHand: { input: raiseHandInput, output: z.object({ queued: z.boolean(), position: z.number().int() }) },
  nextSpeaker: { input: meetingInput, output: meetingViewSchema },
  openVote: { input: openVoteInput, output: meetingViewSchema },
  castVote: { input: castVoteInput, output: castVoteOutput },
  closeVote: { input: itemInput, output: meetingViewSchema },
  recordDecision: { input: recordDecisionInput, output: meetingViewSchema },
  publishMinutes: { input: publishMinutesInput, output: meetingViewSchema },
  myChildData: { input: childIdInput, output: childDataOutput },
  deleteChildData: { input: childIdInput, output: deleteChildDataOutput },
} as const

export type ApplyInput = z.input<typeof applyInput>
export type SubmitChildProposalInput = z.input<typeof submitChildProposalInput>
export type MembersOutput = z.infer<typeof membersOutput>
export type ProposalsOutput = z.infer<typeof proposalsOutput>
export type StaffBoardOutput = z.infer<typeof staffBoardOutput>
export type ChildDataOutput = z.infer<typeof childDataOutput>
