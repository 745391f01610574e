/** The council's pure rules: quorum edges, fair speaking order, agenda order, answer deadlines, stages, messages. */
import fc from 'fast-check'
import type { AgendaItemDoc, CouncilMeetingDoc } from '../../types/index'
import { COUNCIL_CONSENT_VERSION, parseShanghai } from '../../types/index'
import { agendaMessage, answerMessage, phrase, thing } from '../../cloudfunctions/council/domain/messages'
import {
  ageOf,
  answerDueAt,
  checkAge,
  checkConsent,
  decideApply,
  decideCastVote,
  decideMinutes,
  decideOpenVote,
  insertItem,
  isDueForPurge,
  isOverdue,
  nextSpeaker,
  passes,
  queueOrder,
  quorumMet,
  raiseHand,
  reorder,
  stageOf,
} from '../../cloudfunctions/council/domain/rules'
import { withoutMembers } from '../../cloudfunctions/council/erase'

const now = parseShanghai('2026-06-01 10:00')
const item = (itemId: string, order: number, fields: Partial<AgendaItemDoc> = {}): AgendaItemDoc => ({
  itemId,
  title: itemId,
  presenterAlias: null,
  presenterMemberId: null,
  durationMinutes: 5,
  order,
  proposalId: null,
  vote: null,
  decision: null,
  ...fields,
})

describe('quorum: more than half of the members present', () => {
  it.each([
    [4, 2, false],
    [4, 3, true],
    [5, 2, false],
    [5, 3, true],
    [2, 1, false],
    [1, 1, true],
    [0, 0, false],
    [10, 5, false],
    [10, 6, true],
  ])('%i members, %i present → %s', (members, present, expected) => expect(quorumMet(present, members)).toBe(expected))
  it('passes with quorum and more yes than no; abstentions count for neither', () => {
    expect(passes({ yes: 2, no: 1 }, true)).toBe(true)
    expect(passes({ yes: 1, no: 1 }, true)).toBe(false)
    expect(passes({ yes: 5, no: 0 }, false)).toBe(false)
  })
})

describe('speaking queue: everyone gets a turn', () => {
  const empty: CouncilMeetingDoc['speaking'] = { current: null, queue: [], turns: {} }
  it('who has not spoken goes before who has, then first come first served', () => {
    let s = raiseHand(empty, 'a', new Date(1)).speaking
    s = nextSpeaker(s, new Date(2)) // a speaks
    s = raiseHand(s, 'a', new Date(3)).speaking
    s = raiseHand(s, 'b', new Date(4)).speaking
    s = raiseHand(s, 'c', new Date(5)).speaking
    expect(queueOrder(s).map((q) => q.memberId)).toEqual(['b', 'c', 'a'])
    s = nextSpeaker(s, new Date(6))
    expect(s.current).toEqual({ memberId: 'b', since: new Date(6) })
    expect(s.turns).toEqual({ a: 1, b: 1 })
  })
  it('a hand raised twice queues once', () => {
    const once = raiseHand(empty, 'a', new Date(1))
    const twice = raiseHand(once.speaking, 'a', new Date(2))
    expect(twice).toMatchObject({ queued: false, position: 1 })
    expect(twice.speaking.queue).toHaveLength(1)
  })
  it('property: nobody gets a second turn while someone in the queue has had none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (raises, nexts) => {
          let s = empty
          let t = 0
          for (let i = 0; i < raises.length; i++) {
            s = raiseHand(s, raises[i], new Date(t++)).speaking
            if (nexts[i]) {
              const waiting = s.queue.map((q) => q.memberId)
              const fewest = Math.min(...waiting.map((id) => s.turns[id] ?? 0))
              s = nextSpeaker(s, new Date(t++))
              if (s.current) expect((s.turns[s.current.memberId] ?? 0) - 1).toBe(fewest)
            }
          }
        },
      ),
    )
  })
})

describe('agenda', () => {
  it('inserts at a position and renumbers; reorder must name every item once', () => {
    const items = insertItem([item('a', 0), item('b', 1)], item('c', 0), 1)
    expect(items.map((i) => [i.itemId, i.order])).toEqual([
      ['a', 0],
      ['c', 1],
      ['b', 2],
    ])
    expect(insertItem(items, item('d', 0)).map((i) => i.itemId)).toEqual(['a', 'c', 'b', 'd'])
    expect(reorder(items, ['b', 'a', 'c'])).toEqual([item('b', 0), item('a', 1), item('c', 2)].map((i) => ({ ...i, title: i.itemId })))
    for (const bad of [
      ['a', 'b'],
      ['a', 'a', 'b'],
      ['a', 'b', 'x'],
    ])
      expect(reorder(items, bad)).toMatchObject({ code: 'COUNCIL.ITEM_NOT_FOUND' })
  })
})

