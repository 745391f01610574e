/**
 * Staff on the compiled mini-program: publish a notice from 管理 → 新建通知, and check a resident's ticket in by
 * scanning it (wx.scanCode) on 扫码签到. Rendered text and the database.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { startWeapp, type Weapp } from './harness'
import { startCloud, type Cloud } from './cloud'
import { COLLECTIONS } from '../../types/collections'
import { docsOf } from '../functions/results'

const ZHIZIJIE = DEMO_COMMUNITIES.zhizijie.communityId
let cloud: Cloud
let app: Weapp
const tag = Date.now().toString(36).slice(-4)

beforeAll(async () => {
  cloud = await startCloud()
  ;({ app } = await startWeapp({ emu: cloud.emu, sdk: cloud.sdk, openid: 'demo-staff' }))
})
afterAll(async () => {
  await app?.stop()
  await cloud?.stop()
})

test('publishes a notice: 管理 → 新建通知 → 发布; residents get it as live', async () => {
  const home = await app.waitForText('栀子街社区')
  await app.tap('管理', home)
  const list = await app.waitForPage('packages/staff/pages/notices/index')
  await app.waitForText('新建通知', list)
  await app.tap('新建通知', list)
  const editor = await app.waitForPage('packages/staff/pages/editor/index')
  await app.waitForText('发布时间', editor)
  const title = `周末院坝集市 ${tag}`
  await app.type(0, title)
  await app.type(app.textarea(), '本周六上午在栀子街 14 号院坝举办二手集市，欢迎带闲置物品来交换。')
  await app.tap('活动预告', editor)
  await app.tap(/^发布$/, editor)
  await app.waitForCall('showToast')
  expect(app.callsTo('showToast')).toContainEqual(expect.objectContaining({ title: '已发布' }))
  // the editor closes itself a moment later, back to the list
  await app.waitForCall('navigateBack')
  await app.waitForPage('packages/staff/pages/notices/index')
  await app.waitForText(title)
  const notice = (await docsOf(cloud.emu, 'notices')).find((n) => n.title === title)
  expect(notice).toEqual(
    expect.objectContaining({ communityId: ZHIZIJIE, status: 'published', category: '活动预告', createdBy: 'demo-staff' }),
  )
  const seen = await cloud.call('notices', 'list', { communityId: ZHIZIJIE }, 'demo-resident')
  expect(JSON.stringify(seen.data)).toContain(title)
  expect(app.errors).toEqual([])
})

test('checks a ticket in by scanning it: 活动管理 → the event → 扫码签到 → 扫描票码', async () => {
  const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
  const eventTitle = `院坝电影夜 ${tag}`
  const created = await cloud.call(
    'events',
    'create',
    {
      communityId: ZHIZIJIE,
      title: eventTitle,
      description: '露天放映，自带小板凳。',
      category: '活动',
      place: '栀子街 14 号院坝',
      startAt: iso(-10 * 60_000 + 3600_000),
      endAt: iso(3 * 3600_000),
      capacity: 20,
      signupOpensAt: iso(-60_000),
      signupClosesAt: iso(30 * 60_000),
      allocation: 'first_come',
      openTo: 'residents',
    },
    'demo-staff',
  )
  expect(created.ok).toBe(true)
  const eventId = created.data.eventId
  expect((await cloud.call('events', 'publish', { eventId }, 'demo-staff')).ok).toBe(true)
  expect((await cloud.call('events', 'signUp', { eventId }, 'demo-resident')).ok).toBe(true)
  const signup = (await docsOf(cloud.emu, COLLECTIONS.eventSignups)).find(
    (s) => s.eventId === eventId && s.ownerOpenid === 'demo-resident',
  )!
  expect(signup.status).toBe('confirmed')

  await app.buildWx().switchTab({ url: '/pages/home/index' })
  const home = await app.waitForPage('pages/home/index')
  await app.waitForText('活动管理', home)
  await app.tap('活动管理', home)
  const list = await app.waitForPage('packages/events-staff/pages/list/index')
  await app.waitForText(eventTitle, list)
  await app.tap(eventTitle, list)
  const signups = await app.waitForPage('packages/events-staff/pages/signups/index')
  await app.waitForText('扫码签到', signups)
  await app.tap('扫码签到', signups)
  const scan = await app.waitForPage('packages/events-staff/pages/scan/index')
  await app.waitForText('扫描票码', scan)
  app.answerScan(`YBT:${signup.ticketCode}`)
  await app.tap('扫描票码', scan)
  await app.waitForText(`${signup.displayName}：签到成功`, scan)
  expect(app.callsTo('scanCode')).toEqual([expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] })])
  const after = (await docsOf(cloud.emu, COLLECTIONS.eventSignups)).find((s) => s._id === signup._id)!
  expect(after.checkedInAt).not.toBeNull()
  expect(after.checkInBy).toBe('staff')
  // the same ticket again says so
  app.answerScan(`YBT:${signup.ticketCode}`)
  await app.tap('扫描票码', scan)
  await app.waitForText(`${signup.displayName}：之前已签到`, scan)
  expect(app.errors).toEqual([])
})

test('every tappable element on the pages of this journey has an accessible name', () => {
  expect(app.accessibilityFindings()).toEqual([])
})
