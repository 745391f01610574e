/**
 * The fair lottery through the real SDK: the seed is committed at publication and revealed by the draw; anyone can
 * recompute the allocation from the public log; quotas hold; a published draw cannot be rerun; the timer draws what
 * is due; winners and the waitlist are told; a freed place goes to the next in drawn order.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { COLLECTIONS, cancelSignupOutput, eventViewSchema, lotteryLogSchema, signupResultSchema, type SignupDoc } from '../../types/index'
import { allocate } from '../../cloudfunctions/events/domain/lottery'
import { addEvent, countersAndRecords } from './events-fixtures'
import { A, expectError, expectOk, startHarness, type Harness } from './harness'
import { asEnvelope, docsOf, sentMessages } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
const thisYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()))
const staff = (action: string, input: unknown) => h.call('events', action, input, 'demo-staff')

/** Guardians (members of A) with one child each, of the given ages. */
async function families(prefix: string, ages: number[]): Promise<Array<{ guardian: string; childId: string; age: number }>> {
  const out = []
  for (const [i, age] of ages.entries()) {
    const guardian = `${prefix}-${String(i).padStart(3, '0')}`
    await h.addMember(A, guardian)
    const child = expectOk(
      await h.call('communities', 'addChild', { communityId: A, alias: `娃${i}`, birthYear: thisYear() - age }, guardian),
    ) as any
    out.push({ guardian, childId: child.childId as string, age })
  }
  return out
}

/** Close the sign-up window a moment ago (time passing), keeping the schedule consistent. */
async function closeSignUp(eventId: string) {
  await h.db
    .collection(COLLECTIONS.events)
    .doc(eventId)
    .update({ data: { signupClosesAt: new Date(Date.now() - 1000) } })
}

test('publish → registrations → draw: seed revealed and matching its commitment, recomputable, quotas held, final', async () => {
  const created = expectOk(
    await staff('create', {
      communityId: A,
      title: '亲子绘本共读（抽签）',
      description: '报名截止后公开抽签。',
      category: '课程',
      place: '社区图书角',
      startAt: iso(3 * DAY),
      endAt: iso(3 * DAY + 90 * MIN),
      capacity: 8,
      signupOpensAt: iso(-HOUR),
      signupClosesAt: iso(2 * DAY),
      allocation: 'lottery',
      openTo: 'residents',
      ageMin: 3,
      ageMax: 8,
      quotas: [{ ageMin: 3, ageMax: 5, places: 3 }],
    }),
    eventViewSchema,
  )
  expect(created.lottery).toBeNull() // no seed before publication
  const published = expectOk(await staff('publish', { eventId: created.eventId }), eventViewSchema)
  const eventId = published.eventId
  expect(published.lottery).toMatchObject({ seed: null, drawnAt: null, seedCommitment: expect.stringMatching(/^[0-9a-f]{64}$/) })
  const commitment = published.lottery!.seedCommitment

  // 20 children: 4 of them 3–5 years old (the quota band), 16 aged 6–8
  const people = await families('lot', [3, 4, 5, 6, 6, 7, 8, 6, 7, 8, 6, 7, 5, 8, 6, 7, 8, 6, 7, 8])
  const answers = await Promise.all(people.map((p) => h.call('events', 'signUp', { eventId, participantId: p.childId }, p.guardian)))
  for (const a of answers) expect(expectOk(a, signupResultSchema)).toMatchObject({ status: 'registered', position: null })
  expectError(await staff('draw', { eventId }), 'EVENT.DRAW_NOT_DUE')
  const before = expectOk(await h.call('events', 'get', { eventId }, people[0].guardian), eventViewSchema)
  expect(before.lottery).toMatchObject({ registrations: 20, seed: null })
  expect(before.mine[0]).toMatchObject({ status: 'registered' })

  await closeSignUp(eventId)
  expectError(await h.call('events', 'signUp', { eventId }, 'demo-resident'), 'EVENT.SIGNUP_CLOSED')
  const log = expectOk(await staff('draw', { eventId }), lotteryLogSchema)
  expect(log.seed).not.toBeNull()
  expect(createHash('sha256').update(log.seed!).digest('hex')).toBe(commitment)
  expect(log).toMatchObject({ capacity: 8, confirmed: 8, waitlisted: 12 })
  expect(log.entries).toHaveLength(20)
  expect([...log.entries.map((e) => e.key)]).toEqual([...log.entries.map((e) => e.key)].sort())
  expect(JSON.stringify(log)).not.toMatch(/lot-\d|娃|child_|demo-/) // no personal data in the public log

  // anyone can recompute it from the log alone
  const again = allocate({ seed: log.seed!, capacity: log.capacity, quotas: log.quotas, entries: log.entries })
  expect(again.order).toEqual(log.order)
  expect(again.confirmed).toEqual(log.winners)
  expect(again.waitlisted).toEqual(log.waitlist)
  expect(log.winners).toHaveLength(8)
  // the quota band (3–5) got its 3 reserved places
  expect(log.quotas).toEqual([{ ageMin: 3, ageMax: 5, places: 3, filled: expect.any(Number) }])
  expect(log.quotas[0].filled).toBeGreaterThanOrEqual(3)

  // the stored sign-ups follow the drawn order: places, then the waitlist in drawn order
  const keyOf = (s: SignupDoc) => createHash('sha256').update(s._id).digest('hex').slice(0, 16)
  const { counters, records, signups } = await countersAndRecords(h, eventId)
  expect(counters).toEqual(records)
  expect(records).toMatchObject({ confirmed: 8, waitlisted: 12, registered: 0 })
  const byKey = new Map(signups.map((s) => [keyOf(s), s]))
  expect(log.winners.map((k) => byKey.get(k)!.status)).toEqual(Array(8).fill('confirmed'))
  const waitlistBySeq = signups
    .filter((s) => s.status === 'waitlisted')
    .sort((x, y) => x.seq - y.seq)
    .map(keyOf)
  expect(waitlistBySeq).toEqual(log.waitlist)
  expect(log.waitlist).toEqual(log.order.filter((k) => !log.winners.includes(k))) // in drawn order
  const inBand = signups.filter(
    (s) => s.status === 'confirmed' && s.birthYear !== null && thisYear() - s.birthYear >= 3 && thisYear() - s.birthYear <= 5,
  )
  expect(inBand.length).toBeGreaterThanOrEqual(3)

  // the event shows the public summary; each family finds itself
  const after = expectOk(await h.call('events', 'get', { eventId }, people[0].guardian), eventViewSchema)
  expect(after.lottery).toMatchObject({ seed: log.seed, registrations: 20, confirmed: 8, waitlisted: 12 })
  const mineLog = expectOk(await h.call('events', 'lotteryLog', { eventId }, people[0].guardian), lotteryLogSchema)
  expect(mineLog.mine).toHaveLength(1)
  expect(mineLog.order).toEqual(log.order)
  const mineKey = mineLog.mine[0]
  expect(after.mine[0]).toMatchObject(
    log.winners.includes(mineKey) ? { status: 'confirmed' } : { status: 'waitlisted', position: log.waitlist.indexOf(mineKey) + 1 },
  )

  // final: no second draw, by staff or by the timer
  expectError(await staff('draw', { eventId }), 'EVENT.ALREADY_DRAWN')
  await h.emu.fireTrigger('events', 'draw')
  expect(expectOk(await staff('lotteryLog', { eventId }), lotteryLogSchema).order).toEqual(log.order)

  // everyone was told once: 已录取 or 候补中 (queued by the draw, delivered by the fan-out timer)
  await h.emu.fireTrigger('events', 'fanout')
  const told = (await docsOf(h.emu, COLLECTIONS.inbox)).filter((m) => m.kind === 'event.drawn' && m.page.includes(eventId))
  expect(told).toHaveLength(20)
  const phrases = (await sentMessages(h.emu)).filter((m) => m.page!.includes(eventId)).map((m) => m.data.phrase2.value)
  expect(phrases.filter((p: string) => p === '已录取')).toHaveLength(8)
  expect(phrases.filter((p: string) => p === '候补中')).toHaveLength(12)

  // a winner gives the place back: the first of the drawn waitlist gets it
  const winner = byKey.get(log.winners[0])!
  const cancelled = expectOk(
    await h.call('events', 'cancel', { eventId, participantId: winner.participantId }, winner.ownerOpenid!),
    cancelSignupOutput,
  )
  expect(cancelled.promoted).toBe(true)
  const next = byKey.get(log.waitlist[0])!
  expect((await countersAndRecords(h, eventId)).signups.find((s) => s._id === next._id)).toMatchObject({
    status: 'confirmed',
    promotedAt: expect.any(Date),
  })
}, 120_000)

