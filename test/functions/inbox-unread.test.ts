/**
 * Unread (issue 14, Build 3): the count behind the badges, opening marks one read, 全部已读 marks all of the
 * caller's — one conditional update that touches nobody else's messages and keeps the first readAt.
 */
import { COLLECTIONS } from '../../types/index'
import { expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  const now = new Date()
  const put = (id: string, openid: string, read: boolean) =>
    h.db
      .collection(COLLECTIONS.inbox)
      .doc(id)
      .set({
        data: {
          openid,
          communityId: 'community-zhizijie',
          kind: 'test',
          title: `消息 ${id}`,
          body: '正文',
          page: 'pages/home/index',
          read,
          createdAt: now,
          readAt: read ? now : null,
        },
      })
  await Promise.all([
    put('t-unread-1', 'demo-resident', false),
    put('t-unread-2', 'demo-resident', false),
    put('t-read-1', 'demo-resident', true),
    put('t-other-1', 'demo-staff', false),
  ])
})
afterAll(() => h?.stop())

const unread = async (openid: string) => (expectOk(await h.call('proposals', 'unreadCount', {}, openid)) as { unread: number }).unread

test('the count, one read, then 全部已读 — for the caller only', async () => {
  const before = await unread('demo-resident')
  const staffBefore = await unread('demo-staff')
  expect(before).toBeGreaterThanOrEqual(2)
  const inbox = expectOk(await h.call('proposals', 'inbox', { limit: 50 }, 'demo-resident')) as { unread: number }
  expect(inbox.unread).toBe(before)

  expect((expectOk(await h.call('proposals', 'markRead', { inboxId: 't-unread-1' }, 'demo-resident')) as { unread: number }).unread).toBe(
    before - 1,
  )
  const firstRead = (await docsOf(h.emu, COLLECTIONS.inbox)).find((d) => d._id === 't-unread-1')!

  expect((expectOk(await h.call('proposals', 'markAllRead', {}, 'demo-resident')) as { unread: number }).unread).toBe(0)
  expect(await unread('demo-resident')).toBe(0)
  const docs = await docsOf(h.emu, COLLECTIONS.inbox)
  expect(docs.filter((d) => d.openid === 'demo-resident').every((d) => d.read === true && d.readAt)).toBe(true)
  // the one read earlier keeps its readAt; someone else's messages are untouched
  expect(docs.find((d) => d._id === 't-unread-1')!.readAt).toEqual(firstRead.readAt)
  expect(docs.find((d) => d._id === 't-other-1')!.read).toBe(false)
  expect(await unread('demo-staff')).toBe(staffBefore)
  // again: nothing left, nothing changes
  expect((expectOk(await h.call('proposals', 'markAllRead', {}, 'demo-resident')) as { unread: number }).unread).toBe(0)
})

test('bad input writes nothing', async () => {
  const res = await h.call('proposals', 'markAllRead', { openid: 'demo-staff' }, 'demo-resident')
  expect(res.ok).toBe(false)
  expect((res as any).error.code).toBe('INPUT.INVALID')
})
