/**
 * Events and courses (活动与课程): constants, labels and small pure helpers shared by the `events` function and the
 * app. No zod here; the main package (the 活动 section on 首页) imports only events-labels.ts, re-exported below.
 * The schemas, read models and the contract are in events.ts.
 */

export const EVENT_CATEGORIES = ['活动', '课程', '暑期课堂', '志愿服务'] as const
export type EventCategory = (typeof EVENT_CATEGORIES)[number]
/** Categories that count as a free course for the monthly "≥ 2 per age group" target (院落大学, 暑期课堂). */
export const COURSE_CATEGORIES: readonly EventCategory[] = ['课程', '暑期课堂']

/** How places are given: first come first served, or a lottery drawn after sign-up closes. */
export const ALLOCATIONS = ['first_come', 'lottery'] as const
export type Allocation = (typeof ALLOCATIONS)[number]

/** Who may sign up: members of the event's community, or anyone signed in (e.g. a district-wide class). */
export const OPEN_TO = ['residents', 'anyone'] as const
export type OpenTo = (typeof OPEN_TO)[number]

/** Stored status of an event. */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

/**
 * What people see, derived from status, times and now: draft · upcoming (sign-up not open yet) · open · closed
 * (sign-up closed, not started) · ongoing · ended · cancelled.
 */
export const EVENT_PHASES = ['draft', 'upcoming', 'open', 'closed', 'ongoing', 'ended', 'cancelled'] as const
export type EventPhase = (typeof EVENT_PHASES)[number]

/**
 * A sign-up's status: registered (lottery, not drawn yet) · confirmed (has a place) · waitlisted (候补, FIFO) ·
 * cancelled (by the participant, the guardian or staff).
 */
export const SIGNUP_STATUSES = ['registered', 'confirmed', 'waitlisted', 'cancelled'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]

/** Who the place is for: the caller, a guardian's child, or a walk-in booked by staff (代报名). */
export const PARTICIPANT_KINDS = ['self', 'child', 'walk_in'] as const
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number]

/** How the sign-up was made. */
export const SIGNUP_SOURCES = ['self', 'guardian', 'proxy'] as const
export type SignupSource = (typeof SIGNUP_SOURCES)[number]

export const EVENT_TITLE_MAX = 40
export const EVENT_DESCRIPTION_MAX = 2000
export const EVENT_PLACE_MAX = 50
export const EVENT_CAPACITY_MAX = 5000
export const SERIES_TITLE_MAX = 30
export const RATING_COMMENT_MAX = 300
export const RATING_TAG_MAX = 8
export const RATING_TAGS_MAX = 5
export const ADJUSTMENT_NOTE_MAX = 300
export const WALK_IN_NAME_MAX = 10
export const CANCEL_REASON_MAX = 100

/** Adults without a recorded birth year count as this old for an age band (they may join bands that admit adults). */
export const ADULT_AGE = 18

/** Check-in opens this many minutes before the start and closes at the end; no-shows are recorded then. */
export const CHECKIN_OPENS_BEFORE_MINUTES = 60
/** Ratings are accepted from the end of the event for this many days. */
export const RATING_WINDOW_DAYS = 14
/** An average below this from at least RATING_MIN_COUNT ratings opens an adjustment task for staff. */
export const RATING_ALERT_AVERAGE = 3.5
export const RATING_MIN_COUNT = 5
/** Staff are told when confirmed places reach these shares of capacity. */
export const FULLNESS_ALERTS = [0.8, 1] as const
/** Day-before reminders go out for events starting within this many hours. */
export const REMINDER_HOURS_AHEAD = 24
/** The monthly target of free courses per age group (院落大学: "at least two a month"). */
export const MONTHLY_COURSE_TARGET = 2

/** Age groups of the monthly course overview. A course counts for every group its age band overlaps. */
export const AGE_GROUPS = [
  { key: 'preschool', label: '学龄前 3–5 岁', min: 3, max: 5 },
  { key: 'primary', label: '小学 6–12 岁', min: 6, max: 12 },
  { key: 'teen', label: '中学 13–17 岁', min: 13, max: 17 },
  { key: 'adult', label: '成人 18–59 岁', min: 18, max: 59 },
  { key: 'senior', label: '长者 60 岁以上', min: 60, max: 150 },
] as const
export type AgeGroupKey = (typeof AGE_GROUPS)[number]['key']

/**
 * Subscribe-message templates (订阅消息), at most 3 so that one `requestSubscribeMessage` at the tap of 报名 asks for all.
 * The ids come from deploy.config.ts (小程序后台 → 订阅消息; the field keys must match its mappings).
 *  - reminder  活动开始提醒: thing1 活动名称 · time2 开始时间 · thing3 地点 · thing4 温馨提示
 *  - result    报名结果通知: thing1 活动名称 · phrase2 报名状态 · thing3 备注
 *  - cancelled 活动取消通知: thing1 活动名称 · time2 原定时间 · thing3 取消原因
 */
export const SUBSCRIBE_TEMPLATES = {
  reminder: 'yuanba-tmpl-event-reminder',
  result: 'yuanba-tmpl-signup-result',
  cancelled: 'yuanba-tmpl-event-cancelled',
} as const

/** Pages of the events feature (no leading slash, as subscribe messages and the inbox want them). */
export const EVENT_PAGES = {
  detail: 'packages/events/pages/detail/index',
  tickets: 'packages/events/pages/tickets/index',
  checkin: 'packages/events/pages/checkin/index',
  lottery: 'packages/events/pages/lottery/index',
  staffList: 'packages/events-staff/pages/list/index',
  staffEditor: 'packages/events-staff/pages/editor/index',
  staffSignups: 'packages/events-staff/pages/signups/index',
  staffScan: 'packages/events-staff/pages/scan/index',
  staffMonth: 'packages/events-staff/pages/month/index',
} as const

/** The `phrase` values of 报名状态 (≤ 5 Chinese characters each — the platform refuses anything else with 47003). */
export const STATUS_PHRASE: Record<'confirmed' | 'waitlisted' | 'registered' | 'cancelled' | 'promoted', string> = {
  confirmed: '已录取',
  waitlisted: '候补中',
  registered: '待抽签',
  cancelled: '已取消',
  promoted: '候补转正',
}

export { thingValue } from './subscribe-fields'

// The venue scene and the labels live in events-labels.ts (small enough for the main package); re-exported here.
export * from './events-labels'

/** The page a venue code opens: 首页, which hands an `a=` scene to the check-in page (no leading '/', no query). */
export const EVENT_POSTER_PAGE = 'pages/home/index'

/** A ticket's QR content: `YBT:<ticketCode>`; staff scan it with Taro.scanCode. */
export const TICKET_CODE_PATTERN = /^[A-Z0-9]{10}$/
export const ticketQrText = (ticketCode: string) => `YBT:${ticketCode}`
/** What a scan returned → the ticket code, or null. Accepts the QR text or the bare code typed by hand. */
export function parseTicketText(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null
  const t = text.trim().toUpperCase()
  const m = /^(?:YBT:)?([A-Z0-9]{10})$/.exec(t)
  return m ? m[1] : null
}
