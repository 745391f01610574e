/**
 * Pure rules about events and sign-ups. Every function takes `now`; none reads a clock or the database.
 * Edges are "from the instant on": sign-up opens AT signupOpensAt and closes AT signupClosesAt, a confirmed place can
 * be given back until (not at) the cancellation deadline, check-in runs [start − 60 min, end), ratings [end, end + 14 d).
 */
import {
  ADULT_AGE,
  CHECKIN_OPENS_BEFORE_MINUTES,
  FULLNESS_ALERTS,
  RATING_ALERT_AVERAGE,
  RATING_MIN_COUNT,
  RATING_WINDOW_DAYS,
  REMINDER_HOURS_AHEAD,
  shanghaiYear,
  type EventDoc,
  type EventPhase,
  type EventQuota,
  type SignupDoc,
  type SignupStatus,
} from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const t = (d: Date) => d.getTime()

type Timing = Pick<EventDoc, 'status' | 'signupOpensAt' | 'signupClosesAt' | 'startAt' | 'endAt'>
type Counters = Pick<EventDoc, 'capacity' | 'confirmedCount' | 'waitlistCount' | 'allocation' | 'drawState'>

/** draft · upcoming · open · closed · ongoing · ended · cancelled. */
export function eventPhase(e: Timing, now: Date): EventPhase {
  if (e.status === 'draft') return 'draft'
  if (e.status === 'cancelled') return 'cancelled'
  const n = t(now)
  if (n < t(e.signupOpensAt)) return 'upcoming'
  if (n < t(e.signupClosesAt)) return 'open'
  if (n < t(e.startAt)) return 'closed'
  if (n < t(e.endAt)) return 'ongoing'
  return 'ended'
}

export type Schedule = Pick<
  EventDoc,
  'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt' | 'cancelBefore' | 'capacity' | 'allocation' | 'quotas' | 'ageMin' | 'ageMax'
>

const bad = (message: string): Refusal => ({ code: 'EVENT.INVALID_SCHEDULE', message })

/** signupOpensAt < signupClosesAt ≤ startAt < endAt; the deadline within the window; quotas only for lotteries. */
export function checkSchedule(s: Schedule): Refusal | null {
  if (!(t(s.signupOpensAt) < t(s.signupClosesAt))) return bad('signupOpensAt must be before signupClosesAt')
  if (!(t(s.signupClosesAt) <= t(s.startAt))) return bad('sign-up must close by the start')
  if (!(t(s.startAt) < t(s.endAt))) return bad('startAt must be before endAt')
  if (t(s.endAt) - t(s.startAt) > 31 * DAY) return bad('an event lasts at most 31 days (make a series of sessions)')
  if (s.cancelBefore && (t(s.cancelBefore) > t(s.startAt) || t(s.cancelBefore) <= t(s.signupOpensAt))) {
    return bad('cancelBefore must be after sign-up opens and no later than the start')
  }
  if (s.ageMin !== null && s.ageMax !== null && s.ageMin > s.ageMax) return bad('ageMin > ageMax')
  if (s.quotas.length > 0) {
    if (s.allocation !== 'lottery') return bad('age-band quotas apply to lotteries only')
    const total = s.quotas.reduce((sum, q) => sum + q.places, 0)
    if (total > s.capacity) return bad('quotas add up to more than the capacity')
    if (s.quotas.some((q) => (s.ageMin !== null && q.ageMin < s.ageMin) || (s.ageMax !== null && q.ageMax > s.ageMax))) {
      return bad('a quota age band lies outside the event age range')
    }
    const sorted = [...s.quotas].sort((a, b) => a.ageMin - b.ageMin)
    for (let i = 1; i < sorted.length; i++) if (sorted[i].ageMin <= sorted[i - 1].ageMax) return bad('quota age bands overlap')
  }
  return null
}

/** Age on the event day, counted in Chengdu calendar years (a birth year is all we keep of a child). */
export const ageOnEventDay = (birthYear: number, startAt: Date) => shanghaiYear(startAt) - birthYear

