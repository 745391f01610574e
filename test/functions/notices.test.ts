/** notices through the real SDK on the emulator: the staff → resident journey, scheduling, content checks, read counts. */
import { COLLECTIONS, listNoticesOutput, noticeViewSchema, type NoticeSummary } from '../../types/index'
import { A, B, expectError, expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'
import { demoTitles } from '../../scripts/seed-demo-clock'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const staffA = () => h.as('staffA')
const residentA = () => h.as('residentA')
const list = async (persona: Parameters<Harness['as']>[0] = 'residentA', communityId: string = A) =>
  expectOk(await h.as(persona)('notices', 'list', { communityId }), listNoticesOutput).notices

describe('the seeded feed', () => {
  it('shows live notices only, pinned first then newest, with read counts', async () => {
    const notices = await list()
    const titles = notices.map((n) => n.title)
    expect(titles[0]).toBe('栀子街老旧院落改造意见征集') // pinned
    expect(titles).toEqual([
      '栀子街老旧院落改造意见征集',
      '周六院坝议事会：楼下停车怎么管',
      demoTitles(new Date()).powerNotice,
      '居住证办理指南',
    ])
    expect(titles.join()).not.toMatch(/草稿|假期|已结束/) // draft, scheduled, expired
    const rest = notices.slice(1).map((n) => Date.parse(n.publishAt!))
    expect([...rest].sort((a, b) => b - a)).toEqual(rest)
    for (const n of notices) {
      expect(n.state).toBe('live')
      expect(n.viewer).toEqual({ hasRead: false, canEdit: false, canPublish: false, canUnpublish: false })
    }
  })
  it('staff see every state in their list, with the flags to act', async () => {
    const all = expectOk(await staffA()('notices', 'listForStaff', { communityId: A }), listNoticesOutput).notices
    const byTitle = new Map(all.map((n) => [n.title, n]))
    expect(byTitle.get('社区长者食堂试运营（草稿）')).toMatchObject({
      state: 'draft',
      viewer: { canEdit: true, canPublish: true, canUnpublish: false },
    })
    expect(byTitle.get(demoTitles(new Date()).holidayNotice)).toMatchObject({
      state: 'scheduled',
      viewer: { canPublish: true, canUnpublish: true },
    })
    expect(byTitle.get(demoTitles(new Date()).festivalNotice)).toMatchObject({
      state: 'expired',
      viewer: { canPublish: false, canUnpublish: true },
    })
    expect(all.every((n) => n.communityId === A)).toBe(true)
  })
  it('staff of B never see A drafts — not in a list, not by id', async () => {
    expectError(await h.as('staffB')('notices', 'listForStaff', { communityId: A }), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffB')('notices', 'get', { noticeId: 'demo-notice-zhizijie-draft' }), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffB')('notices', 'update', { noticeId: 'demo-notice-zhizijie-draft', title: '改掉' }), 'AUTH.FORBIDDEN')
    const theirs = await list('staffB', B)
    expect(theirs.every((n) => n.communityId === B)).toBe(true)
  })
  it('a resident asking for a draft or a scheduled notice by id gets NOTICE.NOT_FOUND', async () => {
    expectError(await residentA()('notices', 'get', { noticeId: 'demo-notice-zhizijie-draft' }), 'NOTICE.NOT_FOUND')
    expectError(await residentA()('notices', 'get', { noticeId: 'demo-notice-zhizijie-scheduled' }), 'NOTICE.NOT_FOUND')
    expectError(await residentA()('notices', 'get', { noticeId: 'demo-notice-zhizijie-expired' }), 'NOTICE.NOT_FOUND')
    expectError(await residentA()('notices', 'get', { noticeId: 'no-such-notice' }), 'NOTICE.NOT_FOUND')
  })
})

