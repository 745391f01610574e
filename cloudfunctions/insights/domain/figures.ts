/**
 * Rollups → figures, one pure function per the definitions in types/insights FIGURES, with the "<5" rule applied here
 * (the last step, so no caller can forget it). Community view: day rollups (distinct residents over the whole
 * period). District view: month rollups (distinct residents per month, averaged).
 */
import {
  FIGURES,
  MONTHLY_COURSE_TARGET,
  PARTICIPATION_BANDS,
  ROLLUP_COUNTS,
  SUPPRESS_BELOW,
  SUPPRESSED,
  type Cell,
  type FigureKey,
  type InsightsRollupDoc,
  type RollupCount,
} from '../../../types/index'

/** The "<5" rule: a count of people above 0 and below 5 is shown as "<5". */
export function suppress(n: number | null): Cell {
  if (n === null) return null
  return n > 0 && n < SUPPRESS_BELOW ? SUPPRESSED : n
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  const m = s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
  return Math.round(m * 10) / 10
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits

/** Calendar months `YYYY-MM` a period `[from, to]` (days) touches. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.slice(0, 7).split('-').map(Number)
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    if (key > last) break
    out.push(key)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

type Raw = Partial<Record<FigureKey, number | null>>

function sumCounts(rollups: InsightsRollupDoc[]): Record<RollupCount, number> {
  const c = Object.fromEntries(ROLLUP_COUNTS.map((k) => [k, 0])) as Record<RollupCount, number>
  for (const r of rollups) for (const k of ROLLUP_COUNTS) c[k] += r.counts[k] ?? 0
  return c
}

/** Figures that do not depend on distinct residents (shared by both views). Unsuppressed. */
function commonFigures(rollups: InsightsRollupDoc[], months: string[]): Raw {
  const c = sumCounts(rollups)
  const sorted = [...rollups].sort((a, b) => (a.key < b.key ? -1 : 1))
  const raw: Raw = {
    'events.held': c.held,
    'events.coursesHeld': c.coursesHeld,
    'events.placesOffered': c.placesOffered,
    'events.placesTaken': c.placesTaken,
    'events.fillRate': c.placesOffered > 0 && c.placesTaken >= SUPPRESS_BELOW ? round((c.placesTaken / c.placesOffered) * 100, 1) : null,
    'events.waitlisted': c.waitlisted,
    'events.noShows': c.noShows,
    'events.ratings': c.ratingCount,
    'events.score': c.ratingCount >= SUPPRESS_BELOW ? round(c.ratingSum / c.ratingCount, 2) : null,
    'courses.months': months.length,
    'proposals.submitted': c.submitted,
    'proposals.published': c.published,
    'proposals.thresholdReached': c.thresholdReached,
    'proposals.answeredOnTime': c.answeredOnTime,
    'proposals.answeredLate': c.answeredLate,
    'proposals.becameProjects': c.becameProjects,
    'proposals.completed': c.completed,
    'council.members': sorted.length > 0 ? sorted[sorted.length - 1].councilMembersAtEnd : 0,
    'council.proposals': c.councilProposals,
    'council.answeredOnTime': c.councilOnTime,
    'council.answeredLate': c.councilLate,
  }
  const answerDays = rollups.flatMap((r) => r.answerDays)
  raw['proposals.medianDaysToAnswer'] = answerDays.length >= SUPPRESS_BELOW ? median(answerDays) : null
  const byMonth = new Map<string, Record<string, number>>()
  for (const r of rollups) {
    const sums = byMonth.get(r.month) ?? {}
    for (const band of PARTICIPATION_BANDS) sums[band] = (sums[band] ?? 0) + r.coursesByBand[band]
    byMonth.set(r.month, sums)
  }
  for (const band of PARTICIPATION_BANDS) {
    raw[`courses.met.${band}` as FigureKey] = months.filter((m) => (byMonth.get(m)?.[band] ?? 0) >= MONTHLY_COURSE_TARGET).length
  }
  return raw
}

/** "<5" over every people figure; a rate or score whose base is under 5 is already null. */
export function finish(raw: Raw, keys: FigureKey[]): Record<string, Cell> {
  const out: Record<string, Cell> = {}
  for (const k of keys) {
    const v = raw[k] ?? null
    out[k] = FIGURES[k].people && k !== 'events.fillRate' && k !== 'events.score' ? suppress(v) : v
  }
  return out
}

/** A community's figures for `[from, to]` from its day rollups of those days. */
export function communityFigures(days: InsightsRollupDoc[], from: string, to: string): Record<string, Cell> {
  const inPeriod = days.filter((d) => d.kind === 'day' && d.key >= from && d.key <= to)
  const months = monthsOf(from, to)
  const raw = commonFigures(inPeriod, months)
  const signed = new Map<string, string>()
  const supported = new Set<string>()
  const proposed = new Set<string>()
  for (const d of inPeriod) {
    for (const s of d.signedUp) {
      const [key, band] = s.split('|')
      if (!signed.has(key)) signed.set(key, band) // the band at their first sign-up of the period
    }
    for (const s of d.supported) supported.add(s)
    for (const s of d.proposed) proposed.add(s)
  }
  raw['participation.signedUp'] = signed.size
  raw['participation.supported'] = supported.size
  raw['participation.proposed'] = proposed.size
  raw['participation.any'] = new Set([...signed.keys(), ...supported, ...proposed]).size
  for (const band of PARTICIPATION_BANDS)
    raw[`participation.band.${band}` as FigureKey] = [...signed.values()].filter((b) => b === band).length
  const perMonth = months.map((m) => {
    const ids = new Set<string>()
    for (const d of inPeriod)
      if (d.month === m) for (const s of [...d.signedUp.map((x) => x.split('|')[0]), ...d.supported, ...d.proposed]) ids.add(s)
    return ids.size
  })
  raw['participation.monthlyAverage'] = perMonth.length > 0 ? Math.round(perMonth.reduce((a, b) => a + b, 0) / perMonth.length) : 0
  return finish(raw, Object.keys(FIGURES) as FigureKey[])
}

/** Figures from month rollups (district view, one community or all): distinct residents only as monthly averages. */
export function monthFigures(monthDocs: InsightsRollupDoc[], months: string[], keys: FigureKey[]): Record<string, Cell> {
  const wanted = new Set(months)
  const docs = monthDocs.filter((d) => d.kind === 'month' && wanted.has(d.key))
  const raw = commonFigures(docs, months)
  // council members: the last month's figure, summed over communities
  const lastMonth = months[months.length - 1]
  const byCommunity = new Map<string, InsightsRollupDoc>()
  for (const d of docs) {
    const prev = byCommunity.get(d.communityId)
    if (!prev || prev.key < d.key) byCommunity.set(d.communityId, d)
  }
  raw['council.members'] = [...byCommunity.values()].reduce((n, d) => n + (d.key <= lastMonth ? d.councilMembersAtEnd : 0), 0)
  const perMonth = months.map((m) => docs.filter((d) => d.key === m).reduce((n, d) => n + d.active, 0))
  raw['participation.monthlyAverage'] = perMonth.length > 0 ? Math.round(perMonth.reduce((a, b) => a + b, 0) / perMonth.length) : 0
  return finish(raw, keys)
}
