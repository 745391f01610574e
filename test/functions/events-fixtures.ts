/** Fixtures for the events tests: events and sign-ups written straight to the database, counters kept equal to records. */
import { COLLECTIONS, initialEventState, type EventDoc, type SignupDoc } from '../../types/index'
import { A, type Harness } from './harness'
import { docsOf } from './results'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
let n = 0
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(n++).toString(36)}`

/** A published first-come event of community A, open for sign-up now, starting in two days. Times relative to now. */
export function eventFields(fields: Partial<EventDoc> = {}, now = Date.now()): Omit<EventDoc, '_id'> {
  return {
    communityId: A,
    title: '测试活动',
    description: '测试活动介绍',
    category: '活动',
    place: '院坝',
    startAt: new Date(now + 2 * DAY),
    endAt: new Date(now + 2 * DAY + 2 * HOUR),
    capacity: 10,
    signupOpensAt: new Date(now - HOUR),
    signupClosesAt: new Date(now + DAY),
    cancelBefore: null,
    ageMin: null,
    ageMax: null,
    allocation: 'first_come',
    openTo: 'residents',
    seriesId: null,
    quotas: [],
    status: 'published',
    moderation: 'pass',
    venueCode: unique('V')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 12)
      .padEnd(6, 'x'),
    ...initialEventState(),
    publishedAt: new Date(now - DAY),
    cancelledAt: null,
    createdBy: 'demo-staff',
    updatedBy: 'demo-staff',
    createdAt: new Date(now - DAY),
    updatedAt: new Date(now - DAY),
    ...fields,
  }
}

export async function addEvent(h: Harness, fields: Partial<EventDoc> = {}): Promise<string> {
  const id = fields._id ?? unique('test-event-')
  const { _id, ...rest } = eventFields(fields) as EventDoc
  await h.db.collection(COLLECTIONS.events).doc(id).set({ data: rest })
  return id
}

/** A sign-up in a given state; the event's counters follow. */
export async function addSignup(
  h: Harness,
  eventId: string,
  fields: Partial<SignupDoc> & Pick<SignupDoc, 'participantId'>,
): Promise<SignupDoc> {
  const ev = (await h.db.collection(COLLECTIONS.events).doc(eventId).get()).data as EventDoc
  const now = new Date()
  const seq = ev.seq + 1
  const doc: SignupDoc = {
    _id: `${eventId}_${fields.participantId}`,
    eventId,
    communityId: ev.communityId,
    kind: 'self',
    ownerOpenid: fields.participantId,
    displayName: '测试居民',
    birthYear: null,
    status: 'confirmed',
    pendingAt: now,
    seq,
    joinPosition: null,
    rejectCode: null,
    source: 'self',
    proxyBy: null,
    ticketCode: unique('T')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(-10)
      .padStart(10, 'Q'),
    checkedInAt: null,
    checkInBy: null,
    noShow: false,
    rated: false,
    confirmedAt: now,
    promotedAt: null,
    cancelledAt: null,
    cancelledBy: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  }
  const { _id, ...data } = doc
  await h.db.collection(COLLECTIONS.eventSignups).doc(_id).set({ data })
  const _ = h._
  const inc: Record<string, unknown> = { seq: _.inc(1) }
  if (doc.status === 'confirmed') inc.confirmedCount = _.inc(1)
  if (doc.status === 'waitlisted') inc.waitlistCount = _.inc(1)
  if (doc.status === 'registered') inc.registeredCount = _.inc(1)
  if (doc.checkedInAt) inc.checkedInCount = _.inc(1)
  await h.db.collection(COLLECTIONS.events).doc(eventId).update({ data: inc })
  return doc
}

/** An event in its check-in window (started 10 minutes ago, ends in two hours). */
export const inCheckInWindow = (now = Date.now()): Partial<EventDoc> => ({
  signupOpensAt: new Date(now - 3 * DAY),
  signupClosesAt: new Date(now - DAY),
  startAt: new Date(now - 10 * MIN),
  endAt: new Date(now + 2 * HOUR),
})

/** An event that ended an hour ago (ratings open). */
export const endedAnHourAgo = (now = Date.now()): Partial<EventDoc> => ({
  signupOpensAt: new Date(now - 5 * DAY),
  signupClosesAt: new Date(now - 2 * DAY),
  startAt: new Date(now - 3 * HOUR),
  endAt: new Date(now - HOUR),
})

/** A lottery whose sign-up closed a minute ago, with a committed seed. */
export const closedLottery = (now = Date.now()): Partial<EventDoc> => ({
  allocation: 'lottery',
  lotterySeed: 'f'.repeat(32),
  seedCommitment: require('node:crypto').createHash('sha256').update('f'.repeat(32)).digest('hex'),
  signupOpensAt: new Date(now - 2 * DAY),
  signupClosesAt: new Date(now - MIN),
  startAt: new Date(now + DAY),
  endAt: new Date(now + DAY + 2 * HOUR),
})

/** Counters of an event against its records. */
export async function countersAndRecords(h: Harness, eventId: string) {
  const ev = (await h.db.collection(COLLECTIONS.events).doc(eventId).get()).data as EventDoc
  const signups = (await docsOf(h.emu, COLLECTIONS.eventSignups)).filter((s) => s.eventId === eventId)
  const count = (status: string) => signups.filter((s) => s.status === status).length
  return {
    counters: { confirmed: ev.confirmedCount, waitlisted: ev.waitlistCount, registered: ev.registeredCount, checkedIn: ev.checkedInCount },
    records: {
      confirmed: count('confirmed'),
      waitlisted: count('waitlisted'),
      registered: count('registered'),
      checkedIn: signups.filter((s) => s.checkedInAt).length,
    },
    event: ev,
    signups,
  }
}

export const monthOf = (at = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: 'Asia/Shanghai' }).format(at).slice(0, 7)