describe('staff write, residents read', () => {
  it('create → draft (invisible) → publish → live at the top of the unpinned → read once → unpublish', async () => {
    const draft = expectOk(
      await staffA()('notices', 'create', { communityId: A, title: '  周日停水  ', body: '周日 9:00–12:00 停水检修。', category: '通知' }),
      noticeViewSchema,
    )
    expect(draft).toMatchObject({ title: '周日停水', state: 'draft', publishAt: null, moderation: 'pass', readCount: 0 })
    expect(draft.viewer).toMatchObject({ canEdit: true, canPublish: true, canUnpublish: false })
    expect((await list()).map((n) => n.noticeId)).not.toContain(draft.noticeId)

    const edited = expectOk(
      await staffA()('notices', 'update', { noticeId: draft.noticeId, body: '周日 9:00–13:00 停水检修，请提前储水。' }),
      noticeViewSchema,
    )
    expect(edited.body).toBe('周日 9:00–13:00 停水检修，请提前储水。')

    const live = expectOk(await staffA()('notices', 'publish', { noticeId: draft.noticeId }), noticeViewSchema)
    expect(live.state).toBe('live')
    expectError(await staffA()('notices', 'publish', { noticeId: draft.noticeId }), 'NOTICE.INVALID_STATE')

    const feed = await list()
    expect(feed[0].pinned).toBe(true)
    expect(feed[1].noticeId).toBe(draft.noticeId) // newest unpinned
    expect(feed[1].excerpt).toContain('停水检修')

    const read = expectOk(await residentA()('notices', 'get', { noticeId: draft.noticeId }), noticeViewSchema)
    expect(read).toMatchObject({ readCount: 1, viewer: { hasRead: true, canEdit: false } })
    const again = expectOk(await residentA()('notices', 'get', { noticeId: draft.noticeId }), noticeViewSchema)
    expect(again.readCount).toBe(1)
    expect((await list()).find((n) => n.noticeId === draft.noticeId)).toMatchObject({ readCount: 1, viewer: { hasRead: true } })
    expect((await list('staffA')).find((n) => n.noticeId === draft.noticeId)).toMatchObject({ readCount: 1, viewer: { hasRead: false } })
    // staff opening it (in the editor) are not readers
    const opened = expectOk(await staffA()('notices', 'get', { noticeId: draft.noticeId }), noticeViewSchema)
    expect(opened).toMatchObject({ readCount: 1, viewer: { hasRead: false } })

    const back = expectOk(await staffA()('notices', 'unpublish', { noticeId: draft.noticeId }), noticeViewSchema)
    expect(back).toMatchObject({ state: 'draft', readCount: 1 })
    expect((await list()).map((n) => n.noticeId)).not.toContain(draft.noticeId)
    expectError(await staffA()('notices', 'unpublish', { noticeId: draft.noticeId }), 'NOTICE.INVALID_STATE')
  })

  it('pinning and expiry through update; the feed honours them', async () => {
    const n = expectOk(
      await staffA()('notices', 'create', { communityId: A, title: '燃气安全检查', body: '本周入户检查燃气管道。', category: '安全提示' }),
      noticeViewSchema,
    )
    await staffA()('notices', 'publish', { noticeId: n.noticeId })
    expectOk(await staffA()('notices', 'update', { noticeId: n.noticeId, pinned: true }), noticeViewSchema)
    expect((await list())[0].noticeId).toBe(n.noticeId) // newest pinned
    expectError(
      await staffA()('notices', 'update', { noticeId: n.noticeId, expiresAt: new Date(Date.now() - 1000).toISOString() }),
      'NOTICE.INVALID_SCHEDULE',
    )
    const inAMoment = new Date(Date.now() + 1500).toISOString()
    expectOk(await staffA()('notices', 'update', { noticeId: n.noticeId, expiresAt: inAMoment }), noticeViewSchema)
    expect((await list()).map((x) => x.noticeId)).toContain(n.noticeId)
    await new Promise((r) => setTimeout(r, 1700))
    expect((await list()).map((x) => x.noticeId)).not.toContain(n.noticeId)
  })

  it('scheduling: publishAt in the future stays hidden, shows in the staff list as scheduled', async () => {
    const n = expectOk(
      await staffA()('notices', 'create', { communityId: A, title: '下周义诊', body: '下周三上午社区卫生站义诊。', category: '活动预告' }),
      noticeViewSchema,
    )
    const publishAt = new Date(Date.now() + 3600_000).toISOString()
    const scheduled = expectOk(await staffA()('notices', 'publish', { noticeId: n.noticeId, publishAt }), noticeViewSchema)
    expect(scheduled).toMatchObject({ state: 'scheduled', publishAt })
    expect((await list()).map((x) => x.noticeId)).not.toContain(n.noticeId)
    expectError(await residentA()('notices', 'get', { noticeId: n.noticeId }), 'NOTICE.NOT_FOUND')
    const staffView = expectOk(await staffA()('notices', 'get', { noticeId: n.noticeId }), noticeViewSchema)
    expect(staffView).toMatchObject({ state: 'scheduled', readCount: 0 })
    expectError(
      await staffA()('notices', 'publish', { noticeId: n.noticeId, publishAt: new Date(Date.now() - 3600_000).toISOString() }),
      'NOTICE.INVALID_SCHEDULE',
    )
    expectError(
      await staffA()('notices', 'publish', { noticeId: n.noticeId, publishAt: new Date(Date.now() + 91 * 86400_000).toISOString() }),
      'NOTICE.INVALID_SCHEDULE',
    )
    // a scheduled notice going live is only a matter of time: visible once publishAt passes
    const soon = new Date(Date.now() + 1200).toISOString()
    expectOk(await staffA()('notices', 'publish', { noticeId: n.noticeId, publishAt: soon }), noticeViewSchema)
    expect((await list()).map((x) => x.noticeId)).not.toContain(n.noticeId)
    await new Promise((r) => setTimeout(r, 1400))
    expect((await list()).map((x) => x.noticeId)).toContain(n.noticeId)
  })

  it('the district admin manages any community', async () => {
    const n = expectOk(
      await h.as('admin')('notices', 'create', { communityId: B, title: '区级通知', body: '全区开展消防演练。', category: '通知' }),
      noticeViewSchema,
    )
    expectOk(await h.as('admin')('notices', 'publish', { noticeId: n.noticeId }), noticeViewSchema)
    expect((await list('staffB', B)).map((x) => x.noticeId)).toContain(n.noticeId)
    expect((await list('residentB', B)).map((x) => x.noticeId)).toContain(n.noticeId)
  })
})

