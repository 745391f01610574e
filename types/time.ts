/**
 * The one dayjs setup. Instants are stored as `Date` and travel as ISO-8601 strings; they are shown in Asia/Shanghai
 * through these helpers only — never by adding 8 hours by hand.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

export const TIME_ZONE = 'Asia/Shanghai'

export type Instant = Date | string | number

/** The instant as a dayjs object in Asia/Shanghai. */
export function inShanghai(at: Instant) {
  return dayjs(at).tz(TIME_ZONE)
}

/** Format an instant for people in Chengdu, e.g. `2026-05-01 09:30`. */
export function formatShanghai(at: Instant, pattern = 'YYYY-MM-DD HH:mm'): string {
  return inShanghai(at).format(pattern)
}

/** The calendar year in Asia/Shanghai at an instant (ages and birth years are counted in local years). */
export function shanghaiYear(at: Instant): number {
  return inShanghai(at).year()
}

/** Parse a wall-clock time typed in Chengdu (`2026-05-01 09:30`) into an instant. */
export function parseShanghai(wallClock: string, pattern = 'YYYY-MM-DD HH:mm'): Date {
  return dayjs.tz(wallClock, pattern, TIME_ZONE).toDate()
}

export function toIso(at: Date): string {
  return at.toISOString()
}

export { dayjs }
