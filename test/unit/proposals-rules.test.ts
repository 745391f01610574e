/** Pure proposal rules: the transition table, where a proposal starts, supports and their window, deadlines, reports, messages. */
import { DEFAULT_PROPOSAL_SETTINGS, PROPOSAL_STATUSES, type ProposalDoc, type ProposalStatus } from '../../types/index'
import {
  TERMINAL_STATUSES,
  TRANSITIONS,
  answerDeadline,
  answerFields,
  checkCategory,
  decideReport,
  decideSupport,
  decideTransition,
  decideUnsupport,
  excerpt,
  hiddenByReports,
  initialStatus,
  isOverdue,
  mustAnswerCounts,
  publication,
  supportOpen,
  type Transition,
} from '../../cloudfunctions/proposals/domain/proposal-rules'
import {
  answerMessage,
  outcomeMessage,
  phrase,
  reviewMessage,
  thing,
  thresholdMessage,
} from '../../cloudfunctions/proposals/domain/messages'

const now = new Date('2026-05-01T02:00:00.000Z') // 10:00 in Chengdu
const MIN = 60_000
const DAY = 24 * 60 * MIN
const at = (ms: number) => new Date(now.getTime() + ms)

function proposal(fields: Partial<ProposalDoc> = {}): ProposalDoc {
  return {
    _id: 'p1',
    communityId: 'c',
    title: '加装路灯',
    description: '院坝太黑',
    category: '平安建设',
    place: null,
    photos: [],
    anonymous: false,
    authorName: '王阿姨',
    authorIsChild: false,
    status: 'published',
    isPublic: true,
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    moderation: 'pass',
    supportCount: 0,
    commentCount: 0,
    supportUntil: at(30 * DAY),
    thresholdReachedAt: null,
    answerDueAt: null,
    review: null,
    answer: null,
    finalAnsweredAt: null,
    projectId: null,
    timeline: [],
    createdBy: 'author',
    updatedBy: 'author',
    createdAt: at(-DAY),
    updatedAt: at(-DAY),
    publishedAt: at(-DAY),
    ...fields,
  }
}

describe('the transition table', () => {
  it('names only known statuses and never leaves a terminal one', () => {
    for (const [name, rule] of Object.entries(TRANSITIONS)) {
      expect(PROPOSAL_STATUSES).toContain(rule.to)
      for (const from of rule.from) {
        expect(PROPOSAL_STATUSES).toContain(from)
        expect({ name, from, terminal: TERMINAL_STATUSES.includes(from) }).toEqual({ name, from, terminal: false })
      }
    }
  })
  it('every status is reachable from pending or published (the two starting points)', () => {
    const reached = new Set<ProposalStatus>(['pending', 'published'])
    for (let changed = true; changed;) {
      changed = false
      for (const rule of Object.values(TRANSITIONS)) {
        if (rule.from.some((f) => reached.has(f)) && !reached.has(rule.to)) (reached.add(rule.to), (changed = true))
      }
    }
    expect([...reached].sort()).toEqual([...PROPOSAL_STATUSES].sort())
  })
  it.each([
    ['publish', 'pending', 'published'],
    ['return', 'pending', 'returned'],
    ['reject', 'pending', 'refused'],
    ['update', 'returned', 'pending'],
    ['evaluate', 'published', 'evaluating'],
    ['accept', 'evaluating', 'accepted'],
    ['decline', 'published', 'rejected'],
    ['startProject', 'accepted', 'implementing'],
    ['complete', 'implementing', 'completed'],
  ] as [Transition, ProposalStatus, ProposalStatus][])('%s: %s → %s', (t, from, to) => {
    expect(decideTransition(proposal({ status: from }), t)).toEqual({ from, to })
  })
  it.each([
    ['publish', 'published'],
    ['update', 'published'],
    ['evaluate', 'evaluating'],
    ['accept', 'pending'],
    ['startProject', 'evaluating'],
    ['complete', 'accepted'],
    ['withdraw', 'evaluating'],
    ['withdraw', 'withdrawn'],
  ] as [Transition, ProposalStatus][])('%s from %s → PROPOSAL.INVALID_STATE', (t, from) => {
    expect(decideTransition(proposal({ status: from }), t)).toMatchObject({ code: 'PROPOSAL.INVALID_STATE' })
  })
  it('withdrawal: only while nobody supports it', () => {
    expect(decideTransition(proposal({ supportCount: 0 }), 'withdraw')).toEqual({ from: 'published', to: 'withdrawn' })
    expect(decideTransition(proposal({ supportCount: 1 }), 'withdraw')).toMatchObject({ code: 'PROPOSAL.HAS_SUPPORTERS' })
    expect(decideTransition(proposal({ status: 'pending', isPublic: false }), 'withdraw')).toEqual({ from: 'pending', to: 'withdrawn' })
  })
})

