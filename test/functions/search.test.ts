/**
 * Search (issue 14, Build 2) through the real SDK on the emulator in strict index mode (an unindexed query would be
 * refused): two-character Chinese queries, entries written when a notice is created and edited, only what the caller
 * may open, members only, the backfill.
 */
import { demoTitles } from '../../scripts/seed-demo-clock'
import { queryTerms, searchOutput, searchTerms } from '../../types/index'
import { A, B, expectError, expectOk, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h?.stop())

const search = async (q: string, persona: Parameters<Harness['as']>[0] = 'residentA', communityId = A) =>
  expectOk(await h.as(persona)('search', 'search', { communityId, q }), searchOutput).results

test('bigrams: Chinese without spaces, letters and digits', () => {
  expect(searchTerms('楼道灯坏了')).toEqual(['楼道', '道灯', '灯坏', '坏了'])
  expect(searchTerms('3号楼 WiFi')).toEqual(['3号', '号楼', 'wi', 'if', 'fi'])
  expect(queryTerms('灯坏')).toEqual(['灯坏'])
})

test('a two-character query finds a seeded notice; drafts are not found', async () => {
  const power = demoTitles(new Date()).powerNotice
  const found = await search('用电')
  expect(found.map((r) => r.title)).toContain(power)
  expect(found.find((r) => r.title === power)).toMatchObject({ kind: 'notice' })
  expect((await search('食堂试运营')).map((r) => r.title)).not.toContain('社区长者食堂试运营（草稿）')
})

test('proposals and events are searched too', async () => {
  expect((await search('长椅')).some((r) => r.kind === 'proposal')).toBe(true)
  expect((await search('科学家')).some((r) => r.kind === 'event')).toBe(true)
})

test('a notice is found by its words once published, and by its new words after an edit', async () => {
  const staff = h.as('staffA')
  const created = expectOk(
    await staff('notices', 'create', {
      communityId: A,
      title: '二号院坝停水通知',
      body: '周四上午水管检修，请提前储水。',
      category: '通知',
    }),
  ) as { noticeId: string }
  expect(await search('检修')).toEqual([]) // a draft: not yet
  expectOk(await staff('notices', 'publish', { noticeId: created.noticeId }))
  expect((await search('水管检修')).map((r) => r.id)).toContain(created.noticeId)
  expectOk(await staff('notices', 'update', { noticeId: created.noticeId, body: '周四上午燃气检测，请留人在家。' }))
  expect((await search('燃气')).map((r) => r.id)).toContain(created.noticeId)
  expect((await search('水管')).map((r) => r.id)).not.toContain(created.noticeId)
})

test('members only; one character is not enough; another community’s words stay there', async () => {
  expectError(await h.as('residentB')('search', 'search', { communityId: A, q: '用电' }), 'AUTH.FORBIDDEN')
  expectError(await h.as('residentA')('search', 'search', { communityId: A, q: '电' }), 'INPUT.INVALID')
  const inB = expectOk(await h.as('staffB')('search', 'search', { communityId: B, q: '用电' }), searchOutput).results
  expect(inB.every((r) => !r.title.includes('栀子街'))).toBe(true)
})

test('backfill: staff rebuild their community’s entries', async () => {
  const res = expectOk(await h.as('staffA')('search', 'reindex', { communityId: A })) as { indexed: number }
  expect(res.indexed).toBeGreaterThan(10)
  expectError(await h.as('residentA')('search', 'reindex', { communityId: A }), 'AUTH.FORBIDDEN')
  expect((await search('用电')).length).toBeGreaterThan(0)
})
