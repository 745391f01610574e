/**
 * A sign-up whose call died between its claim and its write (a quota refusal answered as SYSTEM.BUSY, a timeout, a
 * kill -9), tapped again: the new call finds its own claim in the event's log. The place it answers with must be
 * stored — an acknowledged place is stored, never only told — and the counters stay equal to the records.
 */
import { COLLECTIONS, signupResultSchema, type SignupDoc } from '../../types/index'
import { addEvent, countersAndRecords } from './events-fixtures'
import { A, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

/** What a claim leaves when its call dies before the write: the counters and the claim log moved, no sign-up. */
async function claimThenDie(eventId: string, participantId: string, kind: 'c' | 'w') {
  await h.db
    .collection(COLLECTIONS.events)
    .doc(eventId)
    .update({
      data: {
        [kind === 'c' ? 'confirmedCount' : 'waitlistCount']: h._.inc(1),
        seq: h._.inc(1),
        lastClaimAt: new Date(),
        claims: h._.push({ each: [{ k: kind, p: `${participantId}#0`, at: Date.now() }], slice: -128 }),
      },
    })
}

const storedOf = async (eventId: string, participantId: string): Promise<SignupDoc[]> =>
  (await docsOf(h.emu, COLLECTIONS.eventSignups)).filter((s) => s.eventId === eventId && s.participantId === participantId)

test.each([
  ['a place', 'c' as const],
  ['a waitlist place', 'w' as const],
])(
  '%s claimed by a call that died is stored when the person taps again',
  async (_label, kind) => {
    const eventId = await addEvent(h, { capacity: kind === 'c' ? 5 : 1 })
    if (kind === 'w') {
      const first = uniqueId('test-first')
      await h.addMember(A, first)
      expectOk(await h.call('events', 'signUp', { eventId }, first))
    }
    const person = uniqueId('test-retry')
    await h.addMember(A, person)
    await claimThenDie(eventId, person, kind)

    const answer = expectOk(await h.call('events', 'signUp', { eventId }, person), signupResultSchema)
    expect(answer.status).toBe(kind === 'c' ? 'confirmed' : 'waitlisted')
    expect(answer.position).toBe(kind === 'c' ? null : 1)
    const stored = await storedOf(eventId, person)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ _id: answer.signupId, status: answer.status, claimKey: `${person}#0` })
    const { counters, records } = await countersAndRecords(h, eventId)
    expect(counters).toEqual(records)

    // and a third tap answers the stored one
    const again = expectOk(await h.call('events', 'signUp', { eventId }, person), signupResultSchema)
    expect(again).toMatchObject({ signupId: answer.signupId, status: answer.status, created: false })
  },
  60_000,
)

test('a claim the timer released (its call died long ago) does not keep its owner from signing up again', async () => {
  const eventId = await addEvent(h, { capacity: 5 })
  const person = uniqueId('test-released')
  await h.addMember(A, person)
  await claimThenDie(eventId, person, 'c')
  // what the sweep does to an abandoned claim: the counter back, a 'u' entry for the key
  await h.db
    .collection(COLLECTIONS.events)
    .doc(eventId)
    .update({
      data: { confirmedCount: h._.inc(-1), claims: h._.push({ each: [{ k: 'u', p: `${person}#0`, at: Date.now() }], slice: -128 }) },
    })

  const answer = expectOk(await h.call('events', 'signUp', { eventId }, person), signupResultSchema)
  expect(answer).toMatchObject({ status: 'confirmed', created: true })
  const stored = await storedOf(eventId, person)
  expect(stored).toHaveLength(1)
  expect(stored[0].status).toBe('confirmed')
  const { counters, records } = await countersAndRecords(h, eventId)
  expect(counters).toEqual(records)
}, 60_000)

test('a claim whose call died and that left the claim log is found by the sweep: counters back to records, the place to the head', async () => {
  const eventId = await addEvent(h, { capacity: 2 })
  const [first, second] = [uniqueId('test-first'), uniqueId('test-second')]
  for (const p of [first, second]) await h.addMember(A, p)
  expectOk(await h.call('events', 'signUp', { eventId }, first))
  await claimThenDie(eventId, uniqueId('test-ghost'), 'c') // the last place, claimed by a call that died
  const waiting = expectOk(await h.call('events', 'signUp', { eventId }, second), signupResultSchema)
  expect(waiting).toMatchObject({ status: 'waitlisted', position: 1 })
  // an opening went on: the ghost's entry left the log long ago, and the event has been quiet for a minute
  await h.db
    .collection(COLLECTIONS.events)
    .doc(eventId)
    .update({ data: { claims: [], lastClaimAt: new Date(Date.now() - 60_000) } })

  await h.emu.fireTrigger('events', 'draw')
  const { counters, records } = await countersAndRecords(h, eventId)
  expect(counters).toEqual(records)
  expect(records).toMatchObject({ confirmed: 2, waitlisted: 0 })
  expect((await storedOf(eventId, second))[0]).toMatchObject({ status: 'confirmed' })
}, 60_000)