describe('votes', () => {
  const meeting = (fields: Partial<CouncilMeetingDoc>) => ({
    status: 'published' as const,
    attendance: ['m1'],
    items: [item('i1', 0)],
    ...fields,
  })
  it('open only on a published meeting, once', () => {
    expect(decideOpenVote({ status: 'draft' }, item('i1', 0))).toMatchObject({ code: 'COUNCIL.MEETING_INVALID_STATE' })
    expect(decideOpenVote({ status: 'published' }, item('i1', 0))).toBeNull()
    expect(decideOpenVote({ status: 'published' }, item('i1', 0, { vote: { status: 'closed' } as any }))).toMatchObject({
      code: 'COUNCIL.VOTE_INVALID_STATE',
    })
  })
  it('cast only while open and only when present', () => {
    const open = { status: 'open', secret: true } as any
    expect(decideCastVote(meeting({}), 'i1', 'm1')).toMatchObject({ code: 'COUNCIL.VOTE_NOT_OPEN' })
    expect(decideCastVote(meeting({ items: [item('i1', 0, { vote: open })] }), 'i1', 'm1')).toEqual({ secret: true })
    expect(decideCastVote(meeting({ items: [item('i1', 0, { vote: open })] }), 'i1', 'm2')).toMatchObject({ code: 'COUNCIL.NOT_PRESENT' })
    expect(decideCastVote(meeting({ items: [item('i1', 0, { vote: { ...open, status: 'closed' } })] }), 'i1', 'm1')).toMatchObject({
      code: 'COUNCIL.VOTE_NOT_OPEN',
    })
    expect(decideCastVote(meeting({}), 'nope', 'm1')).toMatchObject({ code: 'COUNCIL.ITEM_NOT_FOUND' })
  })
  it('minutes wait for open votes to close', () => {
    expect(decideMinutes(meeting({ items: [item('i1', 0, { vote: { status: 'open' } as any })] }))).toMatchObject({
      code: 'COUNCIL.VOTE_INVALID_STATE',
    })
    expect(decideMinutes(meeting({}))).toBeNull()
    expect(decideMinutes(meeting({ status: 'closed' }))).toMatchObject({ code: 'COUNCIL.MEETING_INVALID_STATE' })
  })
})

describe('membership, consent, ages, retention', () => {
  it('ages are calendar years in Shanghai; the council range is inclusive', () => {
    expect(ageOf(2015, parseShanghai('2026-01-01 00:00'))).toBe(11)
    expect(ageOf(2015, new Date('2025-12-31T16:30:00Z'))).toBe(11) // already 2026 in Chengdu
    const council = { minAge: 6, maxAge: 17 }
    expect(checkAge(council, 2020, now)).toBeNull() // 6
    expect(checkAge(council, 2021, now)).toMatchObject({ code: 'COUNCIL.AGE_OUT_OF_RANGE' }) // 5
    expect(checkAge(council, 2009, now)).toBeNull() // 17
    expect(checkAge(council, 2008, now)).toMatchObject({ code: 'COUNCIL.AGE_OUT_OF_RANGE' }) // 18
  })
  it('consent must be to the current text', () => {
    expect(checkConsent(COUNCIL_CONSENT_VERSION)).toBeNull()
    expect(checkConsent('council-consent-2019-10')).toMatchObject({ code: 'COUNCIL.CONSENT_OUTDATED' })
  })
  it('applying again: pending/approved stay, a former member re-applies', () => {
    expect(decideApply(null)).toBe('create')
    expect(decideApply({ status: 'pending' })).toBe('existing')
    expect(decideApply({ status: 'approved' })).toBe('existing')
    expect(decideApply({ status: 'left' })).toBe('reapply')
  })
  it('the retention timer: due at purgeAfter, not a millisecond before', () => {
    const at = new Date(now.getTime() + 1000)
    expect(isDueForPurge({ status: 'left', purgeAfter: at }, now)).toBe(false)
    expect(isDueForPurge({ status: 'left', purgeAfter: at }, at)).toBe(true)
    expect(isDueForPurge({ status: 'approved', purgeAfter: null }, at)).toBe(false)
  })
})

