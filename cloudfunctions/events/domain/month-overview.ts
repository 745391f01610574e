/**
 * Staff's month view of free courses (院落大学, 暑期课堂) per age group against the "at least two a month" target.
 * A course counts for every age group its band overlaps (no band = every group). Pure.
 */
import {
  AGE_GROUPS,
  COURSE_CATEGORIES,
  MONTHLY_COURSE_TARGET,
  inShanghai,
  parseShanghai,
  type EventDoc,
  type MonthOverview,
  type SeriesDoc,
} from '../../../types/index'

/** [start, end) of a Chengdu calendar month `YYYY-MM`. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = parseShanghai(`${month}-01 00:00`)
  return { start, end: inShanghai(start).add(1, 'month').toDate() }
}

const overlaps = (e: Pick<EventDoc, 'ageMin' | 'ageMax'>, g: { min: number; max: number }) =>
  (e.ageMin ?? 0) <= g.max && (e.ageMax ?? 150) >= g.min

export function monthOverview(month: string, events: EventDoc[], series: SeriesDoc[]): MonthOverview {
  const { start, end } = monthRange(month)
  const titleOf = new Map(series.map((s) => [s._id, s.title]))
  const courses = events
    .filter((e) => e.status === 'published' && COURSE_CATEGORIES.includes(e.category))
    .filter((e) => e.startAt.getTime() >= start.getTime() && e.startAt.getTime() < end.getTime())
    .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || (a._id < b._id ? -1 : 1))
  const groups = AGE_GROUPS.map((g) => {
    const list = courses.filter((e) => overlaps(e, g))
    return {
      key: g.key,
      label: g.label,
      count: list.length,
      met: list.length >= MONTHLY_COURSE_TARGET,
      events: list.map((e) => ({
        eventId: e._id,
        title: e.title,
        startAt: e.startAt.toISOString(),
        seriesTitle: e.seriesId ? (titleOf.get(e.seriesId) ?? null) : null,
      })),
    }
  })
  const sessions = new Map<string, number>()
  for (const e of courses) if (e.seriesId) sessions.set(e.seriesId, (sessions.get(e.seriesId) ?? 0) + 1)
  return {
    month,
    target: MONTHLY_COURSE_TARGET,
    courses: courses.length,
    groups,
    series: series.map((s) => ({ seriesId: s._id, title: s.title, sessions: sessions.get(s._id) ?? 0 })),
  }
}
