/**
 * Never oversold, through the real wx-server-sdk on the emulator:
 *  - 1,000 concurrent sign-ups by 1,000 distinct residents (plus 100 double taps) for a 50-place event →
 *    exactly 50 confirmed, 950 waitlisted with positions 1…950, no duplicates, counters equal to the records;
 *  - cancellations racing sign-ups: every freed place goes to the head of the waitlist (FIFO), none lost or doubled.
 */
import { COLLECTIONS, cancelSignupOutput, signupResultSchema, type SignupDoc } from '../../types/index'
import { addEvent, countersAndRecords } from './events-fixtures'
import { A, expectOk, startHarness, type Harness } from './harness'
import { docsOf, sentMessages } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

/** `n` residents of community A, written straight to the store (the fixture is not what is measured). */
function residents(prefix: string, n: number): string[] {
  const now = new Date()
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`)
  h.emu.store.insert(
    COLLECTIONS.people,
    ids.map((id) => ({
      _id: id,
      nickname: `居民${id.slice(-4)}`,
      avatarFileId: null,
      isDistrictAdmin: false,
      isChild: false,
      createdAt: now,
      updatedAt: now,
    })),
  )
  h.emu.store.insert(
    COLLECTIONS.memberships,
    ids.map((id) => ({ _id: `${A}_${id}`, communityId: A, openid: id, role: 'resident', joinedAt: now, createdAt: now, updatedAt: now })),
  )
  return ids
}

const signUp = (eventId: string, openid: string) => h.call('events', 'signUp', { eventId }, openid)

test('1,000 distinct residents at once for 50 places: 50 confirmed, 950 waitlisted at positions 1…950', async () => {
  const people = residents('burst', 1000)
  const eventId = await addEvent(h, { title: '暑期课堂·小小科学家', category: '暑期课堂', capacity: 50 })
  const doubleTaps = people.slice(0, 100)
  const started = Date.now()
  const answers = await Promise.all([...people.map((p) => signUp(eventId, p)), ...doubleTaps.map((p) => signUp(eventId, p))])
  const seconds = (Date.now() - started) / 1000
  console.log(`1,100 sign-up calls (1,000 people) in ${seconds.toFixed(1)} s`)

  const results = answers.map((a) => expectOk(a, signupResultSchema))
  // every person has exactly one sign-up, and both taps of a double tap answer the same one
  const byPerson = new Map<string, typeof results>()
  for (const r of results) byPerson.set(r.participantId, [...(byPerson.get(r.participantId) ?? []), r])
  expect(byPerson.size).toBe(1000)
  for (const p of doubleTaps) {
    const [a, b] = byPerson.get(p)!
    expect(a.signupId).toBe(b.signupId)
    expect(a.status).toBe(b.status)
    expect([a.created, b.created].sort()).toEqual([false, true])
  }
  const first = results.slice(0, 1000)
  expect(first.filter((r) => r.status === 'confirmed')).toHaveLength(50)
  const positions = first
    .filter((r) => r.status === 'waitlisted')
    .map((r) => r.position!)
    .sort((x, y) => x - y)
  expect(positions).toEqual(Array.from({ length: 950 }, (_, i) => i + 1))

  const { counters, records, signups, event } = await countersAndRecords(h, eventId)
  expect(signups).toHaveLength(1000)
  expect(new Set(signups.map((s) => s._id)).size).toBe(1000)
  expect(counters).toEqual(records)
  expect(records).toMatchObject({ confirmed: 50, waitlisted: 950, registered: 0 })
  expect(event.seq).toBe(1000)
  // FIFO: the places went to the first 50 sequence numbers; the waitlist positions follow the sequence
  const bySeq = [...signups].sort((x, y) => x.seq - y.seq)
  expect(new Set(bySeq.map((s) => s.seq)).size).toBe(1000)
  expect(bySeq.slice(0, 50).every((s) => s.status === 'confirmed')).toBe(true)
  expect(bySeq.slice(50).map((s) => s.joinPosition)).toEqual(positions)

  // the staff list agrees: exact positions, page by page
  const listed: number[] = []
  let after: number | null = 0
  while (after !== null) {
    const page: any = expectOk(await h.as('staffA')('events', 'listSignups', { eventId, status: 'waitlisted', after, limit: 100 }))
    listed.push(...page.signups.map((s: any) => s.position))
    after = page.nextAfter
  }
  expect(listed).toEqual(positions)

  // staff were told at 80 % and at 100 %, once each
  const alerts = (await docsOf(h.emu, COLLECTIONS.inbox)).filter((m) => m.kind === 'event.alert' && m.page.includes(eventId))
  const titles = alerts.filter((m) => m.openid === 'demo-staff').map((m) => m.title)
  expect(titles).toHaveLength(2)
  expect(titles).toEqual(expect.arrayContaining([expect.stringContaining('已满员'), expect.stringContaining('名额已过八成')]))
}, 300_000)

test('cancellations racing sign-ups: FIFO promotion, no place lost or doubled', async () => {
  const people = residents('race', 400)
  const eventId = await addEvent(h, { title: '院坝露天电影', capacity: 50 })
  // 150 sign up in order: 50 places, waitlist 1…100
  for (let i = 0; i < 150; i += 25) await Promise.all(people.slice(i, i + 25).map((p) => signUp(eventId, p)))
  const before = (await countersAndRecords(h, eventId)).signups
  const confirmedBefore = before.filter((s) => s.status === 'confirmed').map((s) => s.participantId)
  const waitingBefore = before
    .filter((s) => s.status === 'waitlisted')
    .sort((x, y) => x.seq - y.seq)
    .map((s) => s.participantId)
  expect(confirmedBefore).toHaveLength(50)
  expect(waitingBefore).toHaveLength(100)

  // at once: 30 confirmed give their places back, 10 on the waitlist leave, 250 newcomers sign up, and 5 of the
  // cancellers tap twice
  const placeCancellers = confirmedBefore.slice(0, 30)
  const waitCancellers = waitingBefore.filter((_, i) => i % 7 === 3).slice(0, 10)
  const newcomers = people.slice(150, 400)
  // EVENT.BUSY ("the waitlist kept moving; try again") writes nothing and asks the person to tap again — the page
  // says 请重试. Under this deliberate storm a tap may meet it; the person's next tap is part of the scenario.
  const cancel = async (p: string) => {
    for (let tap = 0; ; tap++) {
      const answer = await h.call('events', 'cancel', { eventId }, p)
      if (answer.ok || answer.error.code !== 'EVENT.BUSY' || tap === 4) return answer
    }
  }
  const answers = await Promise.all([
    ...placeCancellers.map(cancel),
    ...placeCancellers.slice(0, 5).map(cancel),
    ...waitCancellers.map(cancel),
    ...newcomers.map((p) => signUp(eventId, p)),
  ])
  for (const a of answers) expectOk(a)
  // each of the 30 freed places promoted someone exactly once (a double tap's second answer changes nothing)
  const cancelAnswers = answers.slice(0, 35).map((a) => expectOk(a, cancelSignupOutput))
  expect(cancelAnswers.every((c) => c.signup.status === 'cancelled')).toBe(true)
  expect(cancelAnswers.filter((c) => c.promoted)).toHaveLength(30)

  const { counters, records, signups } = await countersAndRecords(h, eventId)
  expect(counters).toEqual(records)
  expect(records.confirmed).toBe(50) // no place lost (enough people wait), none doubled
  const status = new Map(signups.map((s) => [s.participantId, s]))
  for (const p of placeCancellers) expect(status.get(p)!.status).toBe('cancelled')
  for (const p of waitCancellers) expect(status.get(p)!.status).toBe('cancelled')
  // FIFO: the freed places went to the head of the waitlist, in order, skipping only those who had left it.
  // (Someone leaving the waitlist at the same moment may have been promoted first — then their cancel freed the
  // place again and it went on to the next.)
  const promoted = signups
    .filter((s) => s.promotedAt)
    .sort((x, y) => x.seq - y.seq)
    .map((s) => s.participantId)
  const leftWhileWaiting = new Set(waitCancellers.filter((p) => !status.get(p)!.promotedAt))
  const promotedThenLeft = promoted.filter((p) => waitCancellers.includes(p))
  expect(promoted).toEqual(waitingBefore.filter((p) => !leftWhileWaiting.has(p)).slice(0, promoted.length))
  expect(promoted).toHaveLength(30 + promotedThenLeft.length)
  // nobody still waiting was ahead of anyone promoted
  const maxPromotedSeq = Math.max(...signups.filter((s) => s.promotedAt).map((s) => s.seq))
  const waiting = signups.filter((s) => s.status === 'waitlisted')
  expect(waiting.every((s) => s.seq > maxPromotedSeq)).toBe(true)
  // newcomers all joined the waitlist behind them (no place was free for them to take)
  expect(newcomers.every((p) => status.get(p)!.status === 'waitlisted')).toBe(true)
  expect(waiting).toHaveLength(100 - 10 - 30 + 250)
  // and the positions people see are exact: 1…n in sequence order
  const seen = await Promise.all(
    waiting
      .sort((x, y) => x.seq - y.seq)
      .slice(0, 20)
      .map(async (s) => (expectOk(await h.call('events', 'get', { eventId }, s.participantId)) as any).mine[0].position),
  )
  expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))

  // every promoted person was told, in the inbox and by subscribe message
  const inbox = (await docsOf(h.emu, COLLECTIONS.inbox)).filter((m) => m.kind === 'event.promoted' && m.page.includes(eventId))
  expect(inbox.map((m) => m.openid).sort()).toEqual([...promoted].sort())
  const outbox = (await sentMessages(h.emu)).filter((m) => m.page?.includes(eventId) && m.data.phrase2?.value === '候补转正')
  expect(outbox.map((m) => m.touser).sort()).toEqual([...promoted].sort())
  expect(signups.filter((s: SignupDoc) => s.status === 'pending')).toHaveLength(0)
}, 300_000)