describe('where a proposal starts', () => {
  const pass = { moderation: 'pass' as const, photoCount: 0, authorIsChild: false }
  it('pre-review: always pending', () => expect(initialStatus({ review: 'pre' }, pass)).toBe('pending'))
  it('post-review: published at once when text passed, no photos, not a child', () => {
    expect(initialStatus({ review: 'post' }, pass)).toBe('published')
    expect(initialStatus({ review: 'post' }, { ...pass, moderation: 'review' })).toBe('pending')
    expect(initialStatus({ review: 'post' }, { ...pass, photoCount: 1 })).toBe('pending')
    expect(initialStatus({ review: 'post' }, { ...pass, authorIsChild: true })).toBe('pending')
  })
  it('publication opens supports for the window', () => {
    expect(publication(now, { supportWindowDays: 60 })).toEqual({ isPublic: true, publishedAt: now, supportUntil: at(60 * DAY) })
  })
  it('categories come from the community list', () => {
    expect(checkCategory(DEFAULT_PROPOSAL_SETTINGS, '儿童友好')).toBeNull()
    expect(checkCategory(DEFAULT_PROPOSAL_SETTINGS, '通知')).toMatchObject({ code: 'PROPOSAL.CATEGORY_UNKNOWN' })
  })
})

describe('supports', () => {
  it('open in published and evaluating, up to and including the last instant of the window', () => {
    expect(supportOpen(proposal({ supportUntil: now }), now)).toBe(true)
    expect(supportOpen(proposal({ supportUntil: at(-1) }), now)).toBe(false)
    expect(supportOpen(proposal({ status: 'evaluating' }), now)).toBe(true)
    for (const status of [
      'pending',
      'returned',
      'refused',
      'accepted',
      'rejected',
      'implementing',
      'completed',
      'withdrawn',
    ] as ProposalStatus[]) {
      expect({ status, open: supportOpen(proposal({ status }), now) }).toEqual({ status, open: false })
    }
    expect(supportOpen(proposal({ hidden: true }), now)).toBe(false)
    expect(supportOpen(proposal({ supportUntil: null }), now)).toBe(false)
  })
  it("never one's own; closed → PROPOSAL.SUPPORT_CLOSED", () => {
    expect(decideSupport(proposal(), now, false)).toBe(true)
    expect(decideSupport(proposal(), now, true)).toMatchObject({ code: 'PROPOSAL.OWN' })
    expect(decideSupport(proposal({ supportUntil: at(-MIN) }), now, false)).toMatchObject({ code: 'PROPOSAL.SUPPORT_CLOSED' })
    expect(decideUnsupport(proposal({ status: 'accepted' }), now)).toMatchObject({ code: 'PROPOSAL.SUPPORT_CLOSED' })
  })
})

