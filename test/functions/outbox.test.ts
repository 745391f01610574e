/**
 * The kernel's fan-out queue (cloudfunctions/_kernel/outbox.ts) through the real wx-server-sdk on the emulator:
 * idempotent per recipient (enqueued twice, drained twice: one inbox entry and one subscribe message each), resumable
 * (a drain killed mid-batch, then run again: everyone told exactly once), observable (pending recipients and the age
 * of the oldest job, also answered by the events function's `fanout` timer).
 */
import { COLLECTIONS } from '../../types/index'
import type { Context } from '../../cloudfunctions/_kernel/context'
import { drain, enqueue, enqueueEach, outboxStats } from '../../cloudfunctions/_kernel/outbox'
import { startHarness, type Harness } from './harness'
import { outboxContext } from './outbox-context'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const message = (n: string) => ({
  kind: 'event.reminder',
  communityId: 'zhizijie',
  title: `测试通知 ${n}`,
  body: '明天见',
  page: `packages/events/pages/detail/index?eventId=${n}`,
  subscribe: { templateId: 'yuanba-tmpl-test', data: { thing1: n } },
})

const contextWith = (sent: Map<string, number>, now: Date, dieAfter = Infinity) =>
  outboxContext(h, { sent, now, dieAfter, where: 'test.outbox' })

const inboxFor = async (title: string) => (await docsOf(h.emu, COLLECTIONS.inbox)).filter((m) => m.title === title)

test('enqueued twice and drained twice: each recipient gets one inbox entry and one subscribe message', async () => {
  const sent = new Map<string, number>()
  const ctx = contextWith(sent, new Date())
  const people = Array.from({ length: 30 }, (_, i) => `fan-a-${i}`)
  expect(await enqueue(ctx, [...people, people[0]], 'test:a', message('a'))).toBe(30)
  await enqueue(ctx, people, 'test:a', message('a'))
  expect(await inboxFor('测试通知 a')).toHaveLength(0) // nothing delivered on the request path
  await drain(ctx, { batch: 7 })
  await drain(ctx, { batch: 7 })
  const entries = await inboxFor('测试通知 a')
  expect(entries.map((m: any) => m.openid).sort()).toEqual([...people].sort())
  expect([...sent.keys()].sort()).toEqual([...people].sort())
  expect([...sent.values()].every((n) => n === 1)).toBe(true)
})

test('a drain killed mid-batch, run again: everyone is told exactly once', async () => {
  const sent = new Map<string, number>()
  const now = new Date()
  const people = Array.from({ length: 25 }, (_, i) => `fan-b-${i}`)
  await enqueue(contextWith(sent, now), people, 'test:b', message('b'))
  // killed after 12 inbox entries, in the middle of the second batch of 10
  await expect(drain(contextWith(sent, now, 12), { batch: 10 })).rejects.toThrow('killed')
  expect((await inboxFor('测试通知 b')).length).toBe(12)
  // the job's lease of the killed drain runs out; a later run resumes from the last finished batch
  const jobs = (await docsOf(h.emu, COLLECTIONS.fanout)).filter((j) => j.eventKey === 'test:b')
  expect(jobs).toMatchObject([{ next: 10, status: 'pending' }])
  await h.db
    .collection(COLLECTIONS.fanout)
    .doc(jobs[0]._id)
    .update({ data: { leaseUntil: 0 } })
  await drain(contextWith(sent, now), { batch: 10 })
  expect((await inboxFor('测试通知 b')).map((m: any) => m.openid).sort()).toEqual([...people].sort())
  expect([...sent.values()].every((n) => n === 1)).toBe(true)
  expect(sent.size).toBe(25)
})

