/**
 * A cancellation is single-document conditional updates (docs/decisions/0097): the sign-up, then the counters; a place
 * handed on confirms the first one still waiting. What must hold at its edges:
 *  - a waitlist claim ahead of the head whose sign-up is still being written gets the place, not the one behind it;
 *  - a place handed on while the last ones waiting leave at the same instant is freed again, counted once.
 */
import { COLLECTIONS, cancelSignupOutput, type SignupDoc } from '../../types/index'
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

const person = async (name: string) => {
  const id = uniqueId(name)
  await h.addMember(A, id)
  return id
}
const statusOf = async (eventId: string, participantId: string): Promise<SignupDoc | undefined> =>
  (await docsOf(h.emu, COLLECTIONS.eventSignups)).find((s) => s.eventId === eventId && s.participantId === participantId)

test('a freed place goes to a waitlist claim ahead whose sign-up is still being written, not to the one behind it', async () => {
  const eventId = await addEvent(h, { capacity: 1 })
  const [first, inFlight, behind] = [await person('test-first'), await person('test-inflight'), await person('test-behind')]
  expectOk(await h.call('events', 'signUp', { eventId }, first))
  // the claim of `inFlight` (seq 2, the waitlist) is made; its call has not written the sign-up yet
  await h.db
    .collection(COLLECTIONS.events)
    .doc(eventId)
    .update({
      data: {
        waitlistCount: h._.inc(1),
        seq: h._.inc(1),
        lastClaimAt: new Date(),
        claims: h._.push({ each: [{ k: 'w', p: `${inFlight}#0`, at: Date.now() }], slice: -128 }),
      },
    })
  expectOk(await h.call('events', 'signUp', { eventId }, behind)) // seq 3, the waitlist behind the claim in flight

  // the place is given back while the claim's sign-up is not written yet: once the cancellation has stored its own
  // part (the sign-up cancelled), the claim's owner taps again, which finds its own claim and writes it
  let answered = false
  const cancelling = h.call('events', 'cancel', { eventId }, first).finally(() => (answered = true))
  while (!answered && (await statusOf(eventId, first))?.status !== 'cancelled') await new Promise((resolve) => setImmediate(resolve))
  const written = await h.call('events', 'signUp', { eventId }, inFlight)
  const cancelled = await cancelling
  expect(expectOk(cancelled, cancelSignupOutput).promoted).toBe(true)
  expectOk(written)
  expect(await statusOf(eventId, inFlight)).toMatchObject({ status: 'confirmed', seq: 2 })
  expect(await statusOf(eventId, behind)).toMatchObject({ status: 'waitlisted', seq: 3 })
  const { counters, records } = await countersAndRecords(h, eventId)
  expect(counters).toEqual(records)
  expect(records).toMatchObject({ confirmed: 1, waitlisted: 1 })
}, 60_000)

test('the one holding the place and the last one waiting leave at the same instant: counters equal the records', async () => {
  for (let round = 0; round < 4; round++) {
    const eventId = await addEvent(h, { capacity: 1 })
    const [holder, waiting] = [await person('test-holder'), await person('test-waiting')]
    expectOk(await h.call('events', 'signUp', { eventId }, holder))
    expectOk(await h.call('events', 'signUp', { eventId }, waiting))
    const answers = await Promise.all([h.call('events', 'cancel', { eventId }, holder), h.call('events', 'cancel', { eventId }, waiting)])
    for (const a of answers) expect(expectOk(a, cancelSignupOutput).signup.status).toBe('cancelled')
    const { counters, records } = await countersAndRecords(h, eventId)
    expect(counters).toEqual(records)
    expect(records).toMatchObject({ confirmed: 0, waitlisted: 0 })
    // the place is free again for anyone
    const next = await person('test-next')
    expect(expectOk(await h.call('events', 'signUp', { eventId }, next))).toMatchObject({ status: 'confirmed' })
  }
}, 60_000)

test('a waitlist counter left too high by a call that died does not keep a place from being given back', async () => {
  const eventId = await addEvent(h, { capacity: 1 })
  const holder = await person('test-holder')
  expectOk(await h.call('events', 'signUp', { eventId }, holder))
  // a waitlist cancellation whose call died between its two steps: the sign-up gone, the counter not moved
  await h.db
    .collection(COLLECTIONS.events)
    .doc(eventId)
    .update({ data: { waitlistCount: h._.inc(1) } })
  const answer = expectOk(await h.call('events', 'cancel', { eventId }, holder), cancelSignupOutput)
  expect(answer).toMatchObject({ signup: { status: 'cancelled' }, promoted: false })
  const { counters, records } = await countersAndRecords(h, eventId)
  expect(records).toMatchObject({ confirmed: 0, waitlisted: 0 })
  // the place is freed; the waitlist counter is the timer's reconciliation's to put right
  expect(counters).toMatchObject({ confirmed: 0, waitlisted: 1 })
}, 60_000)