/**
 * The age band, checked on the event day. A participant without a recorded birth year is an adult (a resident signing
 * up themselves): they may join a band that admits adults (no upper bound, or one of 18 or more).
 */
export function checkAge(e: Pick<EventDoc, 'ageMin' | 'ageMax' | 'startAt'>, birthYear: number | null): Refusal | null {
  if (e.ageMin === null && e.ageMax === null) return null
  if (birthYear === null) {
    return e.ageMax !== null && e.ageMax < ADULT_AGE
      ? { code: 'EVENT.AGE_OUT_OF_RANGE', message: `the event is for ages up to ${e.ageMax}; sign a child up instead` }
      : null
  }
  const age = ageOnEventDay(birthYear, e.startAt)
  if ((e.ageMin !== null && age < e.ageMin) || (e.ageMax !== null && age > e.ageMax)) {
    return { code: 'EVENT.AGE_OUT_OF_RANGE', message: `age ${age} on the event day is outside ${e.ageMin ?? 0}–${e.ageMax ?? '∞'}` }
  }
  return null
}

/** Published and inside [signupOpensAt, signupClosesAt). */
export function checkSignupWindow(e: Timing, now: Date): Refusal | null {
  if (e.status !== 'published') return { code: 'EVENT.INVALID_STATE', message: `cannot sign up to a ${e.status} event` }
  if (t(now) < t(e.signupOpensAt)) return { code: 'EVENT.SIGNUP_NOT_OPEN', message: 'sign-up has not opened yet' }
  if (t(now) >= t(e.signupClosesAt)) return { code: 'EVENT.SIGNUP_CLOSED', message: 'sign-up has closed' }
  return null
}

/** Everything about a participant and a moment that decides whether they may sign up (counters aside). */
export function canSignUp(
  e: Timing & Pick<EventDoc, 'ageMin' | 'ageMax'>,
  participant: { birthYear: number | null },
  now: Date,
): Refusal | null {
  return checkSignupWindow(e, now) ?? checkAge(e, participant.birthYear)
}

/**
 * Staff booking a walk-in (代报名): published and not yet ended — sign-up windows are for self-service, staff may
 * book at the door — except that a lottery's registrations are frozen between its close and its draw. Age band applies.
 */
export function canProxySignUp(
  e: Timing & Pick<EventDoc, 'ageMin' | 'ageMax' | 'allocation' | 'drawState'>,
  birthYear: number | null,
  now: Date,
): Refusal | null {
  if (e.status !== 'published') return { code: 'EVENT.INVALID_STATE', message: `cannot book a ${e.status} event` }
  if (t(now) >= t(e.endAt)) return { code: 'EVENT.SIGNUP_CLOSED', message: 'the event is over' }
  if (e.allocation === 'lottery' && e.drawState !== 'done' && t(now) >= t(e.signupClosesAt)) {
    return { code: 'EVENT.SIGNUP_CLOSED', message: 'the lottery is closed and not drawn yet' }
  }
  if (e.allocation === 'lottery' && e.drawState === 'none' && t(now) < t(e.signupOpensAt)) {
    return { code: 'EVENT.SIGNUP_NOT_OPEN', message: 'the lottery has not opened yet' }
  }
  return checkAge(e, birthYear)
}

export type SignupDecision = { status: Extract<SignupStatus, 'confirmed' | 'waitlisted' | 'registered'>; position: number | null }

/**
 * Where a new sign-up goes, from the event's counters as read inside the transaction: a lottery before its draw
 * registers; otherwise a free place (and nobody waiting ahead) confirms, else the waitlist, at its exact position.
 */
export function decideSignUp(e: Counters): SignupDecision {
  if (e.allocation === 'lottery' && e.drawState === 'none') return { status: 'registered', position: null }
  if (e.confirmedCount < e.capacity && e.waitlistCount === 0) return { status: 'confirmed', position: null }
  return { status: 'waitlisted', position: e.waitlistCount + 1 }
}

