/**
 * Insights (数据看板): the figures staff and the district admin read, each with ONE written definition here (shown under
 * the figure on tap, and on the export's second sheet). Figures are computed by pure functions
 * (cloudfunctions/insights/domain/) from daily rollups that are themselves computed from stored records.
 * A cell that counts fewer than 5 people (but more than none) is shown as "<5", so no child or household stands out.
 */
import { z } from 'zod'
import { communityIdSchema } from './ids'

/** Cells counting fewer than this many people (and more than none) are suppressed. */
export const SUPPRESS_BELOW = 5
export const SUPPRESSED = '<5' as const
/** A figure's value: a number, "<5", or null when there is nothing to compute it from (a rate with no places). */
export type Cell = number | typeof SUPPRESSED | null
export const cellSchema = z.union([z.number(), z.literal(SUPPRESSED), z.null()])

/** Age bands of participation: the course target's age groups (types/events-base AGE_GROUPS). */
export const PARTICIPATION_BANDS = ['preschool', 'primary', 'teen', 'adult', 'senior'] as const
export type ParticipationBand = (typeof PARTICIPATION_BANDS)[number]
export const BAND_LABEL: Record<ParticipationBand, string> = {
  preschool: '学龄前 3–5 岁',
  primary: '小学 6–12 岁',
  teen: '中学 13–17 岁',
  adult: '成人 18–59 岁',
  senior: '长者 60 岁以上',
}

export interface FigureDefinition {
  label: string
  group: '参与' | '活动与课程' | '课程目标' | '居民建议' | '儿童议事会'
  unit: '人' | '场' | '个' | '件' | '%' | '分' | '天' | '个月' | '人·月'
  /** counts people: below 5 (and above 0) shows "<5" */
  people: boolean
  definition: string
}

const band = (key: ParticipationBand): FigureDefinition => ({
  label: `报名居民 · ${BAND_LABEL[key]}`,
  group: '参与',
  unit: '人',
  people: true,
  definition: `期间内举办的活动或课程中，有一次或以上报名（不含已取消）且活动当年年龄在「${BAND_LABEL[key]}」的不同参与者人数；未登记出生年份的成人按 18 岁计。`,
})
const met = (key: ParticipationBand): FigureDefinition => ({
  label: `课程达标月数 · ${BAND_LABEL[key]}`,
  group: '课程目标',
  unit: '个月',
  people: false,
  definition: `期间内的自然月中，「${BAND_LABEL[key]}」年龄组举办的免费课程（课程、暑期课堂；年龄段与该组有重叠，未设年龄段的课程计入每个组）达到每月至少 2 次的月数。`,
})

