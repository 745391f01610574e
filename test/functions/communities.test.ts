/** communities through the real SDK on the emulator: scan → join, my communities, profile, staff, poster, children. */
import {
  childViewSchema,
  communityViewSchema,
  createPosterOutput,
  joinCommunityOutput,
  listMembersOutput,
  myCommunitiesOutput,
  profileViewSchema,
  addStaffOutput,
  COLLECTIONS,
  shanghaiYear,
} from '../../types/index'
import { A, B, expectError, expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const memberCount = async (communityId: string) =>
  (await docsOf(h.emu, COLLECTIONS.communities)).find((c) => c._id === communityId)!.memberCount

describe('scan → join', () => {
  it('a newcomer looks the community up by its code, joins once, and it shows in mine', async () => {
    const newcomer = 'test-newcomer-1'
    const seen = expectOk(await h.call('communities', 'get', { code: 'zhizijie' }, newcomer), communityViewSchema)
    expect(seen).toMatchObject({ communityId: A, name: '栀子街社区', district: '锦江区', street: '三圣街道' })
    expect(seen.viewer).toMatchObject({ role: null, isMember: false, canJoin: true, canManage: false })
    const count = await memberCount(A)

    const joined = expectOk(await h.call('communities', 'join', { code: 'zhizijie' }, newcomer), joinCommunityOutput)
    expect(joined).toMatchObject({ joined: true, membership: { communityId: A, role: 'resident' } })
    expect(joined.community.viewer).toMatchObject({ role: 'resident', isMember: true, canJoin: false })
    expect(await memberCount(A)).toBe(count + 1)

    const again = expectOk(await h.call('communities', 'join', { code: 'zhizijie' }, newcomer), joinCommunityOutput)
    expect(again.joined).toBe(false)
    expect(await memberCount(A)).toBe(count + 1)

    const mine = expectOk(await h.call('communities', 'mine', {}, newcomer), myCommunitiesOutput)
    expect(mine).toMatchObject({ isDistrictAdmin: false, administered: [] })
    expect(mine.communities.map((c) => [c.community.code, c.role])).toEqual([['zhizijie', 'resident']])
  })

  it('20 concurrent joins by one person make one membership and count one member', async () => {
    const count = await memberCount(B)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.call('communities', 'join', { code: 'xinhua' }, 'test-burst-joiner')),
    )
    expect(results.filter((r) => expectOk(r, joinCommunityOutput).joined)).toHaveLength(1)
    expect(await memberCount(B)).toBe(count + 1)
    expect((await docsOf(h.emu, COLLECTIONS.memberships)).filter((m) => m.openid === 'test-burst-joiner')).toHaveLength(1)
  })

  it('staff joining their own community again stay staff; unknown codes are not found', async () => {
    const res = expectOk(await h.as('staffA')('communities', 'join', { code: 'zhizijie' }), joinCommunityOutput)
    expect(res).toMatchObject({ joined: false, membership: { role: 'staff' } })
    expectError(await h.as('residentA')('communities', 'join', { code: 'nowhere' }), 'COMMUNITY.NOT_FOUND')
    expectError(await h.as('residentA')('communities', 'get', { communityId: 'nowhere' }), 'COMMUNITY.NOT_FOUND')
  })

  it('a person may belong to several communities, with a role in each', async () => {
    const p = 'test-two-homes'
    await h.call('communities', 'join', { code: 'zhizijie' }, p)
    await h.call('communities', 'join', { code: 'xinhua' }, p)
    const mine = expectOk(await h.call('communities', 'mine', {}, p), myCommunitiesOutput)
    expect(mine.communities.map((c) => c.community.code).sort()).toEqual(['xinhua', 'zhizijie'])
  })

  it('the district admin manages every community', async () => {
    const mine = expectOk(await h.as('admin')('communities', 'mine', {}), myCommunitiesOutput)
    expect(mine.isDistrictAdmin).toBe(true)
    expect(mine.administered.map((c) => c.code)).toEqual(expect.arrayContaining(['xinhua', 'zhizijie']))
    expect(mine.administered.every((c) => c.viewer.canManage)).toBe(true)
  })
})

