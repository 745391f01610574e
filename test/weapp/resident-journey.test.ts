/**
 * The resident's journey on the compiled mini-program: launched by scanning 栀子街社区's code (scene c=zhizijie), reads
 * a notice, signs up for a full course and is told the waitlist position, submits a proposal with a photo picked by
 * chooseMedia and uploaded with wx.cloud.uploadFile into the local cloud's storage. Rendered text and the database.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { startWeapp, type Weapp } from './harness'
import { startCloud, type Cloud } from './cloud'
import { COLLECTIONS } from '../../types/collections'
import { docsOf } from '../functions/results'

const ZHIZIJIE = DEMO_COMMUNITIES.zhizijie.communityId
let cloud: Cloud
let app: Weapp
let eventId = ''
const tag = Date.now().toString(36).slice(-4)
const courseTitle = `亲子手工课·剪纸 ${tag}`

beforeAll(async () => {
  cloud = await startCloud()
  const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
  const created = await cloud.call(
    'events',
    'create',
    {
      communityId: ZHIZIJIE,
      title: courseTitle,
      description: '家长和孩子一起剪窗花，材料社区准备。',
      category: '课程',
      place: '社区书画室',
      startAt: iso(5 * 3600_000),
      endAt: iso(7 * 3600_000),
      capacity: 1,
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
  // The one place goes to a neighbour first.
  expect((await cloud.call('events', 'signUp', { eventId }, 'demo-guardian')).ok).toBe(true)
})
afterAll(async () => {
  await app?.stop()
  await cloud?.stop()
})

test('launched with scene c=zhizijie, 首页 shows 栀子街社区 and its notices', async () => {
  ;({ app } = await startWeapp({
    emu: cloud.emu,
    sdk: cloud.sdk,
    openid: 'demo-resident',
    launch: { query: { scene: encodeURIComponent('c=zhizijie') }, scene: 1047 },
  }))
  const home = await app.waitForText('栀子街社区')
  await app.waitForText('栀子街老旧院落改造意见征集', home)
  expect(app.launchOptions.scene).toBe(1047)
  expect(app.errors).toEqual([])
})

test('reads a notice: the detail shows its body and the read is counted once in the database', async () => {
  const notices = await docsOf(cloud.emu, COLLECTIONS.notices)
  const notice = notices.find((n) => /用电安全提醒$/.test(n.title))!
  const before = notice.readCount
  await app.tap(notice.title)
  const detail = await app.waitForPage('packages/notices/pages/detail/index')
  await app.waitForText('不要在楼道给电动自行车充电', detail)
  await app.waitForText(`${before + 1} 人已读`, detail)
  const after = (await docsOf(cloud.emu, COLLECTIONS.notices)).find((n) => n._id === notice._id)!
  expect(after.readCount).toBe(before + 1)
  expect(app.callsTo('navigateTo').map((a) => a.url)).toEqual([expect.stringContaining('packages/notices/pages/detail/index')])
  await app.buildWx().navigateBack({})
  expect(app.top()!.route).toBe('pages/home/index')
})

test('signs up for a full course from 首页 → 候补第 1 位, as the database says', async () => {
  const home = app.top()!
  app.pullDown(home)
  await app.waitForCall('stopPullDownRefresh')
  await app.waitForText(courseTitle, home)
  await app.tap(courseTitle)
  const detail = await app.waitForPage('packages/events/pages/detail/index')
  await app.waitForText('名额已满，报名后进入候补', detail)
  await app.tap('为自己报名', detail)
  await app.waitForText('候补第 1 位', detail)
  const signups = (await docsOf(cloud.emu, 'event_signups')).filter((s) => s.eventId === eventId && s.ownerOpenid === 'demo-resident')
  expect(signups).toEqual([expect.objectContaining({ status: 'waitlisted', joinPosition: 1 })])
  expect(app.errors).toEqual([])
})

test('submits a proposal with a photo: chooseMedia, wx.cloud.uploadFile into storage, the proposal names the file', async () => {
  await app.buildWx().switchTab({ url: '/pages/home/index' })
  const home = await app.waitForPage('pages/home/index')
  await app.tap('我要提建议', home)
  const form = await app.waitForPage('packages/proposals/pages/submit/index')
  await app.waitForText('问题和建议', form)
  const title = `小巷路灯不亮 ${tag}`
  await app.type(0, title)
  await app.tap('平安建设', form)
  await app.type(app.textarea(), '12 号院东侧小巷晚上没有灯，老人回家看不清路，希望装两盏路灯。')
  await app.type(1, '12 号院东侧小巷')
  const photo = Buffer.concat([Buffer.from('weapp-journey-photo '), Buffer.from(tag)])
  app.answerMedia([photo])
  await app.tap('+ 照片', form)
  const [upload] = await app.waitForCall('cloud.uploadFile')
  expect(upload.cloudPath).toMatch(new RegExp(`^proposals/${ZHIZIJIE}/`))
  expect(app.callsTo('chooseMedia')).toEqual([expect.objectContaining({ mediaType: ['image'] })])
  await waitForUploaded(form)
  await app.tap('提交建议', form)
  const detail = await app.waitForPage('packages/proposals/pages/detail/index')
  await app.waitForText(title, detail)
  await app.waitForText('待审核', detail)
  const proposal = (await docsOf(cloud.emu, COLLECTIONS.proposals)).find((p) => p.title === title)!
  expect(proposal).toEqual(expect.objectContaining({ communityId: ZHIZIJIE, createdBy: 'demo-resident', authorIsChild: false }))
  expect(proposal.photos).toHaveLength(1)
  expect(proposal.photos[0]).toMatch(new RegExp(`^cloud://.+/${upload.cloudPath}$`))
  // The bytes the phone picked are in the local cloud's storage.
  const stored = await fetchBytes(`${cloud.emu.url}/storage/files/${upload.cloudPath}`)
  expect(stored.equals(photo)).toBe(true)
  expect(app.errors).toEqual([])
})

async function waitForUploaded(form: ReturnType<Weapp['top']> & object) {
  await app.waitForText('删除', form)
}

async function fetchBytes(url: string): Promise<Buffer> {
  const http = await import('node:http')
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${res.statusCode} for ${url}`))))
      })
      .on('error', reject)
  })
}

test('every tappable element on the pages of this journey has an accessible name', () => {
  expect(app.accessibilityFindings()).toEqual([])
})