test('observable: pending recipients and the oldest job’s age, from the kernel and from the events fan-out timer', async () => {
  const sent = new Map<string, number>()
  const then = new Date(Date.now() - 90_000)
  await enqueue(contextWith(sent, then), ['fan-c-1', 'fan-c-2', 'fan-c-3'], 'test:c', message('c'))
  const stats = await outboxStats(contextWith(sent, new Date()))
  expect(stats.pendingRecipients).toBeGreaterThanOrEqual(3)
  expect(stats.oldestAgeMs).toBeGreaterThanOrEqual(90_000)
  const fired = await h.emu.fireTrigger('events', 'fanout')
  expect(fired).toMatchObject({ ok: true, data: { pendingRecipients: 0, oldestAgeMs: 0 } })
  expect((await inboxFor('测试通知 c')).map((m: any) => m.openid).sort()).toEqual(['fan-c-1', 'fan-c-2', 'fan-c-3'])
})

test('each their own message, across job documents: everyone gets theirs, once, however often it is queued', async () => {
  const sent = new Map<string, number>()
  const ctx = contextWith(sent, new Date())
  const people = Array.from({ length: 520 }, (_, i) => `fan-d-${String(i).padStart(3, '0')}`)
  const items = people.map((openid) => ({ openid, message: { ...message('d'), body: `给 ${openid} 的话` } }))
  expect(await enqueueEach(ctx, 'test:d', items)).toBe(520)
  expect(await enqueueEach(ctx, 'test:d', [...items].reverse())).toBe(520) // the same key again: nothing new
  const jobs = (await docsOf(h.emu, COLLECTIONS.fanout)).filter((j) => j.eventKey === 'test:d')
  expect(jobs.map((j) => j.total).sort()).toEqual([20, 500]) // split, with a message each
  await drain(ctx, { batch: 100 })
  await drain(ctx, { batch: 100 })
  const entries = await inboxFor('测试通知 d')
  expect(entries).toHaveLength(520)
  for (const e of entries) expect(e.body).toBe(`给 ${e.openid} 的话`)
  expect(sent.size).toBe(520)
  expect([...sent.values()].every((n) => n === 1)).toBe(true)
}, 60_000)

test('retention: the fan-out timer removes jobs finished more than 7 days ago; younger and unfinished ones stay', async () => {
  const day = 24 * 60 * 60 * 1000
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day)
  const job = (id: string, status: 'pending' | 'done', daysAgo: number, next: number) => ({
    _id: id,
    eventKey: `test:${id}`,
    communityId: 'zhizijie',
    childId: null,
    kind: 'event.reminder',
    message: message(id),
    personal: null,
    recipients: ['fan-r-1', 'fan-r-2'],
    total: 2,
    next,
    status,
    // an unfinished job held by a live drainer: the timer's drain leaves it alone
    leaseUntil: status === 'pending' ? Date.now() + day : 0,
    createdAt: at(daysAgo),
    updatedAt: at(daysAgo),
  })
  const old = Array.from({ length: 130 }, (_, i) => job(`fan-r-old-${i}`, 'done', 8, 2)) // more than one batch
  const young = job('fan-r-young', 'done', 6, 2)
  const unfinished = job('fan-r-unfinished', 'pending', 30, 1)
  for (const doc of [...old, young, unfinished]) await h.db.collection(COLLECTIONS.fanout).add({ data: doc })
  const fired = await h.emu.fireTrigger('events', 'fanout')
  expect(fired).toMatchObject({ ok: true })
  const left = new Set((await docsOf(h.emu, COLLECTIONS.fanout)).map((j) => j._id))
  expect(old.filter((j) => left.has(j._id))).toEqual([])
  expect(left.has(young._id)).toBe(true)
  expect(left.has(unfinished._id)).toBe(true)
  // idempotent: run again, nothing more goes and nothing fails
  expect(await h.emu.fireTrigger('events', 'fanout')).toMatchObject({ ok: true })
  expect(new Set((await docsOf(h.emu, COLLECTIONS.fanout)).map((j) => j._id))).toEqual(left)
}, 60_000)
