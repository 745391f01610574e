/**
 * Times and titles for the demo that fit the day it is seeded on (Asia/Shanghai): every seeded instant falls in the
 * daytime (09:00–19:00 in Chengdu), and seasonal titles follow the month — no 端午 in November, no 暑期 in December.
 * Pure functions of `now`, used by the seed-demo scripts (seed-demo-year.ts has its own).
 */
import { inShanghai } from '../types/time'

const DAY = 24 * 60 * 60 * 1000
const MINUTES_A_DAY = 24 * 60

/** An instant moved into the daytime of its own Chengdu day, keeping the order of times within that day:
 *  00:00–24:00 maps linearly onto 09:00–19:00. */
export function toDaytime(at: Date): Date {
  const local = inShanghai(at)
  const minutes = local.hour() * 60 + local.minute()
  const mapped = 9 * 60 + Math.floor((minutes * 10 * 60) / MINUTES_A_DAY)
  return local
    .hour(Math.floor(mapped / 60))
    .minute(mapped % 60)
    .second(local.second())
    .millisecond(0)
    .toDate()
}

/** `ago(days, hours)` and `ahead(days)` in the daytime, still in the past / the future of `now`. */
export function demoClock(now: Date) {
  const ago = (days: number, hours = 0): Date => {
    let t = toDaytime(new Date(now.getTime() - days * DAY - hours * 3600_000))
    // today's daytime may still be ahead (seeded at 03:00): the same time yesterday
    while (t.getTime() > now.getTime()) t = new Date(t.getTime() - DAY)
    return t
  }
  const ahead = (days: number): Date => {
    let t = toDaytime(new Date(now.getTime() + days * DAY))
    while (t.getTime() <= now.getTime()) t = new Date(t.getTime() + DAY)
    return t
  }
  return { ago, ahead }
}

type Season = '春季' | '夏季' | '秋季' | '冬季'
export function seasonOf(at: Date): Season {
  const m = inShanghai(at).month() + 1
  return m >= 3 && m <= 5 ? '春季' : m >= 6 && m <= 8 ? '夏季' : m >= 9 && m <= 11 ? '秋季' : '冬季'
}

/** A neighbourhood festival afternoon that fits the month (for an event held then). */
export function festivalOf(at: Date): { event: string; notice: string; making: string } {
  const m = inShanghai(at).month() + 1
  if (m === 1 || m === 2) return { event: '写春联，迎新春', notice: '迎新春写春联活动报名（已结束）', making: '写春联' }
  if (m === 3 || m === 4) return { event: '清明青团手作', notice: '清明做青团活动报名（已结束）', making: '做青团' }
  if (m === 5 || m === 6) return { event: '包粽子，过端午', notice: '端午节包粽子活动报名（已结束）', making: '包粽子' }
  if (m === 7 || m === 8) return { event: '夏夜院坝纳凉会', notice: '夏夜纳凉会报名（已结束）', making: '纳凉' }
  if (m === 9 || m === 10) return { event: '做月饼，过中秋', notice: '中秋节做月饼活动报名（已结束）', making: '做月饼' }
  return { event: '包饺子，过冬至', notice: '冬至包饺子活动报名（已结束）', making: '包饺子' }
}

/** The next public holiday after `at`, for a notice scheduled ahead of it. */
export function nextHolidayOf(at: Date): string {
  const m = inShanghai(at).month() + 1
  return m === 12
    ? '元旦'
    : m <= 2
      ? '春节'
      : m === 3
        ? '清明'
        : m === 4
          ? '劳动节'
          : m === 5
            ? '端午'
            : m <= 8
              ? '中秋'
              : m === 9
                ? '国庆'
                : '元旦'
}

/** The school holiday course a children's class is part of, by month. */
export function classTermOf(at: Date): '暑期课堂' | '寒假课堂' | '周末课堂' {
  const m = inShanghai(at).month() + 1
  return m >= 6 && m <= 8 ? '暑期课堂' : m === 12 || m <= 2 ? '寒假课堂' : '周末课堂'
}

/** Every seasonal title the demo uses, for `now` (tests read them from here). */
export function demoTitles(now: Date) {
  const past = new Date(now.getTime() - 40 * DAY)
  const recent = new Date(now.getTime() - 3 * DAY)
  return {
    powerNotice: `${seasonOf(now)}用电安全提醒`,
    festivalNotice: festivalOf(past).notice,
    holidayNotice: `${nextHolidayOf(now)}假期社区服务安排`,
    festivalEvent: festivalOf(recent).event,
    scienceClass: `${classTermOf(now)}·小小科学家`,
    pastMeeting: `${seasonOf(new Date(now.getTime() - 14 * DAY))}议事会`,
  }
}
