/**
 * The pure rules of events, each with its edge: the minute before and the minute after (and the instant itself).
 * Times are fixed instants; ages are counted on the event day in Asia/Shanghai.
 */
import { parseShanghai, type EventDoc, type SignupDoc } from '../../types/index'
import {
  ageOnEventDay,
  canProxySignUp,
  canSignUp,
  checkAge,
  checkCancel,
  checkCheckIn,
  checkCheckInWindow,
  checkDraw,
  checkRate,
  checkSchedule,
  checkSignupWindow,
  decidePublish,
  decideSignUp,
  decideUpdate,
  eventPhase,
  fullnessAlertsDue,
  needsAdjustment,
  noShowsDue,
  quotaBand,
  ratingAverage,
  reminderDue,
} from '../../cloudfunctions/events/domain/event-rules'
import { eventFields } from '../functions/events-fixtures'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const at = (wall: string) => parseShanghai(wall)
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms)

/** A summer class: sign-up 1 July 09:00 – 5 July 18:00, class 10 July 09:30–11:30 (Chengdu time). */
function summerClass(fields: Partial<EventDoc> = {}): EventDoc {
  return {
    _id: 'ev',
    ...eventFields({
      signupOpensAt: at('2026-07-01 09:00'),
      signupClosesAt: at('2026-07-05 18:00'),
      startAt: at('2026-07-10 09:30'),
      endAt: at('2026-07-10 11:30'),
      capacity: 20,
      ageMin: 5,
      ageMax: 12,
      ...fields,
    }),
  } as EventDoc
}
const signup = (fields: Partial<SignupDoc> = {}) => ({ status: 'confirmed', checkedInAt: null, rated: false, ...fields }) as SignupDoc

describe('phase', () => {
  const e = summerClass()
  it.each([
    ['2026-07-01 08:59', 'upcoming'],
    ['2026-07-01 09:00', 'open'],
    ['2026-07-05 17:59', 'open'],
    ['2026-07-05 18:00', 'closed'],
    ['2026-07-10 09:29', 'closed'],
    ['2026-07-10 09:30', 'ongoing'],
    ['2026-07-10 11:29', 'ongoing'],
    ['2026-07-10 11:30', 'ended'],
  ])('at %s → %s', (wall, phase) => {
    expect(eventPhase(e, at(wall))).toBe(phase)
  })
  it('draft and cancelled win over time', () => {
    expect(eventPhase({ ...e, status: 'draft' }, at('2026-07-02 10:00'))).toBe('draft')
    expect(eventPhase({ ...e, status: 'cancelled' }, at('2026-07-02 10:00'))).toBe('cancelled')
  })
})

describe('the sign-up window', () => {
  const e = summerClass()
  it('opens at signupOpensAt: the minute before is refused, the minute itself and after are fine', () => {
    expect(checkSignupWindow(e, at('2026-07-01 08:59'))?.code).toBe('EVENT.SIGNUP_NOT_OPEN')
    expect(checkSignupWindow(e, plus(at('2026-07-01 09:00'), -1))?.code).toBe('EVENT.SIGNUP_NOT_OPEN')
    expect(checkSignupWindow(e, at('2026-07-01 09:00'))).toBeNull()
    expect(checkSignupWindow(e, at('2026-07-01 09:01'))).toBeNull()
  })
  it('closes at signupClosesAt: the minute before is fine, the instant itself and after are refused', () => {
    expect(checkSignupWindow(e, at('2026-07-05 17:59'))).toBeNull()
    expect(checkSignupWindow(e, plus(at('2026-07-05 18:00'), -1))).toBeNull()
    expect(checkSignupWindow(e, at('2026-07-05 18:00'))?.code).toBe('EVENT.SIGNUP_CLOSED')
    expect(checkSignupWindow(e, at('2026-07-05 18:01'))?.code).toBe('EVENT.SIGNUP_CLOSED')
  })
  it('only published events take sign-ups', () => {
    expect(checkSignupWindow({ ...e, status: 'draft' }, at('2026-07-02 10:00'))?.code).toBe('EVENT.INVALID_STATE')
    expect(checkSignupWindow({ ...e, status: 'cancelled' }, at('2026-07-02 10:00'))?.code).toBe('EVENT.INVALID_STATE')
  })
})