describe('profile', () => {
  it('sets a nickname after the content check, keeping the district admin flag', async () => {
    const p = expectOk(await h.as('admin')('communities', 'setProfile', { nickname: ' 陈科长 ' }), profileViewSchema)
    expect(p).toMatchObject({ nickname: '陈科长', isDistrictAdmin: true })
    expect(expectOk(await h.as('admin')('communities', 'mine', {}), myCommunitiesOutput).isDistrictAdmin).toBe(true)
  })
  it('creates the person on first setProfile; avatar gets a temporary URL', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const avatar = (
      await require('wx-server-sdk').uploadFile({ cloudPath: 'avatars/test-first-profile.png', fileContent: Buffer.from('an avatar') })
    ).fileID as string
    const p = expectOk(
      await h.call('communities', 'setProfile', { nickname: '新邻居', avatarFileId: avatar }, 'test-first-profile'),
      profileViewSchema,
    )
    expect(p).toMatchObject({ nickname: '新邻居', avatarFileId: avatar, isDistrictAdmin: false, children: [] })
    expect(p.avatarUrl).toContain('avatars/test-first-profile.png')
  })
  it('risky nickname → CONTENT.RISKY, review → CONTENT.REVIEW, nothing written', async () => {
    const before = await h.snapshot()
    expectError(await h.as('residentA')('communities', 'setProfile', { nickname: '赌博达人' }), 'CONTENT.RISKY')
    expectError(await h.as('residentA')('communities', 'setProfile', { nickname: '加微信看看' }), 'CONTENT.REVIEW')
    expect(await h.snapshot()).toEqual(before)
  })
  it('the guardian sees their linked child', async () => {
    const p = expectOk(await h.call('communities', 'profile', {}, 'demo-guardian'), profileViewSchema)
    // 小明 has his own WeChat (demo-child): the guardian learns that much, never which account
    expect(p.children).toEqual([
      {
        childId: 'child-demo-child',
        communityId: A,
        alias: '小明',
        birthYear: shanghaiYear(new Date()) - 11,
        age: 11,
        hasOwnAccount: true,
      },
    ])
    expect(JSON.stringify(p)).not.toContain('"demo-child"')
    expect(expectOk(await h.call('communities', 'profile', {}, 'demo-child'), profileViewSchema).isChild).toBe(true)
  })
})

describe('children', () => {
  const year = () => shanghaiYear(new Date())
  it('a guardian links a child once (a double tap does not make two)', async () => {
    const input = { communityId: A, alias: '小华', birthYear: year() - 8 }
    const [one, two] = await Promise.all([
      h.as('residentA')('communities', 'addChild', input),
      h.as('residentA')('communities', 'addChild', input),
    ])
    const a = expectOk(one, childViewSchema)
    expect(expectOk(two, childViewSchema).childId).toBe(a.childId)
    expect(a).toMatchObject({ alias: '小华', age: 8, hasOwnAccount: false })
    expect((await docsOf(h.emu, COLLECTIONS.children)).filter((c) => c.alias === '小华')).toHaveLength(1)
  })
  it('adults and children-to-be are refused; children cannot link children', async () => {
    expectError(
      await h.as('residentA')('communities', 'addChild', { communityId: A, alias: '大人', birthYear: year() - 18 }),
      'CHILD.AGE_OUT_OF_RANGE',
    )
    expectError(
      await h.as('residentA')('communities', 'addChild', { communityId: A, alias: '未来', birthYear: year() + 1 }),
      'CHILD.AGE_OUT_OF_RANGE',
    )
    expectError(
      await h.call('communities', 'addChild', { communityId: A, alias: '弟弟', birthYear: year() - 5 }, 'demo-child'),
      'AUTH.FORBIDDEN',
    )
    expectError(
      await h.as('residentA')('communities', 'addChild', { communityId: A, alias: '赌博', birthYear: year() - 5 }),
      'CONTENT.RISKY',
    )
  })
})

