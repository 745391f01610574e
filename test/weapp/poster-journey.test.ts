/**
 * A poster that opens the thing itself (issue 14, Build 1; docs/decisions/0100), on the compiled mini-program: staff
 * make an event's poster (scene `s=<share code>`); someone who never joined scans it — the app is launched on 首页 with
 * that scene, as WeChat launches it — and lands on the event itself with its public part and the join button, not on
 * the community's home; after joining, the same page offers the sign-up. Rendered text and the database.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { startWeapp, type Weapp } from './harness'
import { startCloud, type Cloud } from './cloud'

const ZHIZIJIE = DEMO_COMMUNITIES.zhizijie.communityId
let cloud: Cloud
let app: Weapp
let eventId = ''
let scene = ''
const tag = Date.now().toString(36).slice(-4)
const title = `院坝电影夜 ${tag}`

beforeAll(async () => {
  cloud = await startCloud()
  const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
  const created = await cloud.call(
    'events',
    'create',
    {
      communityId: ZHIZIJIE,
      title,
      description: '在院坝里一起看老电影，自带小板凳。',
      category: '活动',
      place: '栀子街院坝',
      startAt: iso(5 * 3600_000),
      endAt: iso(7 * 3600_000),
      capacity: 30,
      signupOpensAt: iso(-60_000),
      signupClosesAt: iso(4 * 3600_000),
      allocation: 'first_come',
      openTo: 'residents',
    },
    'demo-staff',
  )
  expect(created.ok).toBe(true)
  eventId = created.data.eventId
  expect((await cloud.call('events', 'publish', { eventId }, 'demo-staff')).ok).toBe(true)
  const poster = await cloud.call('communities', 'createPoster', { communityId: ZHIZIJIE, eventId }, 'demo-staff')
  expect(poster.ok).toBe(true)
  scene = poster.data.scene
  expect(scene).toMatch(/^s=[a-z2-9]{8}$/)
})
afterAll(async () => {
  await app?.stop()
  await cloud?.stop()
})

test('a newcomer launched with the poster’s scene lands on the event, with its public part and the join button', async () => {
  ;({ app } = await startWeapp({
    emu: cloud.emu,
    sdk: cloud.sdk,
    openid: 'demo-newcomer',
    launch: { query: { scene: encodeURIComponent(scene) }, scene: 1047 },
  }))
  const detail = await app.waitForPage('packages/events/pages/detail/index')
  expect(detail.query).toMatchObject({ eventId, communityId: ZHIZIJIE })
  await app.waitForText(title, detail)
  await app.waitForText('加入社区后就能报名。', detail)
  await app.waitForText('加入栀子街社区', detail)
  expect(detail.text()).not.toContain('为自己报名')
  // 首页 behind it looks at the same community (going back shows its join card, not an empty home)
  expect(app.stack.map((p) => p.route)).toEqual(['pages/home/index', 'packages/events/pages/detail/index'])
  await app.waitForText('栀子街社区', app.stack[0])
  expect(app.errors).toEqual([])
})

test('joining from the poster’s page: a resident now, and the same page offers the sign-up', async () => {
  const detail = app.top()!
  await app.tap('加入栀子街社区', detail)
  await app.waitForText('为自己报名', detail)
  const memberships = await cloud.emu.dump('memberships')
  expect(memberships.filter((m: any) => m.openid === 'demo-newcomer')).toEqual([
    expect.objectContaining({ communityId: ZHIZIJIE, role: 'resident' }),
  ])
  expect(app.errors).toEqual([])
})

test('every tappable element on the pages of this journey has an accessible name', () => {
  expect(app.accessibilityFindings()).toEqual([])
})