describe('the age band, on the event day in Chengdu', () => {
  const e = summerClass() // 5–12, on 2026-07-10
  it.each([
    [2021, null], // 5
    [2022, 'EVENT.AGE_OUT_OF_RANGE'], // 4
    [2014, null], // 12
    [2013, 'EVENT.AGE_OUT_OF_RANGE'], // 13
  ])('born %i → %s', (birthYear, code) => {
    expect(checkAge(e, birthYear)?.code ?? null).toBe(code)
  })
  it('counts the year of the event day in Asia/Shanghai: a minute before and after midnight of 1 January', () => {
    // 2026-12-31 23:59 in Chengdu is 15:59 UTC; 2027-01-01 00:01 in Chengdu is still 31 December in UTC.
    const lateDecember = summerClass({ startAt: at('2026-12-31 23:59'), endAt: at('2027-01-01 01:00'), ageMax: 12 })
    const newYear = summerClass({ startAt: at('2027-01-01 00:01'), endAt: at('2027-01-01 02:00'), ageMax: 12 })
    expect(newYear.startAt.getUTCFullYear()).toBe(2026)
    expect(ageOnEventDay(2014, lateDecember.startAt)).toBe(12)
    expect(ageOnEventDay(2014, newYear.startAt)).toBe(13)
    expect(checkAge(lateDecember, 2014)).toBeNull()
    expect(checkAge(newYear, 2014)?.code).toBe('EVENT.AGE_OUT_OF_RANGE')
  })
  it('adults (no birth year) may join bands that admit adults, not children-only bands', () => {
    expect(checkAge(e, null)?.code).toBe('EVENT.AGE_OUT_OF_RANGE')
    expect(checkAge(summerClass({ ageMin: 60, ageMax: null }), null)).toBeNull()
    expect(checkAge(summerClass({ ageMin: null, ageMax: 18 }), null)).toBeNull()
    expect(checkAge(summerClass({ ageMin: null, ageMax: 17 }), null)?.code).toBe('EVENT.AGE_OUT_OF_RANGE')
    expect(checkAge(summerClass({ ageMin: null, ageMax: null }), 2025)).toBeNull()
  })
  it('canSignUp combines the window and the age', () => {
    expect(canSignUp(e, { birthYear: 2018 }, at('2026-07-02 10:00'))).toBeNull()
    expect(canSignUp(e, { birthYear: 2018 }, at('2026-06-30 10:00'))?.code).toBe('EVENT.SIGNUP_NOT_OPEN')
    expect(canSignUp(e, { birthYear: 2010 }, at('2026-07-02 10:00'))?.code).toBe('EVENT.AGE_OUT_OF_RANGE')
  })
})

describe('where a sign-up goes', () => {
  const base = { capacity: 2, confirmedCount: 0, waitlistCount: 0, allocation: 'first_come' as const, drawState: 'none' as const }
  it('a free place, then the waitlist at its exact position', () => {
    expect(decideSignUp(base)).toEqual({ status: 'confirmed', position: null })
    expect(decideSignUp({ ...base, confirmedCount: 1 })).toEqual({ status: 'confirmed', position: null })
    expect(decideSignUp({ ...base, confirmedCount: 2 })).toEqual({ status: 'waitlisted', position: 1 })
    expect(decideSignUp({ ...base, confirmedCount: 2, waitlistCount: 949 })).toEqual({ status: 'waitlisted', position: 950 })
  })
  it('nobody jumps the queue: a free place with people waiting goes to the waitlist (promotion fills it)', () => {
    expect(decideSignUp({ ...base, confirmedCount: 1, waitlistCount: 3 })).toEqual({ status: 'waitlisted', position: 4 })
  })
  it('a lottery registers until it is drawn; after the draw it behaves first-come', () => {
    expect(decideSignUp({ ...base, allocation: 'lottery' })).toEqual({ status: 'registered', position: null })
    expect(decideSignUp({ ...base, allocation: 'lottery', drawState: 'done', confirmedCount: 2 })).toEqual({
      status: 'waitlisted',
      position: 1,
    })
  })
})