/** Every figure and its one definition. The key is the figure's name everywhere (read model, export, charts). */
export const FIGURES = {
  'participation.signedUp': {
    label: '报名居民',
    group: '参与',
    unit: '人',
    people: true,
    definition:
      '期间内举办的活动或课程中，有一次或以上报名（不含已取消）的不同参与者人数（本人、代孩子报名的孩子、代报名的居民各算一人）。',
  },
  'participation.supported': {
    label: '附议居民',
    group: '参与',
    unit: '人',
    people: true,
    definition: '期间内附议过居民建议（现仍保留附议）的不同居民人数。',
  },
  'participation.proposed': {
    label: '提建议居民',
    group: '参与',
    unit: '人',
    people: true,
    definition: '期间内提交过居民建议（任何状态）的不同居民人数。',
  },
  'participation.any': {
    label: '参与居民',
    group: '参与',
    unit: '人',
    people: true,
    definition: '期间内报名、附议或提建议中任意一项的不同居民人数（同一人只算一次）。',
  },
  'participation.band.preschool': band('preschool'),
  'participation.band.primary': band('primary'),
  'participation.band.teen': band('teen'),
  'participation.band.adult': band('adult'),
  'participation.band.senior': band('senior'),
  'participation.monthlyAverage': {
    label: '月均参与居民',
    group: '参与',
    unit: '人',
    people: true,
    definition: '期间内每个自然月「参与居民」人数的平均（四舍五入到整数）；区级视图跨社区比较时使用，一人多月参与按月分别计。',
  },
  'events.held': {
    label: '举办场次',
    group: '活动与课程',
    unit: '场',
    people: false,
    definition: '开始时间在期间内、已发布且未取消的活动和课程场次（含课程）。',
  },
  'events.coursesHeld': {
    label: '其中课程',
    group: '活动与课程',
    unit: '场',
    people: false,
    definition: '「举办场次」中类别为课程或暑期课堂的场次。',
  },
  'events.placesOffered': {
    label: '提供名额',
    group: '活动与课程',
    unit: '个',
    people: false,
    definition: '「举办场次」的名额（容量）之和。',
  },
  'events.placesTaken': {
    label: '使用名额',
    group: '活动与课程',
    unit: '人',
    people: true,
    definition: '「举办场次」报名成功（已确认）的人数之和。',
  },
  'events.fillRate': {
    label: '满员率',
    group: '活动与课程',
    unit: '%',
    people: true,
    definition: '使用名额 ÷ 提供名额 × 100，保留一位小数；使用名额不足 5 人时不显示。',
  },
  'events.waitlisted': {
    label: '候补人数',
    group: '活动与课程',
    unit: '人',
    people: true,
    definition: '「举办场次」在活动时仍在候补名单上的人数之和。',
  },
  'events.noShows': {
    label: '未到场',
    group: '活动与课程',
    unit: '人',
    people: true,
    definition: '「举办场次」中报名成功但活动结束后记为未签到的人数之和。',
  },
  'events.ratings': {
    label: '评价人数',
    group: '活动与课程',
    unit: '人',
    people: true,
    definition: '对「举办场次」提交评价的参与者人数之和。',
  },
  'events.score': {
    label: '群众测评得分',
    group: '活动与课程',
    unit: '分',
    people: true,
    definition: '「举办场次」全部评价（1–5 分）的平均分，保留两位小数；评价不足 5 人时不显示。',
  },
  'courses.months': {
    label: '统计月数',
    group: '课程目标',
    unit: '个月',
    people: false,
    definition: '期间覆盖的自然月数（首尾不完整的月也计入，只统计期间内的课程）。',
  },
  'courses.met.preschool': met('preschool'),
  'courses.met.primary': met('primary'),
  'courses.met.teen': met('teen'),
  'courses.met.adult': met('adult'),
  'courses.met.senior': met('senior'),
  'proposals.submitted': {
    label: '提交建议',
    group: '居民建议',
    unit: '件',
    people: false,
    definition: '提交时间在期间内的居民建议件数（任何状态，含儿童议事会转交的建议）。',
  },
  'proposals.published': {
    label: '公开建议',
    group: '居民建议',
    unit: '件',
    people: false,
    definition: '首次公开（进入「问题清单」）时间在期间内的建议件数。',
  },
  'proposals.thresholdReached': {
    label: '达到附议门槛',
    group: '居民建议',
    unit: '件',
    people: false,
    definition: '附议数达到门槛、进入「必答清单」的时间在期间内的建议件数。',
  },
  'proposals.answeredOnTime': {
    label: '按时答复',
    group: '居民建议',
    unit: '件',
    people: false,
    definition: '必答清单中首次答复时间在期间内、且不晚于答复期限的建议件数。',
  },
  'proposals.answeredLate': {
    label: '逾期答复',
    group: '居民建议',
    unit: '件',
    people: false,
    definition: '必答清单中首次答复时间在期间内、但晚于答复期限的建议件数。',
  },
  'proposals.medianDaysToAnswer': {
    label: '答复用时中位数',
    group: '居民建议',
    unit: '天',
    people: false,
    definition: '期间内首次答复的必答建议，从达到门槛到首次答复的天数的中位数，保留一位小数；不足 5 件时不显示。',
  },
  'proposals.becameProjects': {
    label: '转为项目',
    group: '居民建议',
    unit: '件',
    people: false,
    definition: '期间内新建的项目所包含的建议件数（进入「项目清单」）。',
  },
  'proposals.completed': {
    label: '项目完成',
    group: '居民建议',
    unit: '件',
    people: false,
    definition: '期间内完成的项目所包含的建议件数（进入「成效清单」）。',
  },
  'council.members': {
    label: '议事会成员',
    group: '儿童议事会',
    unit: '人',
    people: true,
    definition: '期间最后一天结束时，已获批准且未退出的儿童议事会成员人数。',
  },
  'council.proposals': {
    label: '儿童建议',
    group: '儿童议事会',
    unit: '件',
    people: true,
    definition: '提交时间在期间内的儿童建议件数（按人数同样保护：不足 5 件时不显示）。',
  },
  'council.answeredOnTime': {
    label: '按期答复孩子',
    group: '儿童议事会',
    unit: '件',
    people: true,
    definition: '答复时间在期间内、且不晚于答复期限的儿童建议件数。',
  },
  'council.answeredLate': {
    label: '逾期答复孩子',
    group: '儿童议事会',
    unit: '件',
    people: true,
    definition: '答复时间在期间内、但晚于答复期限的儿童建议件数。',
  },
} as const satisfies Record<string, FigureDefinition>

