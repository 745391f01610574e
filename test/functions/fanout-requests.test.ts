/**
 * Fan-out off the request path, through the real wx-server-sdk on the emulator: a lottery draw and the council's
 * notices (agenda to every member's family, an adult's answer to a child) write queue items in the request, not inbox
 * entries or subscribe messages; the events function's `fanout` timer delivers them — each recipient exactly one
 * inbox entry and at most one subscribe message, also when a drain dies mid-batch and runs again. A child's queued
 * message goes with the child's data when the guardian deletes it.
 */
import { COLLECTIONS, insightsContract, type FanoutJobDoc, type InboxDoc } from '../../types/index'
import type { Context } from '../../cloudfunctions/_kernel/context'
import { drain, enqueue } from '../../cloudfunctions/_kernel/outbox'
import { addChildProposal, addCouncilMember, addMeeting } from './council-fixtures'
import { addEvent, addSignup, closedLottery } from './events-fixtures'
import { A, B, expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { outboxContext } from './outbox-context'
import { docsOf, sentMessages } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const inbox = async (kind: string, pageHas: string): Promise<InboxDoc[]> =>
  (await docsOf(h.emu, COLLECTIONS.inbox)).filter((m) => m.kind === kind && m.page.includes(pageHas))
const jobsOf = async (eventKey: string): Promise<FanoutJobDoc[]> =>
  (await docsOf(h.emu, COLLECTIONS.fanout)).filter((j) => j.eventKey === eventKey)
/** subscribe messages the emulator received, per recipient, for pages containing `pageHas` */
const subscribed = async (pageHas: string): Promise<Map<string, number>> => {
  const out = new Map<string, number>()
  for (const m of await sentMessages(h.emu)) if (String(m.page).includes(pageHas)) out.set(m.touser, (out.get(m.touser) ?? 0) + 1)
  return out
}
const countBy = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())

const dyingContext = (sent: Map<string, number>, dieAfter: number) => outboxContext(h, { sent, dieAfter, where: 'test.fanout' })

/** Let a killed drain's lease lapse (time passing), so the next run takes the job over. */
async function expireLeases(eventKey: string) {
  for (const job of await jobsOf(eventKey)) {
    await h.db
      .collection(COLLECTIONS.fanout)
      .doc(job._id)
      .update({ data: { leaseUntil: 0 } })
  }
}

describe('a lottery draw', () => {
  let eventId: string
  let owners: string[]
  beforeAll(async () => {
    eventId = await addEvent(h, { ...closedLottery(), capacity: 5, title: '排队抽签测试' })
    owners = Array.from({ length: 23 }, (_, i) => `draw-owner-${String(i).padStart(2, '0')}`)
    for (const owner of owners) await addSignup(h, eventId, { participantId: owner, status: 'registered', confirmedAt: null })
    // one family with two children: one message naming both
    await addSignup(h, eventId, { participantId: uniqueId('draw-child'), ownerOpenid: owners[0], kind: 'child', status: 'registered' })
  })

  it('the request queues the results and delivers nothing itself', async () => {
    expectOk(await h.call('events', 'draw', { eventId }, 'demo-staff'))
    expect(await inbox('event.drawn', eventId)).toHaveLength(0)
    expect((await subscribed(eventId)).size).toBe(0)
    const jobs = await jobsOf(`drawn:${eventId}`)
    expect(jobs).toMatchObject([{ status: 'pending', next: 0, communityId: A, total: owners.length }])
    expect([...jobs[0].recipients].sort()).toEqual(owners)
  })

  it('a drain that dies mid-batch, then the timer: each family told exactly once, with its own result', async () => {
    const sent = new Map<string, number>()
    await expect(drain(dyingContext(sent, 13), { batch: 10 })).rejects.toThrow('killed')
    expect(await inbox('event.drawn', eventId)).toHaveLength(13)
    await expireLeases(`drawn:${eventId}`)
    await h.emu.fireTrigger('events', 'fanout')
    await h.emu.fireTrigger('events', 'fanout') // a second run finds nothing to do
    const told = await inbox('event.drawn', eventId)
    expect([...countBy(told.map((m) => m.openid)).entries()].sort()).toEqual(owners.map((o) => [o, 1]))
    const byEmulator = await subscribed(eventId)
    for (const o of owners) expect({ o, n: (sent.get(o) ?? 0) + (byEmulator.get(o) ?? 0) }).toEqual({ o, n: 1 })
    // each family's own result: the family of two is named twice in one message
    const signups = (await docsOf(h.emu, COLLECTIONS.eventSignups)).filter((s) => s.eventId === eventId)
    const family = told.find((m) => m.openid === owners[0])!
    expect(family.body.match(/：(已录取|候补第 \d+ 位)/g)).toHaveLength(2)
    const single = signups.find((s) => s.ownerOpenid === owners[1])!
    expect(told.find((m) => m.openid === owners[1])!.body).toContain(single.status === 'confirmed' ? '已录取' : '候补第')
    expect(await jobsOf(`drawn:${eventId}`)).toMatchObject([{ status: 'done', next: owners.length }])
  })
})