describe('giving a place back', () => {
  const e = summerClass({ cancelBefore: at('2026-07-09 18:00') })
  it('a confirmed place until the deadline: the minute before yes, the deadline itself and after no', () => {
    expect(checkCancel(e, signup(), at('2026-07-09 17:59'))).toBeNull()
    expect(checkCancel(e, signup(), plus(at('2026-07-09 18:00'), -1))).toBeNull()
    expect(checkCancel(e, signup(), at('2026-07-09 18:00'))?.code).toBe('EVENT.CANCEL_DEADLINE_PASSED')
    expect(checkCancel(e, signup(), at('2026-07-09 18:01'))?.code).toBe('EVENT.CANCEL_DEADLINE_PASSED')
  })
  it('without a deadline: until the start', () => {
    const noDeadline = summerClass()
    expect(checkCancel(noDeadline, signup(), at('2026-07-10 09:29'))).toBeNull()
    expect(checkCancel(noDeadline, signup(), at('2026-07-10 09:30'))?.code).toBe('EVENT.CANCEL_DEADLINE_PASSED')
  })
  it('a waitlist spot or a registration may be left until the start, past the deadline', () => {
    expect(checkCancel(e, signup({ status: 'waitlisted' }), at('2026-07-09 20:00'))).toBeNull()
    expect(checkCancel(e, signup({ status: 'registered' }), at('2026-07-10 09:29'))).toBeNull()
    expect(checkCancel(e, signup({ status: 'waitlisted' }), at('2026-07-10 09:30'))?.code).toBe('EVENT.CANCEL_DEADLINE_PASSED')
  })
  it('not while a draw is being written, not on a cancelled event, not twice', () => {
    expect(checkCancel({ ...e, drawState: 'applying' }, signup(), at('2026-07-02 10:00'))?.code).toBe('EVENT.BUSY')
    expect(checkCancel({ ...e, status: 'cancelled' }, signup(), at('2026-07-02 10:00'))?.code).toBe('EVENT.INVALID_STATE')
    expect(checkCancel(e, signup({ status: 'cancelled' }), at('2026-07-02 10:00'))?.code).toBe('SIGNUP.NOT_FOUND')
  })
})

describe('check-in', () => {
  const e = summerClass()
  it('opens an hour before the start and closes at the end', () => {
    expect(checkCheckInWindow(e, at('2026-07-10 08:29'))?.code).toBe('EVENT.CHECKIN_CLOSED')
    expect(checkCheckInWindow(e, at('2026-07-10 08:30'))).toBeNull()
    expect(checkCheckInWindow(e, at('2026-07-10 11:29'))).toBeNull()
    expect(checkCheckInWindow(e, at('2026-07-10 11:30'))?.code).toBe('EVENT.CHECKIN_CLOSED')
  })
  it('only a confirmed place checks in', () => {
    expect(checkCheckIn(signup())).toBeNull()
    expect(checkCheckIn(signup({ status: 'waitlisted' }))?.code).toBe('SIGNUP.NOT_CONFIRMED')
    expect(checkCheckIn(signup({ status: 'registered' }))?.code).toBe('SIGNUP.NOT_CONFIRMED')
  })
  it('no-shows are due once check-in has closed, once', () => {
    expect(noShowsDue(e, at('2026-07-10 11:29'))).toBe(false)
    expect(noShowsDue(e, at('2026-07-10 11:30'))).toBe(true)
    expect(noShowsDue({ ...e, noShowsRecordedAt: at('2026-07-10 11:40') }, at('2026-07-10 12:00'))).toBe(false)
  })
})

describe('ratings: attendees only, after the end, for 14 days', () => {
  const e = summerClass()
  const came = signup({ checkedInAt: at('2026-07-10 09:20') })
  it('the minute before the end no, the end yes; 14 days later no', () => {
    expect(checkRate(e, came, at('2026-07-10 11:29'))?.code).toBe('EVENT.RATING_CLOSED')
    expect(checkRate(e, came, at('2026-07-10 11:30'))).toBeNull()
    expect(checkRate(e, came, plus(at('2026-07-24 11:30'), -MIN))).toBeNull()
    expect(checkRate(e, came, at('2026-07-24 11:30'))?.code).toBe('EVENT.RATING_CLOSED')
  })
  it('no place, a place never checked in, a second rating: refused', () => {
    const after = at('2026-07-10 12:00')
    expect(checkRate(e, null, after)?.code).toBe('SIGNUP.NOT_FOUND')
    expect(checkRate(e, signup({ status: 'waitlisted' }), after)?.code).toBe('SIGNUP.NOT_FOUND')
    expect(checkRate(e, signup(), after)?.code).toBe('SIGNUP.NOT_ATTENDED')
    expect(checkRate(e, { ...came, rated: true }, after)?.code).toBe('SIGNUP.ALREADY_RATED')
  })
  it('an average below 3.5 from at least 5 ratings asks for an adjustment', () => {
    expect(needsAdjustment(4, 4)).toBe(false) // 4 ratings averaging 1
    expect(needsAdjustment(5, 17)).toBe(true) // 3.4
    expect(needsAdjustment(5, 18)).toBe(false) // 3.6
    expect(needsAdjustment(6, 21)).toBe(false) // exactly 3.5
    expect(ratingAverage(3, 13)).toBe(4.33)
    expect(ratingAverage(0, 0)).toBeNull()
  })
})