describe('answers and stages', () => {
  const p = (fields: object) => ({
    status: 'approved' as const,
    answer: null,
    answerDueAt: answerDueAt(now, 30),
    meetingId: null,
    handoff: null,
    handoffOpen: false,
    ...fields,
  })
  it('every reviewed proposal is due an answer in 30 days; overdue the minute after, not the minute before', () => {
    const due = answerDueAt(now, 30)
    expect(due.getTime() - now.getTime()).toBe(30 * 86400_000)
    expect(isOverdue(p({}), new Date(due.getTime() - 60_000))).toBe(false)
    expect(isOverdue(p({}), new Date(due.getTime() + 60_000))).toBe(true)
    expect(isOverdue(p({ status: 'rejected' }), new Date(due.getTime() + 60_000))).toBe(true)
    expect(isOverdue(p({ answer: { kind: 'no' } }), new Date(due.getTime() + 60_000))).toBe(false)
    expect(isOverdue(p({ status: 'pending', answerDueAt: null }), new Date(due.getTime() + 60_000))).toBe(false)
  })
  it('the stage a child sees', () => {
    expect(stageOf(p({ status: 'pending' }))).toBe('pending')
    expect(stageOf(p({ status: 'rejected' }))).toBe('rejected')
    expect(stageOf(p({}))).toBe('approved')
    expect(stageOf(p({ meetingId: 'm' }))).toBe('on_agenda')
    expect(stageOf(p({ meetingId: 'm', answer: { kind: 'yes' } }))).toBe('answered')
    expect(stageOf(p({ handoff: { proposalId: 'x', doneNotifiedAt: null }, handoffOpen: true }))).toBe('handed_off')
    expect(stageOf(p({ handoff: { proposalId: 'x', doneNotifiedAt: null }, handoffOpen: true }), true)).toBe('done')
    expect(stageOf(p({ handoff: { proposalId: 'x', doneNotifiedAt: now }, handoffOpen: false }))).toBe('done')
  })
})

describe('messages respect the subscribe-message field limits', () => {
  it('thing ≤ 20 characters, phrase ≤ 5 汉字, dates Y-M-D', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.constantFrom('yes', 'later', 'no'),
        (idea, text, kind) => {
          const m = answerMessage({ _id: 'p', communityId: 'c', childId: 'k', alias: '小明', idea }, { kind: kind as any, text }, now)
          for (const key of ['thing1', 'thing3']) expect([...m.subscribe!.data[key]].length).toBeLessThanOrEqual(20)
          expect(m.subscribe!.data.phrase2).toMatch(/^[\u4e00-\u9fa5]{1,5}$/)
          expect(m.subscribe!.data.date4).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        },
      ),
    )
    const a = agendaMessage({ _id: 'm', communityId: 'c', title: '一个非常非常非常非常非常非常长的会议名称', startsAt: now, place: '院坝' })
    expect([...a.subscribe!.data.thing1].length).toBeLessThanOrEqual(20)
    expect(a.subscribe!.data.date2).toBe('2026-06-01 10:00')
    expect(thing('  ')).toBe('—')
    expect(() => phrase('accepted')).toThrow()
  })
})

describe('erasing a member from a meeting', () => {
  it('removes attendance, queue, turns, current speaker and presenter alias; keeps the rest', () => {
    const m = {
      attendance: ['a', 'b'],
      items: [
        item('i1', 0, { presenterAlias: '小明', presenterMemberId: 'a' }),
        item('i2', 1, { presenterAlias: '乐乐', presenterMemberId: 'b' }),
      ],
      speaking: {
        current: { memberId: 'a', since: now },
        queue: [
          { memberId: 'a', raisedAt: now },
          { memberId: 'b', raisedAt: now },
        ],
        turns: { a: 2, b: 1 },
      },
    } as unknown as CouncilMeetingDoc
    const changes = withoutMembers(m, ['a'])
    expect(changes.attendance).toEqual(['b'])
    expect(changes.items!.map((i) => i.presenterAlias)).toEqual([null, '乐乐'])
    expect(changes.speaking).toEqual({ current: null, queue: [{ memberId: 'b', raisedAt: now }], turns: { b: 1 } })
    expect(JSON.stringify(changes)).not.toContain('小明')
  })
})
