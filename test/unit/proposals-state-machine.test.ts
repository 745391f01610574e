/**
 * Property test of the proposal state machine: random sequences of actions by random people (author, residents,
 * staff, an outsider) and the passing of time, each applied the way the actions apply it — through the same pure
 * rules and permission functions. After every step: no illegal state, every status change is a row of the
 * transition table, refused actions change nothing, counters equal their sets, the threshold fires at most once,
 * and the viewer.can* flags say exactly whether the action would succeed.
 */
import fc from 'fast-check'
import {
  DEFAULT_PROPOSAL_SETTINGS,
  PROPOSAL_STATUSES,
  type AnswerDecision,
  type ProposalDoc,
  type ProposalStatus,
  type ReviewDecision,
} from '../../types/index'
import type { Viewer } from '../../cloudfunctions/_kernel/permissions'
import * as can from '../../cloudfunctions/proposals/domain/permissions'
import {
  ANSWER_TRANSITION,
  REVIEW_TRANSITION,
  SUPPORTABLE_STATUSES,
  TERMINAL_STATUSES,
  TRANSITIONS,
  decideReport,
  decideSupport,
  decideTransition,
  decideUnsupport,
  hiddenByReports,
  isListed,
  publication,
  type Transition,
} from '../../cloudfunctions/proposals/domain/proposal-rules'
import { isRefusal } from '../../cloudfunctions/_kernel/errors'

const C = 'community-a'
const DAY = 24 * 60 * 60 * 1000
const settings = { ...DEFAULT_PROPOSAL_SETTINGS, supportThreshold: 3, supportWindowDays: 20 }

const viewer = (openid: string, role: 'resident' | 'staff' | null, isDistrictAdmin = false): Viewer => ({
  openid,
  isDistrictAdmin,
  isChild: false,
  roles: role ? { [C]: role } : {},
})
const PEOPLE: Record<string, Viewer> = {
  author: viewer('author', 'resident'),
  r1: viewer('r1', 'resident'),
  r2: viewer('r2', 'resident'),
  r3: viewer('r3', 'resident'),
  r4: viewer('r4', 'resident'),
  staff: viewer('staff', 'staff'),
  admin: viewer('admin', null, true),
  outsider: viewer('outsider', null),
}
/** Staff act often enough for sequences to get deep (published → … → completed); everyone else acts too. */
const actor = fc.oneof(
  { arbitrary: fc.constantFrom('staff', 'admin'), weight: 3 },
  { arbitrary: fc.constantFrom('author', 'r1', 'r2', 'r3', 'r4'), weight: 4 },
  { arbitrary: fc.constant('outsider'), weight: 1 },
)

type Command =
  | { kind: 'update' | 'withdraw' | 'support' | 'unsupport' | 'startProject' | 'complete' | 'report' | 'hide' | 'unhide'; by: string }
  | { kind: 'review'; by: string; decision: ReviewDecision }
  | { kind: 'answer'; by: string; decision: AnswerDecision }
  | { kind: 'time'; days: number }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('update', 'withdraw', 'support', 'unsupport', 'startProject', 'complete', 'report', 'hide', 'unhide'),
    by: actor,
  }) as fc.Arbitrary<Command>,
  fc.record({ kind: fc.constant('review' as const), by: actor, decision: fc.constantFrom<ReviewDecision>('publish', 'reject', 'return') }),
  fc.record({
    kind: fc.constant('answer' as const),
    by: actor,
    decision: fc.constantFrom<AnswerDecision>('evaluating', 'accepted', 'rejected'),
  }),
  fc.record({ kind: fc.constant('time' as const), days: fc.integer({ min: 0, max: 25 }) }),
)

type Model = {
  p: ProposalDoc
  now: Date
  supporters: string[]
  reporters: string[]
  /** reports counted since the last unhide */
  thresholdFires: number
  everPublished: boolean
}

function start(initial: 'pending' | 'published'): Model {
  const now = new Date('2026-05-01T02:00:00.000Z')
  const p: ProposalDoc = {
    _id: 'p',
    communityId: C,
    title: 't',
    description: 'd',
    category: '其他',
    place: null,
    photos: [],
    anonymous: false,
    authorName: '居民',
    authorIsChild: false,
    status: initial,
    isPublic: false,
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    moderation: 'pass',
    supportCount: 0,
    commentCount: 0,
    supportUntil: null,
    thresholdReachedAt: null,
    answerDueAt: null,
    review: null,
    answer: null,
    finalAnsweredAt: null,
    projectId: null,
    timeline: [],
    createdBy: 'author',
    updatedBy: 'author',
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  }
  if (initial === 'published') Object.assign(p, publication(now, settings))
  return { p, now, supporters: [], reporters: [], thresholdFires: 0, everPublished: initial === 'published' }
}