describe('fullness alerts at 80 % and 100 %, once each', () => {
  const e = summerClass({ capacity: 50 })
  it.each([
    [39, []],
    [40, ['80']],
    [49, ['80']],
    [50, ['80', '100']],
  ])('%i of 50 → %j', (confirmedCount, due) => {
    expect(fullnessAlertsDue({ ...e, confirmedCount: confirmedCount as number })).toEqual(due)
  })
  it('sent alerts are not due again', () => {
    expect(fullnessAlertsDue({ ...e, confirmedCount: 50, alert80At: new Date() })).toEqual(['100'])
    expect(fullnessAlertsDue({ ...e, confirmedCount: 50, alert80At: new Date(), alert100At: new Date() })).toEqual([])
  })
  it('rounds up: 80 % of 7 places is the 6th', () => {
    expect(fullnessAlertsDue({ ...e, capacity: 7, confirmedCount: 5 })).toEqual([])
    expect(fullnessAlertsDue({ ...e, capacity: 7, confirmedCount: 6 })).toEqual(['80'])
  })
})

describe('the day-before reminder', () => {
  const e = summerClass()
  it('within 24 hours before the start, not after it, once', () => {
    expect(reminderDue(e, plus(e.startAt, -DAY - MIN))).toBe(false)
    expect(reminderDue(e, plus(e.startAt, -DAY))).toBe(true)
    expect(reminderDue(e, plus(e.startAt, -MIN))).toBe(true)
    expect(reminderDue(e, e.startAt)).toBe(false)
    expect(reminderDue({ ...e, reminderSentAt: new Date() }, plus(e.startAt, -HOUR))).toBe(false)
  })
})

describe('drawing a lottery', () => {
  const lottery = summerClass({ allocation: 'lottery' })
  it('not before sign-up closes (the minute before), at the close yes, never twice', () => {
    expect(checkDraw(lottery, at('2026-07-05 17:59'))?.code).toBe('EVENT.DRAW_NOT_DUE')
    expect(checkDraw(lottery, at('2026-07-05 18:00'))).toBeNull()
    expect(checkDraw({ ...lottery, drawState: 'applying' }, at('2026-07-05 18:01'))?.code).toBe('EVENT.ALREADY_DRAWN')
    expect(checkDraw({ ...lottery, drawState: 'done' }, at('2026-07-06 09:00'))?.code).toBe('EVENT.ALREADY_DRAWN')
    expect(checkDraw(summerClass(), at('2026-07-06 09:00'))?.code).toBe('EVENT.INVALID_STATE')
  })
  it('a quota band is the first band containing the age', () => {
    const quotas = [
      { ageMin: 3, ageMax: 5, places: 2 },
      { ageMin: 6, ageMax: 8, places: 2 },
    ]
    expect([quotaBand(quotas, 3), quotaBand(quotas, 5), quotaBand(quotas, 6), quotaBand(quotas, 9), quotaBand(quotas, null)]).toEqual([
      0,
      0,
      1,
      null,
      null,
    ])
  })
})

describe('staff booking a walk-in (代报名)', () => {
  const e = summerClass()
  it('after the self-service close, until the end; age still applies', () => {
    expect(canProxySignUp(e, 2018, at('2026-07-06 10:00'))).toBeNull()
    expect(canProxySignUp(e, 2018, at('2026-07-10 11:29'))).toBeNull()
    expect(canProxySignUp(e, 2018, at('2026-07-10 11:30'))?.code).toBe('EVENT.SIGNUP_CLOSED')
    expect(canProxySignUp(e, 2010, at('2026-07-06 10:00'))?.code).toBe('EVENT.AGE_OUT_OF_RANGE')
  })
  it('a lottery between its close and its draw is frozen', () => {
    const lottery = summerClass({ allocation: 'lottery' })
    expect(canProxySignUp(lottery, 2018, at('2026-07-05 17:59'))).toBeNull()
    expect(canProxySignUp(lottery, 2018, at('2026-07-05 18:00'))?.code).toBe('EVENT.SIGNUP_CLOSED')
    expect(canProxySignUp({ ...lottery, drawState: 'done' }, 2018, at('2026-07-06 10:00'))).toBeNull()
  })
})

