/**
 * Every figure's definition (types/insights FIGURES) on hand-built records of one community over two months:
 * records → day rollups → figures, with the "<5" rule. The table of expected values names every figure, so a new
 * figure without a worked example fails here.
 */
import { communityFigures, median, monthFigures, monthsOf, suppress } from '../../cloudfunctions/insights/domain/figures'
import { daysBetween, rollupDays, rollupMonth, type CommunityRecords } from '../../cloudfunctions/insights/domain/rollup'
import { todoItems } from '../../cloudfunctions/insights/domain/todo'
import { DISTRICT_FIGURE_KEYS, FIGURE_KEYS, FIGURES, type Cell } from '../../types/index'

const C = 'c1'
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`)
const NOW = at('2026-05-10')

function event(id: string, day: string, f: Record<string, unknown>): any {
  return {
    _id: id,
    communityId: C,
    title: id,
    category: '活动',
    status: 'published',
    startAt: at(day),
    endAt: at(day, '12:00'),
    capacity: 10,
    ageMin: null,
    ageMax: null,
    confirmedCount: 0,
    waitlistCount: 0,
    noShowCount: 0,
    ratingCount: 0,
    ratingSum: 0,
    ...f,
  }
}
const signup = (eventId: string, participantId: string, birthYear: number | null = null, status = 'confirmed'): any => ({
  _id: `${eventId}_${participantId}`,
  eventId,
  communityId: C,
  participantId,
  birthYear,
  status,
  kind: 'self',
})
const support = (openid: string, day: string): any => ({
  _id: `s_${openid}_${day}`,
  proposalId: 'P1',
  communityId: C,
  openid,
  createdAt: at(day),
})
function proposal(id: string, f: Record<string, unknown>): any {
  return {
    _id: id,
    communityId: C,
    title: id,
    status: 'published',
    authorIsChild: false,
    createdBy: 'x',
    createdAt: at('2026-03-01'),
    publishedAt: null,
    thresholdReachedAt: null,
    answerDueAt: null,
    answer: null,
    finalAnsweredAt: null,
    timeline: [],
    projectId: null,
    ...f,
  }
}
const answered = (day: string) => ({ timeline: [{ at: at(day), kind: 'answered', text: null, audience: 'public' }] })
const member = (id: string, approved: string | null, left: string | null = null): any => ({
  _id: id,
  councilId: `council-${C}`,
  communityId: C,
  approvedAt: approved ? at(approved) : null,
  leftAt: left ? at(left) : null,
  status: left ? 'left' : 'approved',
})
const childProposal = (id: string, day: string, answerDay: string | null, due: string | null): any => ({
  _id: id,
  communityId: C,
  createdAt: at(day),
  answerDueAt: due ? at(due) : null,
  answer: answerDay ? { kind: 'answer', text: '…', at: at(answerDay), by: 'staff' } : null,
})

const records: CommunityRecords = {
  events: [
    event('e1', '2026-03-05', { capacity: 20, confirmedCount: 12, waitlistCount: 3, noShowCount: 2, ratingCount: 6, ratingSum: 27 }),
    event('e2', '2026-03-10', { category: '课程', ageMin: 6, ageMax: 12, capacity: 10, confirmedCount: 10 }),
    event('e3', '2026-03-20', { category: '课程', capacity: 10, confirmedCount: 8 }),
    event('e4', '2026-03-21', { status: 'cancelled', capacity: 50, confirmedCount: 0 }),
    event('e5', '2026-04-02', { category: '暑期课堂', ageMin: 60, capacity: 5, confirmedCount: 5 }),
    event('e6', '2026-05-01', { capacity: 99, confirmedCount: 99 }),
  ],
  signups: [
    ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((p) => signup('e1', p)),
    signup('e1', 'p7', null, 'cancelled'),
    ...['k1', 'k2', 'k3'].map((k) => signup('e2', k, 2016)),
    signup('e2', 'p1'),
    signup('e5', 's1', 1950),
    signup('e6', 'late1'),
  ],
  supports: [support('p1', '2026-03-02'), support('q1', '2026-03-03'), support('q2', '2026-03-04')],
  proposals: [
    proposal('P1', {
      createdBy: 'p2',
      publishedAt: at('2026-03-02'),
      thresholdReachedAt: at('2026-03-05'),
      answerDueAt: at('2026-03-20'),
      ...answered('2026-03-10'),
    }),
    proposal('P2', {
      createdBy: 'r1',
      publishedAt: at('2026-03-02'),
      thresholdReachedAt: at('2026-03-06'),
      answerDueAt: at('2026-03-21'),
      ...answered('2026-03-25'),
    }),
    proposal('P3', { createdBy: 'r2', createdAt: at('2026-03-03'), publishedAt: at('2026-03-04') }),
    proposal('P4', {
      createdBy: 'old',
      createdAt: at('2026-02-20'),
      publishedAt: at('2026-03-01'),
      thresholdReachedAt: at('2026-03-02'),
      answerDueAt: at('2026-03-17'),
      ...answered('2026-03-04'),
    }),
    proposal('P5', { createdBy: 'r3', createdAt: at('2026-04-01'), status: 'pending' }),
    proposal('P6', { createdBy: 'guardian', createdAt: at('2026-04-02'), authorIsChild: true }),
  ],
  projects: [
    {
      _id: 'J1',
      communityId: C,
      proposalIds: ['P1', 'P4'],
      status: 'completed',
      createdAt: at('2026-03-15'),
      completedAt: at('2026-04-10'),
    } as any,
    { _id: 'J2', communityId: C, proposalIds: ['P2'], status: 'active', createdAt: at('2026-04-20'), completedAt: null } as any,
  ],
  councilMembers: [
    ...['m1', 'm2', 'm3', 'm4', 'm5'].map((m) => member(m, '2026-01-10')),
    member('m6', '2026-01-10', '2026-04-15'),
    member('m7', '2026-05-05'),
    member('m8', null),
  ],
  councilProposals: [
    childProposal('cp1', '2026-03-02', '2026-03-10', '2026-03-20'),
    childProposal('cp2', '2026-03-03', '2026-03-30', '2026-03-25'),
    childProposal('cp3', '2026-03-04', null, '2026-03-25'),
  ],
}

const FROM = '2026-03-01'
const TO = '2026-04-30'

/** The worked example: every figure of the community view, by hand from the records above. */
const EXPECTED: Record<string, Cell> = {
  'participation.signedUp': 10, // p1–p6, k1–k3, s1 (p7 cancelled, late1 after the period, p1 once)
  'participation.supported': '<5', // p1, q1, q2
  'participation.proposed': '<5', // p2, r1, r2, r3 (P4's author before the period, P6 a child's)
  'participation.any': 15, // the 10 + q1, q2 + r1, r2, r3
  'participation.band.preschool': 0,
  'participation.band.primary': '<5', // k1–k3 (10 in 2026)
  'participation.band.teen': 0,
  'participation.band.adult': 6, // p1–p6, no birth year → 18
  'participation.band.senior': '<5', // s1
  'participation.monthlyAverage': 8, // March 13, April 2 (s1, r3) → 7.5 → 8
  'events.held': 4, // e1, e2, e3, e5 (e4 cancelled, e6 after)
  'events.coursesHeld': 3,
  'events.placesOffered': 45,
  'events.placesTaken': 35,
  'events.fillRate': 77.8,
  'events.waitlisted': '<5', // 3
  'events.noShows': '<5', // 2
  'events.ratings': 6,
  'events.score': 4.5, // 27 / 6
  'courses.months': 2,
  'courses.met.preschool': 0, // March: e3 only
  'courses.met.primary': 1, // March: e2 + e3
  'courses.met.teen': 0,
  'courses.met.adult': 0,
  'courses.met.senior': 0, // April: e5 only
  'proposals.submitted': 5, // P1, P2, P3, P5, P6
  'proposals.published': 4, // P1–P4
  'proposals.thresholdReached': 3, // P1, P2, P4
  'proposals.answeredOnTime': 2, // P1, P4
  'proposals.answeredLate': 1, // P2
  'proposals.medianDaysToAnswer': null, // 3 answers: fewer than 5
  'proposals.becameProjects': 3, // J1 (2) + J2 (1)
  'proposals.completed': 2, // J1
  'council.members': 5, // m1–m5 (m6 left, m7 later, m8 not approved)
  'council.proposals': '<5',
  'council.answeredOnTime': '<5',
  'council.answeredLate': '<5',
}

const days = () => rollupDays(C, daysBetween(FROM, TO), records, NOW)

describe('insight figures: every definition on a worked example', () => {
  it('the example names every figure', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FIGURE_KEYS].sort())
    for (const k of FIGURE_KEYS) expect(FIGURES[k].definition.length).toBeGreaterThan(10)
  })

  it.each(FIGURE_KEYS)('%s', (key) => {
    expect(communityFigures(days(), FROM, TO)[key]).toEqual(EXPECTED[key])
  })

  it('a sub-period reads only its days (March alone)', () => {
    const march = communityFigures(days(), '2026-03-01', '2026-03-31')
    expect(march['events.held']).toBe(3)
    expect(march['participation.any']).toBe(13)
    expect(march['council.members']).toBe(6) // m6 still a member at the end of March
    expect(march['courses.months']).toBe(1)
  })

  it('month rollups give the same additive figures (the district view)', () => {
    const d = days()
    const months = monthsOf(FROM, TO)
    const monthDocs = months.map((m) => rollupMonth(C, m, d, NOW))
    expect(monthDocs.map((m) => m.active)).toEqual([13, 2])
    const byMonth = monthFigures(monthDocs, months, DISTRICT_FIGURE_KEYS)
    for (const k of DISTRICT_FIGURE_KEYS) expect({ k, v: byMonth[k] }).toEqual({ k, v: EXPECTED[k] })
  })

  it('recomputing a day is idempotent: same records, same rollups', () => {
    expect(JSON.stringify(days())).toBe(JSON.stringify(days()))
  })

  it('rollups hold no ids: participants are pseudonymous keys', () => {
    const text = JSON.stringify(days())
    for (const id of ['p1', 'k1', 's1', 'q1', 'r1']) expect(text).not.toMatch(new RegExp(`"${id}[|"]`))
  })
})

describe('the "<5" rule and the helpers', () => {
  it('suppresses 1–4, shows 0 and 5 and up', () => {
    expect([0, 1, 4, 5, 120, null].map(suppress)).toEqual([0, '<5', '<5', 5, 120, null])
  })
  it('a people figure of one child is never shown as 1', () => {
    const one: CommunityRecords = {
      ...records,
      signups: [signup('e2', 'k1', 2016)],
      supports: [],
      proposals: [],
      councilMembers: [member('m1', '2026-01-10')],
      councilProposals: [],
    }
    const f = communityFigures(rollupDays(C, daysBetween(FROM, TO), one, NOW), FROM, TO)
    expect(f['participation.band.primary']).toBe('<5')
    expect(f['participation.signedUp']).toBe('<5')
    expect(f['council.members']).toBe('<5')
    for (const [k, v] of Object.entries(f)) if (FIGURES[k as keyof typeof FIGURES].people) expect({ k, v }).not.toEqual({ k, v: 1 })
  })
  it('median days to answer with five answers; rate and score hidden under five', () => {
    expect(median([5, 1, 3, 2, 4])).toBe(3)
    expect(median([1, 2, 3, 10])).toBe(2.5)
    const five: CommunityRecords = {
      ...records,
      proposals: [2, 4, 6, 8, 30].map((d, i) =>
        proposal(`A${i}`, {
          thresholdReachedAt: at('2026-03-01'),
          answerDueAt: at('2026-03-16'),
          ...answered(`2026-03-${String(1 + d).padStart(2, '0')}`),
        }),
      ),
      events: [event('small', '2026-03-05', { capacity: 10, confirmedCount: 4, ratingCount: 4, ratingSum: 20 })],
    }
    const f = communityFigures(rollupDays(C, daysBetween(FROM, TO), five, NOW), FROM, TO)
    expect(f['proposals.medianDaysToAnswer']).toBe(6)
    expect(f['proposals.answeredLate']).toBe(1)
    expect(f['events.fillRate']).toBeNull()
    expect(f['events.score']).toBeNull()
    expect(f['events.placesTaken']).toBe('<5')
  })
  it('months of a period', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })
})

describe('the to-do list', () => {
  const now = at('2026-03-10')
  it('nearest deadline first, overdue flagged, no deadline last; a child is named by category only', () => {
    const items = todoItems(
      C,
      {
        pendingProposals: [proposal('R1', { status: 'pending', createdAt: at('2026-03-08') })],
        mustAnswer: [
          proposal('M1', { thresholdReachedAt: at('2026-02-20'), answerDueAt: at('2026-03-07') }),
          proposal('M2', { thresholdReachedAt: at('2026-03-01'), answerDueAt: at('2026-03-16') }),
          proposal('M3', { thresholdReachedAt: at('2026-03-01'), answerDueAt: at('2026-03-12'), finalAnsweredAt: at('2026-03-05') }),
        ],
        reportedProposals: [],
        reportedComments: [],
        childPending: [
          { _id: 'K1', communityId: C, category: '安全', idea: '小明的秘密想法', alias: '小明', createdAt: at('2026-03-09') } as any,
        ],
        childApproved: [
          { _id: 'K2', communityId: C, category: '环境', answer: null, answerDueAt: at('2026-03-14'), createdAt: at('2026-03-01') } as any,
        ],
        tasks: [
          {
            _id: 'T1',
            eventId: 'e1',
            eventTitle: '茶话会',
            communityId: C,
            status: 'open',
            average: 3.2,
            openedAt: at('2026-03-06'),
          } as any,
        ],
        upcoming: [
          event('full', '2026-03-20', {
            capacity: 10,
            confirmedCount: 8,
            signupClosesAt: at('2026-03-18'),
            allocation: 'first_come',
            createdAt: at('2026-03-01'),
          }),
          event('roomy', '2026-03-20', { capacity: 10, confirmedCount: 3, signupClosesAt: at('2026-03-18'), allocation: 'first_come' }),
          event('lot', '2026-03-15', { allocation: 'lottery', drawState: 'none', signupClosesAt: at('2026-03-09') }),
        ],
      },
      now,
    )
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'proposalAnswer:M1',
      'childAnswer:K2',
      'lotteryDue:lot',
      'proposalAnswer:M2',
      'eventFilling:full',
      'adjustment:T1',
      'proposalReview:R1',
      'childReview:K1',
    ])
    expect(items.find((i) => i.id === 'M1')!.overdue).toBe(true)
    expect(items.find((i) => i.id === 'M2')!.overdue).toBe(false)
    expect(JSON.stringify(items)).not.toContain('小明')
    expect(items.find((i) => i.id === 'M2')!.page).toBe('/packages/proposals-staff/pages/answer/index?proposalId=M2')
  })
})