export type FigureKey = keyof typeof FIGURES
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[]
export type Figures = Record<FigureKey, Cell>

/** Figures the district view has (read from monthly rollups: distinct-resident figures become monthly averages). */
export const DISTRICT_FIGURE_KEYS = FIGURE_KEYS.filter((k) => !k.startsWith('participation.') || k === 'participation.monthlyAverage')

/** A Chengdu calendar day `YYYY-MM-DD`. */
export const daySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
/** Periods are at most this many days. */
export const MAX_INSIGHT_DAYS = 400

const period = { from: daySchema, to: daySchema }
export const communityInsightsInput = z.strictObject({ communityId: communityIdSchema, ...period })
export const districtInsightsInput = z.strictObject(period)

const figuresSchema = z.record(z.string(), cellSchema)
const monthRow = z.object({ month: z.string(), figures: figuresSchema })

export const communityInsightsOutput = z.object({
  communityId: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  figures: figuresSchema,
  months: z.array(monthRow),
  /** when the newest rollup read was computed (figures of today may lag by up to an hour) */
  rolledUpAt: z.string().nullable(),
})
export type CommunityInsights = z.infer<typeof communityInsightsOutput>

export const districtInsightsOutput = z.object({
  from: z.string(),
  to: z.string(),
  total: figuresSchema,
  communities: z.array(z.object({ communityId: z.string(), name: z.string(), figures: figuresSchema })),
  months: z.array(monthRow),
  rolledUpAt: z.string().nullable(),
})
export type DistrictInsights = z.infer<typeof districtInsightsOutput>

export const exportInsightsInput = z.strictObject({ communityId: communityIdSchema.optional(), ...period })
export const exportInsightsOutput = z.object({ fileId: z.string(), fileName: z.string(), url: z.string().nullable() })

/** One staff to-do across every feature (工作台). */
export const TODO_KINDS = [
  'proposalReview',
  'proposalAnswer',
  'childReview',
  'childAnswer',
  'adjustment',
  'eventFilling',
  'lotteryDue',
  'reported',
] as const
export type TodoKind = (typeof TODO_KINDS)[number]
export const TODO_LABEL: Record<TodoKind, string> = {
  proposalReview: '建议待审核',
  proposalAnswer: '必答建议待答复',
  childReview: '儿童建议待审核',
  childAnswer: '待答复孩子',
  adjustment: '低分整改',
  eventFilling: '活动即将满员',
  lotteryDue: '待抽签',
  reported: '被举报内容',
}
export const todoItem = z.object({
  kind: z.enum(TODO_KINDS),
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  /** ISO instant the item is due, or null (no deadline: sorted last) */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** the page where it is done, with its query */
  page: z.string(),
})
export type TodoItem = z.infer<typeof todoItem>
export const todoInput = z.strictObject({ communityId: communityIdSchema })
export const todoOutput = z.object({ items: z.array(todoItem), count: z.number().int() })

/**
 * The fan-out queue (待发送通知): messages queued by an action and not yet delivered by the timer — for one community
 * (its staff, the district admin) or, without `communityId`, the whole district (the district admin).
 */
