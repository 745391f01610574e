/**
 * Stored records of one community → one rollup per Chengdu day. Pure. Each record is attributed to the day of the
 * instant its figure's definition names (types/insights FIGURES): an event to its start, a sign-up to its event,
 * a proposal to its submission / publication / threshold / first answer, a project to its creation / completion.
 */
import { createHash } from 'node:crypto'
import {
  ADULT_AGE,
  AGE_GROUPS,
  COURSE_CATEGORIES,
  PARTICIPATION_BANDS,
  ROLLUP_COUNTS,
  inShanghai,
  type ChildProposalDoc,
  type CouncilMemberDoc,
  type EventDoc,
  type InsightsDistrictDoc,
  type MonthCell,
  type InsightsRollupDoc,
  type ParticipationBand,
  type ProjectDoc,
  type ProposalDoc,
  type ProposalSupportDoc,
  type RollupCount,
  type SignupDoc,
} from '../../../types/index'

export interface CommunityRecords {
  events: EventDoc[]
  signups: SignupDoc[]
  proposals: ProposalDoc[]
  supports: ProposalSupportDoc[]
  projects: ProjectDoc[]
  councilMembers: CouncilMemberDoc[]
  councilProposals: ChildProposalDoc[]
}

export const dayOf = (at: Date | string | number): string => inShanghai(new Date(at)).format('YYYY-MM-DD')
export const monthOfDay = (day: string): string => day.slice(0, 7)
export const rollupId = (communityId: string, key: string) => `${communityId}_${key}`

/** Every Chengdu day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  let d = inShanghai(new Date(`${from}T00:00:00+08:00`))
  const end = `${to}`
  while (d.format('YYYY-MM-DD') <= end) {
    out.push(d.format('YYYY-MM-DD'))
    d = d.add(1, 'day')
  }
  return out
}

/** A participant's pseudonymous key in a community's rollups (never the id itself). */
export const personKey = (communityId: string, id: string) => createHash('sha256').update(`${communityId}:${id}`).digest('hex').slice(0, 16)

export function bandOfAge(age: number): ParticipationBand {
  for (const g of AGE_GROUPS) if (age <= g.max) return g.key
  return 'senior'
}

const overlaps = (e: Pick<EventDoc, 'ageMin' | 'ageMax'>, g: { min: number; max: number }) =>
  (e.ageMin ?? 0) <= g.max && (e.ageMax ?? 150) >= g.min

export function emptyRollup(communityId: string, kind: 'day' | 'month', key: string, rolledUpAt: Date): InsightsRollupDoc {
  return {
    _id: rollupId(communityId, key),
    communityId,
    kind,
    key,
    month: key.slice(0, 7),
    counts: Object.fromEntries(ROLLUP_COUNTS.map((k) => [k, 0])) as Record<RollupCount, number>,
    answerDays: [],
    coursesByBand: Object.fromEntries(PARTICIPATION_BANDS.map((b) => [b, 0])) as Record<ParticipationBand, number>,
    councilMembersAtEnd: 0,
    signedUp: [],
    supported: [],
    proposed: [],
    active: 0,
    rolledUpAt,
  }
}

/** The first answer of a proposal: its timeline's first `answered`, else the answer on record. */
export function firstAnsweredAt(p: ProposalDoc): Date | null {
  const t = p.timeline?.find((x) => x.kind === 'answered')
  if (t) return new Date(t.at)
  return p.answer ? new Date(p.answer.answeredAt) : null
}

const endOfDay = (day: string) =>
  inShanghai(new Date(`${day}T00:00:00+08:00`))
    .add(1, 'day')
    .toDate()
    .getTime()