const clone = (m: Model): Model => ({ ...m, p: { ...m.p }, supporters: [...m.supporters], reporters: [...m.reporters] })

/** Apply one command as the actions do. `ok` false = refused (and the model is returned untouched). */
function apply(m0: Model, c: Command): { ok: boolean; m: Model } {
  const m = clone(m0)
  const refuse = { ok: false, m: m0 }
  if (c.kind === 'time') {
    m.now = new Date(m.now.getTime() + c.days * DAY)
    return { ok: true, m }
  }
  const v = PEOPLE[c.by]
  const p = m.p
  const move = (t: Transition, extra: Partial<ProposalDoc> = {}) => {
    const d = decideTransition(p, t)
    if (isRefusal(d)) return refuse
    Object.assign(p, { status: d.to }, extra)
    return { ok: true, m }
  }
  // Visibility first, as loadProposalAndViewer does: outsiders and those who may not see it are refused.
  if (!can.canSeeProposal(v, p)) return refuse
  switch (c.kind) {
    case 'update':
      return can.mayEditProposal(v, p) ? move('update') : refuse
    case 'withdraw':
      return can.mayEditProposal(v, p) ? move('withdraw') : refuse
    case 'review': {
      if (!can.mayModerate(v, p)) return refuse
      const t = REVIEW_TRANSITION[c.decision]
      if (t === 'publish' && !isRefusal(decideTransition(p, t))) {
        m.everPublished = true
        return move(t, { ...publication(m.now, settings), moderation: 'pass' })
      }
      return move(t)
    }
    case 'answer':
      if (!can.mayModerate(v, p)) return refuse
      return move(ANSWER_TRANSITION[c.decision], c.decision === 'evaluating' ? {} : { finalAnsweredAt: m.now })
    case 'startProject':
      return can.mayModerate(v, p) ? move('startProject') : refuse
    case 'complete':
      return can.mayModerate(v, p) ? move('complete') : refuse
    case 'support': {
      if (!can.mayParticipate(v, p)) return refuse
      if (decideSupport(p, m.now, can.isAuthor(v, p)) !== true) return refuse
      if (!m.supporters.includes(v.openid)) {
        m.supporters.push(v.openid)
        p.supportCount++
        // the repo's conditional update: thresholdReachedAt null, count ≥ threshold, supportable
        if (p.thresholdReachedAt === null && p.supportCount >= settings.supportThreshold && SUPPORTABLE_STATUSES.includes(p.status)) {
          p.thresholdReachedAt = m.now
          p.answerDueAt = new Date(m.now.getTime() + settings.answerDays * DAY)
          m.thresholdFires++
        }
      }
      return { ok: true, m }
    }
    case 'unsupport': {
      if (!can.mayParticipate(v, p)) return refuse
      if (decideUnsupport(p, m.now) !== true) return refuse
      if (m.supporters.includes(v.openid)) {
        m.supporters = m.supporters.filter((s) => s !== v.openid)
        p.supportCount--
      }
      return { ok: true, m }
    }
    case 'report': {
      if (!can.mayParticipate(v, p)) return refuse
      if (decideReport({ hidden: p.hidden, listed: isListed(p) }, can.isAuthor(v, p)) !== true) return refuse
      if (!m.reporters.includes(v.openid)) {
        m.reporters.push(v.openid)
        p.reportCount++
        if (!p.hidden && hiddenByReports(p.reportCount)) Object.assign(p, { hidden: true, hiddenBy: 'reports' })
      }
      return { ok: true, m }
    }
    case 'hide':
      if (!can.mayModerate(v, p) || !p.isPublic) return refuse
      Object.assign(p, { hidden: true, hiddenBy: 'staff' })
      return { ok: true, m }
    case 'unhide':
      if (!can.mayModerate(v, p)) return refuse
      if (p.hidden) Object.assign(p, { hidden: false, hiddenBy: null, reportCount: 0 })
      return { ok: true, m }
  }
}

const isRow = (from: ProposalStatus, to: ProposalStatus) => Object.values(TRANSITIONS).some((r) => r.from.includes(from) && r.to === to)