/** Until when a confirmed place may be given back: cancelBefore, else the start. */
export const cancelDeadline = (e: Pick<EventDoc, 'cancelBefore' | 'startAt'>): Date => e.cancelBefore ?? e.startAt

/**
 * Giving a place back: a confirmed place until the deadline (exclusive); a waitlist or lottery registration until the
 * start. Never while a draw is being written.
 */
export function checkCancel(
  e: Timing & Pick<EventDoc, 'cancelBefore' | 'drawState'>,
  s: Pick<SignupDoc, 'status'>,
  now: Date,
): Refusal | null {
  if (e.status !== 'published') return { code: 'EVENT.INVALID_STATE', message: `the event is ${e.status}` }
  if (e.drawState === 'applying') return { code: 'EVENT.BUSY', message: 'the lottery is being drawn' }
  if (s.status === 'cancelled') return { code: 'SIGNUP.NOT_FOUND', message: 'already cancelled' }
  const limit = s.status === 'confirmed' ? cancelDeadline(e) : e.startAt
  if (t(now) >= t(limit)) return { code: 'EVENT.CANCEL_DEADLINE_PASSED', message: `the deadline was ${limit.toISOString()}` }
  return null
}

export const checkInOpensAt = (e: Pick<EventDoc, 'startAt'>) => new Date(t(e.startAt) - CHECKIN_OPENS_BEFORE_MINUTES * MINUTE)

/** Check-in runs from an hour before the start until the end. */
export function checkCheckInWindow(e: Timing, now: Date): Refusal | null {
  if (e.status !== 'published') return { code: 'EVENT.INVALID_STATE', message: `the event is ${e.status}` }
  if (t(now) < t(checkInOpensAt(e)) || t(now) >= t(e.endAt)) return { code: 'EVENT.CHECKIN_CLOSED', message: 'outside the check-in window' }
  return null
}

/** Who may check in: a confirmed place only. */
export function checkCheckIn(s: Pick<SignupDoc, 'status'>): Refusal | null {
  return s.status === 'confirmed' ? null : { code: 'SIGNUP.NOT_CONFIRMED', message: `a ${s.status} sign-up cannot check in` }
}

export const ratingClosesAt = (e: Pick<EventDoc, 'endAt'>) => new Date(t(e.endAt) + RATING_WINDOW_DAYS * DAY)

/** Only attendees (checked in) rate, once, from the end for 14 days. */
export function checkRate(e: Timing, s: Pick<SignupDoc, 'status' | 'checkedInAt' | 'rated'> | null, now: Date): Refusal | null {
  if (e.status !== 'published') return { code: 'EVENT.INVALID_STATE', message: `the event is ${e.status}` }
  if (t(now) < t(e.endAt) || t(now) >= t(ratingClosesAt(e))) return { code: 'EVENT.RATING_CLOSED', message: 'outside the rating window' }
  if (!s || s.status !== 'confirmed') return { code: 'SIGNUP.NOT_FOUND', message: 'no confirmed place' }
  if (!s.checkedInAt) return { code: 'SIGNUP.NOT_ATTENDED', message: 'only attendees may rate' }
  if (s.rated) return { code: 'SIGNUP.ALREADY_RATED', message: 'already rated' }
  return null
}

export const ratingAverage = (count: number, sum: number): number | null => (count > 0 ? Math.round((sum / count) * 100) / 100 : null)

/** An average below 3.5 from at least 5 ratings asks staff to adjust. */
export function needsAdjustment(count: number, sum: number): boolean {
  return count >= RATING_MIN_COUNT && sum / count < RATING_ALERT_AVERAGE
}

/** Which fullness alerts (80 %, 100 %) are due and not yet sent. */
export function fullnessAlertsDue(e: Pick<EventDoc, 'capacity' | 'confirmedCount' | 'alert80At' | 'alert100At'>): Array<'80' | '100'> {
  const [share80, share100] = FULLNESS_ALERTS
  const out: Array<'80' | '100'> = []
  if (!e.alert80At && e.confirmedCount >= Math.ceil(e.capacity * share80)) out.push('80')
  if (!e.alert100At && e.confirmedCount >= Math.ceil(e.capacity * share100)) out.push('100')
  return out
}