describe('the must-answer list', () => {
  it('the deadline counts from the crossing', () => expect(answerDeadline(now, 15)).toEqual(at(15 * DAY)))
  it('overdue: the minute after the deadline, not the minute before, and not once answered', () => {
    const due = { thresholdReachedAt: at(-20 * DAY), answerDueAt: at(-MIN) }
    expect(isOverdue(proposal(due), now)).toBe(true)
    expect(isOverdue(proposal({ ...due, answerDueAt: at(MIN) }), now)).toBe(false)
    expect(isOverdue(proposal({ ...due, status: 'evaluating' }), now)).toBe(true) // evaluating is not a final answer
    expect(isOverdue(proposal({ ...due, status: 'accepted', finalAnsweredAt: now }), now)).toBe(false)
  })
  it('counts open, overdue, answered on time and late', () => {
    const reached = at(-20 * DAY)
    const list = [
      proposal({ thresholdReachedAt: reached, answerDueAt: at(-DAY) }),
      proposal({ thresholdReachedAt: reached, answerDueAt: at(DAY) }),
      proposal({ status: 'accepted', thresholdReachedAt: reached, answerDueAt: at(-5 * DAY), finalAnsweredAt: at(-6 * DAY) }),
      proposal({ status: 'rejected', thresholdReachedAt: reached, answerDueAt: at(-5 * DAY), finalAnsweredAt: at(-4 * DAY) }),
      proposal({}),
    ]
    expect(mustAnswerCounts(list, now)).toEqual({ open: 2, overdue: 1, answeredOnTime: 1, answeredLate: 1 })
  })
  it('cost and due date only with an acceptance', () => {
    expect(answerFields({ decision: 'rejected', explanation: 'x', cost: 5, dueDate: '2026-06-01' }, now)).toMatchObject({
      cost: null,
      dueDate: null,
    })
    expect(answerFields({ decision: 'accepted', explanation: 'x', cost: 5, dueDate: '2026-06-01' }, now)).toMatchObject({
      cost: 5,
      dueDate: '2026-06-01',
    })
  })
})

describe('reports', () => {
  it("not one's own, only listed content; three reports hide", () => {
    expect(decideReport({ hidden: false, listed: true }, false)).toBe(true)
    expect(decideReport({ hidden: false, listed: true }, true)).toMatchObject({ code: 'PROPOSAL.OWN' })
    expect(decideReport({ hidden: true, listed: true }, false)).toMatchObject({ code: 'PROPOSAL.INVALID_STATE' })
    expect([2, 3, 4].map(hiddenByReports)).toEqual([false, true, true])
  })
})

describe('messages respect the subscribe-message field limits', () => {
  const longTitle = '关于栀子街十二号院和十四号院之间那条小巷夜间照明严重不足的问题'
  const p = { _id: 'p1', communityId: 'c', title: longTitle }
  const values = (m: { subscribe: { data: Record<string, string> } | null }) => Object.entries(m.subscribe?.data ?? {})
  it('thing ≤ 20 characters, phrase ≤ 5 Chinese characters, date Y-M-D in Chengdu', () => {
    const all = [
      reviewMessage(p, 'publish', null, now),
      reviewMessage(p, 'return', '请补充具体位置和照片，方便我们转交街道城管科处理', now),
      reviewMessage(p, 'reject', '广告', now),
      answerMessage(p, { decision: 'accepted', explanation: '采纳。'.repeat(30), cost: 8000, dueDate: '2026-09-01' }, now),
      answerMessage(p, { decision: 'evaluating', explanation: '正在评估', cost: null, dueDate: null }, now),
      answerMessage(p, { decision: 'rejected', explanation: '不符合规定', cost: null, dueDate: null }, now),
      outcomeMessage(p, { title: '项目', outcome: '成效'.repeat(40) }, now),
    ]
    for (const m of all) {
      for (const [key, value] of values(m)) {
        if (key.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20)
        if (key.startsWith('phrase')) expect(value).toMatch(/^[\u4e00-\u9fa5]{1,5}$/)
        if (key.startsWith('date')) expect(value).toBe('2026-05-01')
      }
      expect(m.body).toContain(longTitle) // the inbox keeps the full text
    }
    expect(thing(longTitle)).toHaveLength(20)
    expect(thing(longTitle).endsWith('…')).toBe(true)
    expect(thing('  两盏\n路灯  ')).toBe('两盏 路灯')
    expect(() => phrase('已录取ok')).toThrow()
    expect(thresholdMessage(p, 20, at(15 * DAY)).subscribe).toBeNull()
  })
  it('excerpt keeps one line', () => expect(excerpt('第一行\n\n第二行'.repeat(20), 10)).toBe('第一行 第二行第一行…'))
})