/** Rollups for `days` of one community from its records (records outside the days are ignored). */
export function rollupDays(communityId: string, days: string[], r: CommunityRecords, now: Date): InsightsRollupDoc[] {
  const byDay = new Map(days.map((d) => [d, emptyRollup(communityId, 'day', d, now)]))
  const at = (instant: Date | string | null | undefined) => (instant ? byDay.get(dayOf(instant)) : undefined)
  const add = (doc: InsightsRollupDoc | undefined, key: RollupCount, n = 1) => {
    if (doc) doc.counts[key] += n
  }
  const sets = new Map<string, { signedUp: Set<string>; supported: Set<string>; proposed: Set<string> }>()
  const setsOf = (doc: InsightsRollupDoc) => {
    let s = sets.get(doc.key)
    if (!s) sets.set(doc.key, (s = { signedUp: new Set(), supported: new Set(), proposed: new Set() }))
    return s
  }

  const held = new Map<string, EventDoc>()
  for (const e of r.events) {
    if (e.communityId !== communityId || e.status !== 'published') continue
    const doc = at(e.startAt)
    if (!doc) continue
    held.set(e._id, e)
    add(doc, 'held')
    add(doc, 'placesOffered', e.capacity)
    add(doc, 'placesTaken', e.confirmedCount)
    add(doc, 'waitlisted', e.waitlistCount)
    add(doc, 'noShows', e.noShowCount)
    add(doc, 'ratingCount', e.ratingCount)
    add(doc, 'ratingSum', e.ratingSum)
    if (COURSE_CATEGORIES.includes(e.category)) {
      add(doc, 'coursesHeld')
      for (const g of AGE_GROUPS) if (overlaps(e, g)) doc.coursesByBand[g.key] += 1
    }
  }
  for (const s of r.signups) {
    const e = held.get(s.eventId)
    if (!e || s.status === 'cancelled' || s.status === 'pending') continue
    const doc = at(e.startAt)!
    const age = s.birthYear === null ? ADULT_AGE : inShanghai(e.startAt).year() - s.birthYear
    setsOf(doc).signedUp.add(`${personKey(communityId, s.participantId)}|${bandOfAge(age)}`)
  }
  for (const s of r.supports) {
    if (s.communityId !== communityId) continue
    const doc = at(s.createdAt)
    if (doc) setsOf(doc).supported.add(personKey(communityId, s.openid))
  }
  for (const p of r.proposals) {
    if (p.communityId !== communityId) continue
    const submitted = at(p.createdAt)
    add(submitted, 'submitted')
    if (submitted && !p.authorIsChild) setsOf(submitted).proposed.add(personKey(communityId, p.createdBy))
    add(at(p.publishedAt), 'published')
    add(at(p.thresholdReachedAt), 'thresholdReached')
    const answered = p.thresholdReachedAt && p.answerDueAt ? firstAnsweredAt(p) : null
    const doc = at(answered)
    if (doc && answered && p.thresholdReachedAt && p.answerDueAt) {
      add(doc, answered.getTime() <= new Date(p.answerDueAt).getTime() ? 'answeredOnTime' : 'answeredLate')
      doc.answerDays.push(Math.round(((answered.getTime() - new Date(p.thresholdReachedAt).getTime()) / 86_400_000) * 10) / 10)
    }
  }
  for (const p of r.projects) {
    if (p.communityId !== communityId) continue
    add(at(p.createdAt), 'becameProjects', p.proposalIds.length)
    if (p.status === 'completed') add(at(p.completedAt), 'completed', p.proposalIds.length)
  }
  for (const c of r.councilProposals) {
    if (c.communityId !== communityId) continue
    add(at(c.createdAt), 'councilProposals')
    if (c.answer && c.answerDueAt) {
      add(at(c.answer.at), new Date(c.answer.at).getTime() <= new Date(c.answerDueAt).getTime() ? 'councilOnTime' : 'councilLate')
    }
  }
  for (const doc of byDay.values()) {
    const end = endOfDay(doc.key)
    doc.councilMembersAtEnd = r.councilMembers.filter(
      (m) =>
        m.communityId === communityId &&
        m.approvedAt &&
        new Date(m.approvedAt).getTime() < end &&
        (!m.leftAt || new Date(m.leftAt).getTime() >= end),
    ).length
    const s = sets.get(doc.key)
    if (s) {
      doc.signedUp = [...s.signedUp].sort()
      doc.supported = [...s.supported].sort()
      doc.proposed = [...s.proposed].sort()
    }
    doc.answerDays.sort((a, b) => a - b)
  }
  return [...byDay.values()]
}

/** A month's rollup from its day rollups (all of them, in order). */
export function rollupMonth(communityId: string, month: string, days: InsightsRollupDoc[], now: Date): InsightsRollupDoc {
  const doc = emptyRollup(communityId, 'month', month, now)
  const sorted = days.filter((d) => d.kind === 'day' && d.month === month).sort((a, b) => (a.key < b.key ? -1 : 1))
  const active = new Set<string>()
  for (const d of sorted) {
    for (const k of ROLLUP_COUNTS) doc.counts[k] += d.counts[k]
    for (const b of PARTICIPATION_BANDS) doc.coursesByBand[b] += d.coursesByBand[b]
    doc.answerDays.push(...d.answerDays)
    for (const s of d.signedUp) active.add(s.split('|')[0])
    for (const s of d.supported) active.add(s)
    for (const s of d.proposed) active.add(s)
  }
  doc.answerDays.sort((a, b) => a - b)
  doc.councilMembersAtEnd = sorted.length > 0 ? sorted[sorted.length - 1].councilMembersAtEnd : 0
  doc.active = active.size
  return doc
}

/** A month's district document from every community's month rollup of that month. */
export function districtMonth(month: string, monthDocs: InsightsRollupDoc[], now: Date): InsightsDistrictDoc {
  const cells: Record<string, MonthCell> = {}
  for (const d of [...monthDocs].sort((a, b) => (a.communityId < b.communityId ? -1 : 1))) {
    if (d.kind !== 'month' || d.key !== month) continue
    cells[d.communityId] = {
      counts: d.counts,
      answerDays: d.answerDays,
      coursesByBand: d.coursesByBand,
      councilMembersAtEnd: d.councilMembersAtEnd,
      active: d.active,
    }
  }
  return {
    _id: `_district_${month}`,
    communityId: '_district',
    kind: 'district',
    key: month,
    month,
    cells: JSON.stringify(cells),
    rolledUpAt: now,
  }
}

/** The month rollups a district document holds. */
export function monthDocsOf(d: InsightsDistrictDoc): InsightsRollupDoc[] {
  const cells = JSON.parse(d.cells) as Record<string, MonthCell>
  return Object.entries(cells).map(([communityId, cell]) => ({
    ...emptyRollup(communityId, 'month', d.key, new Date(d.rolledUpAt)),
    ...cell,
  }))
}