function checkInvariants(before: Model, c: Command, ok: boolean, after: Model): void {
  const p = after.p
  expect(PROPOSAL_STATUSES).toContain(p.status)
  if (!ok) expect(after).toBe(before) // a refusal changes nothing
  if (p.status !== before.p.status) {
    expect({ from: before.p.status, to: p.status, legal: isRow(before.p.status, p.status) }).toEqual({
      from: before.p.status,
      to: p.status,
      legal: true,
    })
    expect(TERMINAL_STATUSES).not.toContain(before.p.status)
  }
  if (p.status === 'withdrawn' && before.p.status !== 'withdrawn') expect(after.supporters).toEqual([])
  expect(p.supportCount).toBe(after.supporters.length)
  expect(new Set(after.supporters).size).toBe(after.supporters.length)
  expect(after.supporters).not.toContain('author')
  expect(after.supporters.every((s) => /^r\d$|^staff$/.test(s))).toBe(true) // members only: never the outsider or the admin
  if (after.supporters.length > before.supporters.length)
    expect(before.p.status === 'published' || before.p.status === 'evaluating').toBe(true)
  expect(after.thresholdFires).toBeLessThanOrEqual(1)
  if (after.thresholdFires === 1 && before.thresholdFires === 0) expect(p.supportCount).toBeGreaterThanOrEqual(settings.supportThreshold)
  expect(p.isPublic).toBe(after.everPublished)
  if (before.p.isPublic) expect(p.isPublic).toBe(true)
  if (['pending', 'returned', 'refused'].includes(p.status)) expect(p.isPublic).toBe(false)
  if (p.hidden) expect(p.hiddenBy === 'staff' || p.reportCount >= 3).toBe(true)
  if (p.finalAnsweredAt) expect(['accepted', 'rejected', 'implementing', 'completed']).toContain(p.status)
  void c
}

/** The flags a viewer gets must say exactly whether the action would succeed (and change something). */
function checkFlags(m: Model): void {
  for (const [who, v] of Object.entries(PEOPLE)) {
    if (!can.canSeeProposal(v, m.p)) continue
    const supported = m.supporters.includes(v.openid)
    const flags = {
      canUpdate: can.canUpdate(v, m.p),
      canWithdraw: can.canWithdraw(v, m.p),
      canSupport: can.canSupport(v, m.p, m.now, supported),
      canUnsupport: can.canUnsupport(v, m.p, m.now, supported),
      canReview: can.canReview(v, m.p),
      canCreateProject: can.canCreateProject(v, m.p),
      canReport: can.canReport(v, m.p),
      canUnhide: can.canUnhide(v, m.p),
    }
    const would = (c: Command) => apply(m, c).ok
    const changes = (c: Command) => {
      const r = apply(m, c)
      return r.ok && JSON.stringify(r.m) !== JSON.stringify(m)
    }
    const expected = {
      canUpdate: would({ kind: 'update', by: who }),
      canWithdraw: would({ kind: 'withdraw', by: who }),
      canSupport: changes({ kind: 'support', by: who }),
      canUnsupport: changes({ kind: 'unsupport', by: who }),
      canReview: would({ kind: 'review', by: who, decision: 'publish' }),
      canCreateProject: would({ kind: 'startProject', by: who }),
      canReport: would({ kind: 'report', by: who }),
      canUnhide: changes({ kind: 'unhide', by: who }),
    }
    expect({ who, status: m.p.status, ...flags }).toEqual({ who, status: m.p.status, ...expected })
  }
}

describe('the proposal state machine (fast-check)', () => {
  it('no sequence of actions reaches an illegal state or takes an illegal transition; flags never lie', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'pending' | 'published'>('pending', 'published'),
        fc.array(command, { minLength: 1, maxLength: 40, size: 'max' }),
        (initial, commands) => {
          let m = start(initial)
          checkFlags(m)
          for (const c of commands) {
            const { ok, m: next } = apply(m, c)
            checkInvariants(m, c, ok, next)
            m = next
            checkFlags(m)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('every row of the table is taken by some generated sequence', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(fc.array(command, { minLength: 20, maxLength: 60, size: 'max' }), (commands) => {
        let m = start('pending')
        for (const c of commands) {
          const { m: next } = apply(m, c)
          if (next.p.status !== m.p.status) seen.add(`${m.p.status}>${next.p.status}`)
          m = next
        }
      }),
      { numRuns: 2000, seed: 20260501 },
    )
    const rows = Object.values(TRANSITIONS).flatMap((r) => r.from.filter((f) => f !== r.to).map((f) => `${f}>${r.to}`))
    expect(rows.filter((r) => !seen.has(r))).toEqual([])
  })
})