test('the timer draws a lottery that is due; recomputing its log (in any entry order) gives the same draw', async () => {
  const seed = 'a'.repeat(32)
  const commitment = createHash('sha256').update(seed).digest('hex')
  const people = await families('tmr', [6, 7, 8, 6, 7, 8, 6, 7])
  const drawWith = async () => {
    const eventId = await addEvent(h, {
      allocation: 'lottery',
      capacity: 3,
      lotterySeed: seed,
      seedCommitment: commitment,
      ageMin: 3,
      ageMax: 8,
    })
    for (const p of people) expectOk(await h.call('events', 'signUp', { eventId, participantId: p.childId }, p.guardian))
    await closeSignUp(eventId)
    const fired = asEnvelope(await h.emu.fireTrigger('events', 'draw'))
    expect(fired).toMatchObject({ ok: true })
    expect(expectOk(fired, z.object({ drawn: z.number() })).drawn).toBeGreaterThanOrEqual(1)
    const log = expectOk(await h.call('events', 'lotteryLog', { eventId }, 'demo-staff'), lotteryLogSchema)
    // each family can find its key: sha256 of its sign-up id
    const keys = people.map((p) => createHash('sha256').update(`${eventId}_${p.childId}`).digest('hex').slice(0, 16))
    expect([...keys].sort()).toEqual(log.entries.map((e) => e.key))
    return { log }
  }
  const first = await drawWith()
  expect(first.log.seed).toBe(seed)
  expect(first.log).toMatchObject({ confirmed: 3, waitlisted: 5 })
  // recomputing twice from the same log is the same
  const a = allocate({ seed, capacity: 3, quotas: [], entries: first.log.entries })
  const b = allocate({ seed, capacity: 3, quotas: [], entries: [...first.log.entries].reverse() })
  expect(a).toEqual(b)
  expect(a.order).toEqual(first.log.order)
}, 120_000)