describe('staff', () => {
  it('staff of A promote a member, who can then write notices for A', async () => {
    const p = 'test-future-staff'
    await h.call('communities', 'join', { code: 'zhizijie' }, p)
    expectError(await h.call('notices', 'create', { communityId: A, title: 't', body: 'b', category: '通知' }, p), 'AUTH.FORBIDDEN')
    const res = expectOk(await h.as('staffA')('communities', 'addStaff', { communityId: A, openid: p }), addStaffOutput)
    expect(res.membership.role).toBe('staff')
    expectOk(await h.call('notices', 'create', { communityId: A, title: '新同事的通知', body: '大家好', category: '通知' }, p))
    const again = expectOk(await h.as('staffA')('communities', 'addStaff', { communityId: A, openid: p }), addStaffOutput)
    expect(again.membership.role).toBe('staff')
    const members = expectOk(await h.as('staffA')('communities', 'listMembers', { communityId: A }), listMembersOutput).members
    expect(members.find((m) => m.openid === p)).toMatchObject({ role: 'staff' })
    expect(members.findIndex((m) => m.role === 'resident')).toBeGreaterThan(members.map((m) => m.role).lastIndexOf('staff'))
  })
  it('only people who joined can be promoted; staff of B cannot promote in A', async () => {
    expectError(await h.as('staffA')('communities', 'addStaff', { communityId: A, openid: 'test-never-joined' }), 'MEMBER.NOT_FOUND')
    expectError(await h.as('staffB')('communities', 'addStaff', { communityId: A, openid: 'demo-resident' }), 'AUTH.FORBIDDEN')
    expectError(await h.as('admin')('communities', 'addStaff', { communityId: 'nowhere', openid: 'demo-resident' }), 'COMMUNITY.NOT_FOUND')
  })
})

describe('QR poster', () => {
  it('makes a real PNG with scene c=<code>, stores it and reuses it', async () => {
    const first = expectOk(await h.as('staffA')('communities', 'createPoster', { communityId: A }), createPosterOutput)
    expect(first).toMatchObject({ scene: 'c=zhizijie', page: 'pages/home/index', generated: true })
    expect(first.fileId).toMatch(/^cloud:\/\//)
    const png = Buffer.from(await (await fetch(first.url)).arrayBuffer())
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))

    const reused = expectOk(await h.as('admin')('communities', 'createPoster', { communityId: A }), createPosterOutput)
    expect(reused).toMatchObject({ fileId: first.fileId, generated: false })
    const community = expectOk(await h.as('staffA')('communities', 'get', { communityId: A }), communityViewSchema)
    expect(community.posterFileId).toBe(first.fileId)

    const fresh = expectOk(await h.as('staffA')('communities', 'createPoster', { communityId: A, regenerate: true }), createPosterOutput)
    expect(fresh.generated).toBe(true)
    expect(fresh.fileId).not.toBe(first.fileId)
  })
})

describe('identity under concurrency (many invocations share a function thread)', () => {
  it('200 people set their nickname at once: each write lands on the caller’s own record, each read shows their own', async () => {
    const people = Array.from({ length: 200 }, (_, i) => `test-identity-${String(i).padStart(3, '0')}`)
    const nickname = (openid: string) => `昵称${openid.slice(-3)}`
    const set = await Promise.all(people.map((openid) => h.call('communities', 'setProfile', { nickname: nickname(openid) }, openid)))
    set.forEach((res, i) => expect(res).toMatchObject({ ok: true, data: { nickname: nickname(people[i]) } }))
    const read = await Promise.all(people.map((openid) => h.call('communities', 'profile', {}, openid)))
    read.forEach((res, i) => expect(res).toMatchObject({ ok: true, data: { nickname: nickname(people[i]) } }))
    const stored = new Map((await docsOf(h.emu, COLLECTIONS.people)).map((p) => [p._id, p.nickname]))
    for (const openid of people) expect(stored.get(openid)).toBe(nickname(openid))
  })
})