describe('schedules, publishing and editing', () => {
  it('signupOpensAt < signupClosesAt ≤ startAt < endAt', () => {
    const e = summerClass()
    expect(checkSchedule(e)).toBeNull()
    expect(checkSchedule({ ...e, signupClosesAt: e.signupOpensAt })?.code).toBe('EVENT.INVALID_SCHEDULE')
    expect(checkSchedule({ ...e, signupClosesAt: e.startAt })).toBeNull()
    expect(checkSchedule({ ...e, signupClosesAt: plus(e.startAt, MIN) })?.code).toBe('EVENT.INVALID_SCHEDULE')
    expect(checkSchedule({ ...e, endAt: e.startAt })?.code).toBe('EVENT.INVALID_SCHEDULE')
    expect(checkSchedule({ ...e, cancelBefore: plus(e.startAt, MIN) })?.code).toBe('EVENT.INVALID_SCHEDULE')
    expect(checkSchedule({ ...e, cancelBefore: e.startAt })).toBeNull()
  })
  it('quotas: lotteries only, within the capacity, bands that do not overlap', () => {
    const e = summerClass({ allocation: 'lottery', capacity: 10 })
    expect(
      checkSchedule({
        ...e,
        quotas: [
          { ageMin: 5, ageMax: 7, places: 4 },
          { ageMin: 8, ageMax: 12, places: 6 },
        ],
      }),
    ).toBeNull()
    expect(
      checkSchedule({
        ...e,
        quotas: [
          { ageMin: 5, ageMax: 7, places: 5 },
          { ageMin: 8, ageMax: 12, places: 6 },
        ],
      })?.code,
    ).toBe('EVENT.INVALID_SCHEDULE')
    expect(
      checkSchedule({
        ...e,
        quotas: [
          { ageMin: 5, ageMax: 8, places: 4 },
          { ageMin: 8, ageMax: 12, places: 4 },
        ],
      })?.code,
    ).toBe('EVENT.INVALID_SCHEDULE')
    expect(checkSchedule({ ...e, allocation: 'first_come', quotas: [{ ageMin: 5, ageMax: 7, places: 4 }] })?.code).toBe(
      'EVENT.INVALID_SCHEDULE',
    )
    // within the event's own age range (summerClass: 5–12)
    expect(checkSchedule({ ...e, quotas: [{ ageMin: 10, ageMax: 14, places: 4 }] })?.code).toBe('EVENT.INVALID_SCHEDULE')
    expect(checkSchedule({ ...e, ageMax: null, quotas: [{ ageMin: 10, ageMax: 14, places: 4 }] })).toBeNull()
  })
  it('publishing: a draft whose sign-up has not closed; review text only by the district admin', () => {
    const draft = summerClass({ status: 'draft' })
    expect(decidePublish(draft, at('2026-07-05 17:59'), { mayOverrideReview: false })).toBeNull()
    expect(decidePublish(draft, at('2026-07-05 18:00'), { mayOverrideReview: false })?.code).toBe('EVENT.INVALID_SCHEDULE')
    expect(decidePublish({ ...draft, moderation: 'review' }, at('2026-07-02 10:00'), { mayOverrideReview: false })?.code).toBe(
      'CONTENT.REVIEW',
    )
    expect(decidePublish({ ...draft, moderation: 'review' }, at('2026-07-02 10:00'), { mayOverrideReview: true })).toBeNull()
    expect(decidePublish(summerClass(), at('2026-07-02 10:00'), { mayOverrideReview: true })?.code).toBe('EVENT.INVALID_STATE')
  })
  it('editing a published event: what people signed up for is fixed; capacity never below the places given', () => {
    const e = summerClass({ confirmedCount: 12 })
    const now = at('2026-07-02 10:00')
    expect(decideUpdate(e, { title: '新名字', capacity: 12 }, now)).toBeNull()
    expect(decideUpdate(e, { capacity: 11 }, now)?.code).toBe('EVENT.INVALID_STATE')
    expect(decideUpdate(e, { ageMax: 14 }, now)?.code).toBe('EVENT.INVALID_STATE')
    expect(decideUpdate(e, { ageMax: 12 }, now)).toBeNull() // unchanged value
    expect(decideUpdate(e, { allocation: 'lottery' }, now)?.code).toBe('EVENT.INVALID_STATE')
    expect(decideUpdate({ ...e, status: 'draft' }, { allocation: 'lottery', ageMax: 14 }, now)).toBeNull()
    expect(decideUpdate(e, { title: 'x' }, at('2026-07-10 11:30'))?.code).toBe('EVENT.INVALID_STATE') // ended
  })
})
