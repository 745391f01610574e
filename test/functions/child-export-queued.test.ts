/**
 * A guardian's export (`council.myChildData`) lists the messages about the child still waiting in the fan-out queue
 * (cloudfunctions/_kernel/outbox.ts) — only those about that child, and only what the guardian may see: the text
 * (or, for per-recipient messages, only their own), when it was queued and how many are still waiting; never the
 * other recipients' openids.
 */
import { COLLECTIONS } from '../../types/index'
import { enqueue, enqueueEach } from '../../cloudfunctions/_kernel/outbox'
import { addCouncilMember } from './council-fixtures'
import { A, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const message = (title: string, childId: string | null) => ({
  kind: 'council.agenda',
  communityId: A,
  childId,
  title,
  body: `${title}的内容`,
  page: '/packages/council/pages/home/index',
  subscribe: null,
})

test('the export lists what is still queued about the child, and nothing else', async () => {
  const guardian = uniqueId('test-guardian-q')
  const other = uniqueId('test-other-family')
  await h.addMember(A, guardian)
  const memberId = await addCouncilMember(h, { guardian })
  const childId = (await h.db.collection(COLLECTIONS.councilMembers).doc(memberId).get()).data.childId as string
  const ctx = { db: h.db, now: new Date() }
  const tag = uniqueId('q')
  await enqueue(ctx, [guardian, other], `${tag}:about`, message('议程已发布', childId))
  await enqueue(ctx, [guardian], `${tag}:someone-else`, message('别的孩子的通知', 'test-child-someone-else'))
  await enqueue(ctx, [guardian], `${tag}:nobody`, message('不关孩子的通知', null))
  await enqueueEach(ctx, `${tag}:each`, [
    { openid: other, message: message('给别家的话', childId) },
    { openid: guardian, message: message('给你的话', childId) },
  ])
  // a finished job about the child: delivered, so exported with the inbox, not as queued
  const finished = (await docsOf(h.emu, COLLECTIONS.fanout)).find((j) => j.eventKey === `${tag}:about`)
  const { _id, ...job } = finished!
  await h.db.collection(COLLECTIONS.fanout).add({ data: { ...job, eventKey: `${tag}:done`, status: 'done', next: 2 } })

  const exported = expectOk(await h.call('council', 'myChildData', { childId }, guardian)) as any
  const queued = exported.records[COLLECTIONS.fanout]
  expect(queued).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'council.agenda', title: '议程已发布', body: '议程已发布的内容', waiting: 2 }),
      expect.objectContaining({ kind: 'council.agenda', title: '给你的话', waiting: 2 }),
    ]),
  )
  expect(queued).toHaveLength(2)
  expect(typeof queued[0].queuedAt).toBe('string')
  const text = JSON.stringify(queued)
  expect(text).not.toContain(other)
  expect(text).not.toContain('给别家的话')
  expect(text).not.toContain('别的孩子')
})
