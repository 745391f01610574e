/**
 * The one dayjs setup. Instants are stored as `Date` and travel as ISO-8601 strings; they are shown in Asia/Shanghai
 * through these helpers only — never by adding 8 hours by hand.
 *
 * China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact. It avoids
 * dayjs's timezone plugin, which needs `Intl` time-zone data that older Android WeChat clients lack.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { formatShanghai } from './time-format'

dayjs.extend(utc)

export const TIME_ZONE = 'Asia/Shanghai'
const SHANGHAI_OFFSET_MINUTES = 8 * 60

export type Instant = Date | string | number

/** The instant as a dayjs object in Asia/Shanghai. */
export function inShanghai(at: Instant) {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** Format an instant for people in Chengdu, e.g. `2026-05-01 09:30` (dayjs-free, so the main package can use it). */
export { formatShanghai }

/** The calendar year in Asia/Shanghai at an instant (ages and birth years are counted in local years). */
export function shanghaiYear(at: Instant): number {
  return inShanghai(at).year()
}

/** Parse a wall-clock time typed in Chengdu (`2026-05-01 09:30`, or with seconds) into an instant. */
export function parseShanghai(wallClock: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallClock.trim())
  if (!match) return new Date(NaN)
  const [, y, mo, d, h, mi, s] = match.map(Number)
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s || 0) - SHANGHAI_OFFSET_MINUTES * 60_000)
}

/** A date picker's and a time picker's values in Chengdu (forms edit instants as these two strings). */
export type WallClock = { date: string; time: string }

export function toWallClock(at: Instant): WallClock {
  return { date: formatShanghai(at, 'YYYY-MM-DD'), time: formatShanghai(at, 'HH:mm') }
}

/** The instant a form's date + time pickers mean, as an ISO string for the contract. */
export function fromWallClock(w: WallClock): string {
  return parseShanghai(`${w.date} ${w.time}`).toISOString()
}

export function toIso(at: Date): string {
  return at.toISOString()
}

export { dayjs }