/** A lottery may be drawn once its sign-up has closed, once. */
export function checkDraw(e: Timing & Pick<EventDoc, 'allocation' | 'drawState'>, now: Date): Refusal | null {
  if (e.allocation !== 'lottery') return { code: 'EVENT.INVALID_STATE', message: 'not a lottery' }
  if (e.status !== 'published') return { code: 'EVENT.INVALID_STATE', message: `the event is ${e.status}` }
  if (e.drawState !== 'none') return { code: 'EVENT.ALREADY_DRAWN', message: 'the draw is published and final' }
  if (t(now) < t(e.signupClosesAt)) return { code: 'EVENT.DRAW_NOT_DUE', message: 'sign-up is still open' }
  return null
}

/** The day-before reminder: published, starts within the next 24 hours, not sent yet. */
export function reminderDue(e: Pick<EventDoc, 'status' | 'startAt' | 'reminderSentAt'>, now: Date): boolean {
  return e.status === 'published' && !e.reminderSentAt && t(e.startAt) > t(now) && t(e.startAt) <= t(now) + REMINDER_HOURS_AHEAD * HOUR
}

/** No-shows are recorded once check-in has closed (at the end). */
export function noShowsDue(e: Pick<EventDoc, 'status' | 'endAt' | 'noShowsRecordedAt'>, now: Date): boolean {
  return e.status === 'published' && !e.noShowsRecordedAt && t(now) >= t(e.endAt)
}

/** Publishing: a draft whose sign-up has not closed yet; text for review only by the district admin. */
export function decidePublish(
  e: Pick<EventDoc, 'status' | 'moderation'> & Schedule,
  now: Date,
  options: { mayOverrideReview: boolean },
): Refusal | null {
  if (e.status !== 'draft') return { code: 'EVENT.INVALID_STATE', message: `cannot publish a ${e.status} event` }
  if (e.moderation === 'review' && !options.mayOverrideReview)
    return { code: 'CONTENT.REVIEW', message: 'the text needs review by the district' }
  const schedule = checkSchedule(e)
  if (schedule) return schedule
  if (t(e.signupClosesAt) <= t(now)) return bad('sign-up would already be closed')
  return null
}

/** Fields that are fixed once an event is published: they are what people signed up for, and how places were given. */
export const FIXED_AFTER_PUBLISH = ['allocation', 'openTo', 'ageMin', 'ageMax', 'quotas', 'signupOpensAt'] as const

/**
 * Editing: drafts freely; a published event keeps the fixed fields, never drops capacity below the places given,
 * and stays consistent in time. A cancelled or ended event is not edited.
 */
export function decideUpdate(e: EventDoc, changes: Partial<Schedule> & Record<string, unknown>, now: Date): Refusal | null {
  const phase = eventPhase(e, now)
  if (phase === 'cancelled' || phase === 'ended') return { code: 'EVENT.INVALID_STATE', message: `cannot edit a ${phase} event` }
  if (e.status === 'published') {
    for (const key of FIXED_AFTER_PUBLISH) {
      if (changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(e[key])) {
        return { code: 'EVENT.INVALID_STATE', message: `${key} cannot change after publishing` }
      }
    }
    if (changes.capacity !== undefined && changes.capacity < e.confirmedCount) {
      return { code: 'EVENT.INVALID_STATE', message: `capacity ${changes.capacity} is below the ${e.confirmedCount} places already given` }
    }
  }
  return checkSchedule({ ...e, ...changes } as Schedule)
}

/** Quota band of an age (the first band containing it), or null. */
export function quotaBand(quotas: EventQuota[], age: number | null): number | null {
  if (age === null) return null
  const i = quotas.findIndex((q) => age >= q.ageMin && age <= q.ageMax)
  return i < 0 ? null : i
}
