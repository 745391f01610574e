/** The events' rows of the CASES table (test/functions/cases.ts): a valid input per action and who may run it. */
import { COLLECTIONS } from '../../types/index'
import type { ActionCase, Expected } from './cases'
import { addEvent, addSignup, closedLottery, endedAnHourAgo, inCheckInWindow, monthOf } from './events-fixtures'
import { A } from './harness'

const F: Expected = 'AUTH.FORBIDDEN'
const NF: Expected = 'SIGNUP.NOT_FOUND'
const everyone = { residentA: 'ok', residentB: 'ok', staffA: 'ok', staffB: 'ok', admin: 'ok' } as const
const managersOfA = { residentA: F, residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
const readersOfA = { residentA: 'ok', residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
const membersOfA = { residentA: 'ok', residentB: F, staffA: 'ok', staffB: F, admin: F } as const
/** demo-resident's own place: the owner, or the event's managers */
const ownerOrManagers = { residentA: 'ok', residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
/** demo-resident's own place, used by the owner only; managers of A see the event but hold no place */
const ownerOnly = { residentA: 'ok', residentB: F, staffA: NF, staffB: F, admin: NF } as const

const DAY = 24 * 60 * 60 * 1000
const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
let n = 0

export const EVENT_CASES: Record<string, ActionCase> = {
  create: {
    input: async () => ({
      communityId: A,
      title: '暑期课堂·折纸',
      description: '和孩子们一起折纸。',
      category: '暑期课堂',
      place: '党群服务中心',
      startAt: iso(3 * DAY),
      endAt: iso(3 * DAY + 7_200_000),
      capacity: 20,
      signupOpensAt: iso(-60_000),
      signupClosesAt: iso(2 * DAY),
      allocation: 'first_come',
      openTo: 'residents',
      ageMin: 5,
      ageMax: 12,
      cancelBefore: iso(2 * DAY),
    }),
    expect: managersOfA,
  },
  update: {
    input: async (h) => ({ eventId: await addEvent(h, { status: 'draft' }), title: '暑期课堂·剪纸', capacity: 30 }),
    expect: managersOfA,
  },
  publish: { input: async (h) => ({ eventId: await addEvent(h, { status: 'draft', publishedAt: null }) }), expect: managersOfA },
  cancelEvent: { input: async (h) => ({ eventId: await addEvent(h), reason: '天气原因' }), expect: managersOfA },
  list: { input: async () => ({ communityId: A }), expect: everyone },
  listForStaff: { input: async () => ({ communityId: A }), expect: managersOfA },
  preview: { input: async (h) => ({ eventId: await addEvent(h) }), expect: everyone },
  get: { input: async (h) => ({ eventId: await addEvent(h) }), expect: readersOfA },
  signUp: { input: async (h) => ({ eventId: await addEvent(h) }), expect: membersOfA },
  cancel: {
    input: async (h) => {
      const eventId = await addEvent(h)
      await addSignup(h, eventId, { participantId: 'demo-resident' })
      return { eventId, participantId: 'demo-resident' }
    },
    expect: ownerOrManagers,
  },
  mySignups: { input: async () => ({}), expect: everyone },
  listSignups: { input: async (h) => ({ eventId: await addEvent(h) }), expect: managersOfA },
  checkIn: {
    input: async (h) => {
      const eventId = await addEvent(h, inCheckInWindow())
      const s = await addSignup(h, eventId, { participantId: 'demo-resident' })
      return { eventId, ticketCode: s.ticketCode }
    },
    expect: managersOfA,
  },
  checkInAtVenue: {
    input: async (h) => {
      const eventId = await addEvent(h, inCheckInWindow())
      await addSignup(h, eventId, { participantId: 'demo-resident' })
      const ev = (await h.db.collection(COLLECTIONS.events).doc(eventId).get()).data
      return { code: ev.venueCode }
    },
    expect: ownerOnly,
  },
  rate: {
    input: async (h) => {
      const eventId = await addEvent(h, endedAnHourAgo())
      await addSignup(h, eventId, { participantId: 'demo-resident', checkedInAt: new Date(Date.now() - 2 * 3_600_000), checkInBy: 'venue' })
      return { eventId, score: 4, tags: ['有收获'], comment: '老师讲得很耐心。' }
    },
    expect: ownerOnly,
  },
  export: { input: async (h) => ({ eventId: await addEvent(h) }), expect: managersOfA },
  draw: {
    input: async (h) => {
      const eventId = await addEvent(h, closedLottery())
      for (const p of ['demo-resident', 'demo-guardian', 'test-draw-1'])
        await addSignup(h, eventId, { participantId: p, status: 'registered', confirmedAt: null })
      return { eventId }
    },
    expect: managersOfA,
  },
  lotteryLog: { input: async (h) => ({ eventId: await addEvent(h, closedLottery()) }), expect: readersOfA },
  proxySignUp: { input: async (h) => ({ eventId: await addEvent(h), name: '刘大爷', birthYear: 1952 }), expect: managersOfA },
  closeAdjustment: {
    input: async (h) => {
      const eventId = await addEvent(h, endedAnHourAgo())
      const now = new Date()
      await h.db
        .collection(COLLECTIONS.eventTasks)
        .doc(`${eventId}_adjustment`)
        .set({
          data: {
            eventId,
            eventTitle: '测试活动',
            communityId: A,
            seriesId: null,
            status: 'open',
            average: 2.4,
            count: 5,
            note: null,
            openedAt: now,
            closedAt: null,
            closedBy: null,
            createdAt: now,
            updatedAt: now,
          },
        })
      return { eventId, note: '我们改进了：换到更大的活动室，并提前发通知。' }
    },
    expect: managersOfA,
  },
  tasks: { input: async () => ({ communityId: A }), expect: managersOfA },
  monthOverview: { input: async () => ({ communityId: A, month: monthOf() }), expect: managersOfA },
  createSeries: {
    input: async () => ({ communityId: A, title: `院落大学·测试班${(n++).toString(36)}${Date.now().toString(36)}` }),
    expect: managersOfA,
  },
  ticket: {
    input: async (h) => {
      const eventId = await addEvent(h)
      await addSignup(h, eventId, { participantId: 'demo-resident' })
      return { eventId, participantId: 'demo-resident' }
    },
    expect: ownerOrManagers,
  },
  venuePoster: { input: async (h) => ({ eventId: await addEvent(h), regenerate: true }), expect: managersOfA },
}