export const sendQueueInput = z.strictObject({ communityId: communityIdSchema.optional() })
export const sendQueueOutput = z.object({
  communityId: z.string().nullable(),
  /** recipients still waiting for their message */
  pending: z.number().int().nonnegative(),
  /** queued messages (one per action that caused them) still being sent */
  jobs: z.number().int().nonnegative(),
  /** ISO instant the oldest waiting message was queued, or null when nothing waits */
  oldestAt: z.string().nullable(),
  /** how long the oldest has waited, in ms (0 when nothing waits) */
  oldestAgeMs: z.number().int().nonnegative(),
})
export type SendQueue = z.infer<typeof sendQueueOutput>

/** The workbench's one line about the queue ("待发送通知 12 条，最早 3 分钟前"), or null when nothing waits. */
export function sendQueueLine(q: Pick<SendQueue, 'pending' | 'oldestAgeMs'>): string | null {
  if (q.pending === 0) return null
  const minutes = Math.floor(q.oldestAgeMs / 60_000)
  if (minutes < 1) return `待发送通知 ${q.pending} 条，刚刚加入`
  const age = minutes < 60 ? `${minutes} 分钟` : minutes < 1440 ? `${Math.floor(minutes / 60)} 小时` : `${Math.floor(minutes / 1440)} 天`
  return `待发送通知 ${q.pending} 条，最早 ${age}前`
}

export const insightsContract = {
  community: { input: communityInsightsInput, output: communityInsightsOutput },
  district: { input: districtInsightsInput, output: districtInsightsOutput },
  export: { input: exportInsightsInput, output: exportInsightsOutput },
  todo: { input: todoInput, output: todoOutput },
  queue: { input: sendQueueInput, output: sendQueueOutput },
} as const

/** Additive counts of one community-day (or month) rollup. */
export const ROLLUP_COUNTS = [
  'held',
  'coursesHeld',
  'placesOffered',
  'placesTaken',
  'waitlisted',
  'noShows',
  'ratingCount',
  'ratingSum',
  'submitted',
  'published',
  'thresholdReached',
  'answeredOnTime',
  'answeredLate',
  'becameProjects',
  'completed',
  'councilProposals',
  'councilOnTime',
  'councilLate',
] as const
export type RollupCount = (typeof ROLLUP_COUNTS)[number]

/**
 * insights_daily: one document per community and Chengdu day (`${communityId}_${YYYY-MM-DD}`, kind 'day') and per
 * community and month (`${communityId}_${YYYY-MM}`, kind 'month', summed from its days). Written whole (set) by the
 * rollup timer, so recomputing a day is idempotent. Participants are pseudonymous keys (a hash of community and
 * person), never openids or names.
 */
export interface InsightsRollupDoc {
  _id: string
  communityId: string
  kind: 'day' | 'month'
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month */
  key: string
  month: string
  counts: Record<RollupCount, number>
  /** days from threshold to first answer, one per must-answer proposal first answered then */
  answerDays: number[]
  /** free courses held, per age group they count for */
  coursesByBand: Record<ParticipationBand, number>
  /** approved council members at the end of the (last) day */
  councilMembersAtEnd: number
  /** day documents: `${key}|${band}` per participant signed up, keys of supporters and proposers */
  signedUp: string[]
  supported: string[]
  proposed: string[]
  /** month documents: distinct participants of the month (any of the three) */
  active: number
  rolledUpAt: Date
}

/** The part of a month rollup the district view needs. */
export type MonthCell = Pick<InsightsRollupDoc, 'counts' | 'answerDays' | 'coursesByBand' | 'councilMembersAtEnd' | 'active'>

/**
 * insights_daily, kind 'district': one document per month (`_district_${YYYY-MM}`) holding every community's month
 * rollup, so the district view reads one document a month instead of one per community and month. `cells` is the
 * JSON of `Record<communityId, MonthCell>`: one string decodes far faster than 100 nested objects (bench/insights-district.ts).
 */
export interface InsightsDistrictDoc {
  _id: string
  communityId: '_district'
  kind: 'district'
  key: string
  month: string
  cells: string
  rolledUpAt: Date
}