describe('content check', () => {
  it('risky text is refused and nothing is written', async () => {
    const before = await h.snapshot()
    expectError(
      await staffA()('notices', 'create', { communityId: A, title: '活动', body: '欢迎来赌博', category: '通知' }),
      'CONTENT.RISKY',
    )
    expect(await h.snapshot()).toEqual(before)
    expectError(await staffA()('notices', 'update', { noticeId: 'demo-notice-zhizijie-draft', title: '赌博' }), 'CONTENT.RISKY')
    expect(await h.snapshot()).toEqual(before)
  })
  it('review text is kept as a draft that only the district admin can publish', async () => {
    const n = expectOk(
      await staffA()('notices', 'create', { communityId: A, title: '团购', body: '想参加团购的请加微信', category: '通知' }),
      noticeViewSchema,
    )
    expect(n).toMatchObject({ moderation: 'review', state: 'draft', viewer: { canPublish: false } })
    expectError(await staffA()('notices', 'publish', { noticeId: n.noticeId }), 'CONTENT.REVIEW')
    const asAdmin = expectOk(await h.as('admin')('notices', 'get', { noticeId: n.noticeId }), noticeViewSchema)
    expect(asAdmin.viewer.canPublish).toBe(true)
    expect(expectOk(await h.as('admin')('notices', 'publish', { noticeId: n.noticeId }), noticeViewSchema).state).toBe('live')
  })
  it('editing a live notice into review text is refused; clean text clears review', async () => {
    const n = expectOk(
      await staffA()('notices', 'create', { communityId: A, title: '招募', body: '招募志愿者', category: '活动预告' }),
      noticeViewSchema,
    )
    await staffA()('notices', 'publish', { noticeId: n.noticeId })
    expectError(await staffA()('notices', 'update', { noticeId: n.noticeId, body: '报名请加微信' }), 'CONTENT.REVIEW')
    const fine = expectOk(await staffA()('notices', 'update', { noticeId: n.noticeId, body: '报名请到社区服务中心' }), noticeViewSchema)
    expect(fine).toMatchObject({ moderation: 'pass', state: 'live' })
  })
})

describe('read counts under concurrency', () => {
  it('50 concurrent gets by the same person count one read', async () => {
    const noticeId = await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000) })
    const results = await Promise.all(Array.from({ length: 50 }, () => residentA()('notices', 'get', { noticeId })))
    for (const r of results) expectOk(r, noticeViewSchema)
    const [doc] = (await docsOf(h.emu, COLLECTIONS.notices)).filter((d) => d._id === noticeId)
    expect(doc.readCount).toBe(1)
    expect((await docsOf(h.emu, COLLECTIONS.noticeReads)).filter((d) => d.noticeId === noticeId)).toHaveLength(1)
  })
  it('12 people reading at once, each twice, count 12', async () => {
    const noticeId = await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000) })
    const people = Array.from({ length: 12 }, (_, i) => `test-reader-${i.toString().padStart(2, '0')}`)
    for (const p of people) await h.addMember(A, p)
    const results = await Promise.all([...people, ...people].map((p) => h.call('notices', 'get', { noticeId }, p)))
    for (const r of results) expectOk(r, noticeViewSchema)
    const [doc] = (await docsOf(h.emu, COLLECTIONS.notices)).filter((d) => d._id === noticeId)
    expect(doc.readCount).toBe(12)
    const asList: NoticeSummary[] = await list()
    expect(asList.find((n) => n.noticeId === noticeId)?.readCount).toBe(12)
  })
})