describe('council notices', () => {
  it('publishing an agenda queues one notice per family; the timer delivers each once', async () => {
    const guardians = Array.from({ length: 4 }, () => uniqueId('agenda-guardian'))
    for (const guardian of guardians) await addCouncilMember(h, { guardian })
    const meetingId = await addMeeting(h, { status: 'draft', title: '排队议程测试' })
    expectOk(await h.call('council', 'publishAgenda', { meetingId }, 'demo-staff'))
    expect(await inbox('council.agenda', meetingId)).toHaveLength(0)
    const [job] = await jobsOf(`council.agenda:${meetingId}`)
    expect(job).toMatchObject({ status: 'pending', communityId: A })
    expect(job.recipients).toEqual(expect.arrayContaining(guardians))
    await h.emu.fireTrigger('events', 'fanout')
    await h.emu.fireTrigger('events', 'fanout')
    const told = countBy((await inbox('council.agenda', meetingId)).map((m) => m.openid))
    expect([...told.keys()].sort()).toEqual([...job.recipients].sort())
    expect([...told.values()].every((n) => n === 1)).toBe(true)
  })

  it('an answer to a child is queued with the child it is about; the guardian’s deletion takes the queued message too', async () => {
    const guardian = uniqueId('answer-guardian')
    await h.addMember(A, guardian)
    const memberId = await addCouncilMember(h, { guardian })
    const proposalId = await addChildProposal(h, memberId, { status: 'approved' })
    expectOk(await h.call('council', 'respond', { proposalId, kind: 'later', text: '我们想一想' }, 'demo-staff'))
    expect(await inbox('council.answer', proposalId)).toHaveLength(0)
    const childId = memberId.slice(memberId.indexOf('_') + 1)
    const queued = (await docsOf(h.emu, COLLECTIONS.fanout)).filter((j) => j.eventKey.startsWith(`council.answer:${proposalId}`))
    expect(queued).toMatchObject([{ status: 'pending', childId, recipients: [guardian] }])
    expectOk(await h.call('council', 'deleteChildData', { childId }, guardian))
    expect(JSON.stringify(await h.emu.dump(COLLECTIONS.fanout))).not.toContain(childId)
    await h.emu.fireTrigger('events', 'fanout')
    expect(await inbox('council.answer', proposalId)).toHaveLength(0)
  })
})

describe('the queue, observable by staff (insights.queue)', () => {
  const queue = (persona: Parameters<Harness['as']>[0], input: object) => h.as(persona)('insights', 'queue', input)
  const read = async (persona: Parameters<Harness['as']>[0], input: object) =>
    expectOk(await queue(persona, input), insightsContract.queue.output)

  it('pending recipients and the oldest message’s age, per community; the district for the admin; nothing for residents', async () => {
    await h.emu.fireTrigger('events', 'fanout') // start from an empty queue
    expect(await read('staffA', { communityId: A })).toEqual({ communityId: A, pending: 0, jobs: 0, oldestAt: null, oldestAgeMs: 0 })
    const message = (communityId: string) => ({
      kind: 'test.queue',
      communityId,
      title: '排队中的通知',
      body: '稍后送达',
      page: 'pages/home/index',
      subscribe: null,
    })
    const threeMinutesAgo = new Date(Date.now() - 3 * 60_000)
    await enqueue({ db: h.db, now: threeMinutesAgo }, ['q-1', 'q-2', 'q-3'], uniqueId('test:queue-a'), message(A))
    await enqueue({ db: h.db, now: new Date() }, ['q-4', 'q-5'], uniqueId('test:queue-a'), message(A))
    await enqueue({ db: h.db, now: new Date() }, ['q-6'], uniqueId('test:queue-b'), message(B))

    const mine = await read('staffA', { communityId: A })
    expect(mine).toMatchObject({ communityId: A, pending: 5, jobs: 2, oldestAt: threeMinutesAgo.toISOString() })
    expect(mine.oldestAgeMs).toBeGreaterThanOrEqual(3 * 60_000)
    expect(await read('staffB', { communityId: B })).toMatchObject({ pending: 1, jobs: 1 })
    expect(await read('admin', { communityId: A })).toMatchObject({ pending: 5, jobs: 2 })
    expect(await read('admin', {})).toMatchObject({ communityId: null, pending: 6, jobs: 3, oldestAt: threeMinutesAgo.toISOString() })

    expectError(await queue('staffB', { communityId: A }), 'AUTH.FORBIDDEN')
    expectError(await queue('residentA', { communityId: A }), 'AUTH.FORBIDDEN')
    expectError(await queue('staffA', {}), 'AUTH.FORBIDDEN') // the district is the admin's
    expectError(await queue('residentA', {}), 'AUTH.FORBIDDEN')

    await h.emu.fireTrigger('events', 'fanout')
    expect(await read('admin', {})).toEqual({ communityId: null, pending: 0, jobs: 0, oldestAt: null, oldestAgeMs: 0 })
  })
})
