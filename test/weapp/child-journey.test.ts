/**
 * A child's own WeChat on the compiled mini-program. The guardian (through the API, as their phone would) adds 小兰,
 * enrols her in the council with consent (staff approve) and asks for a binding code. 小兰's phone scans the code:
 * WeChat launches 院坝 at 首页 with scene `k=<code>` (scene 1047), which opens 我是孩子 with the code filled in;
 * one tap on 确认绑定 links it. Then she goes to 儿童议事会 and sends an idea with 交给大人看.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { COUNCIL_CONSENT_VERSION } from '../../types/council-base'
import { attr, startWeapp, type Weapp } from './harness'
import { startCloud, type Cloud } from './cloud'
import { COLLECTIONS } from '../../types/collections'
import { docsOf } from '../functions/results'

const A = DEMO_COMMUNITIES.zhizijie.communityId
const CHILD_PHONE = 'weapp-xiaolan-phone'
let cloud: Cloud
let app: Weapp
let code = ''
let childId = ''

beforeAll(async () => {
  cloud = await startCloud()
  const applied = await cloud.call(
    'council',
    'apply',
    {
      communityId: A,
      alias: '小兰',
      birthYear: new Date().getFullYear() - 9,
      consent: true,
      consentVersion: COUNCIL_CONSENT_VERSION,
    },
    'demo-guardian',
  )
  expect(applied.ok).toBe(true)
  childId = applied.data.childId
  expect((await cloud.call('council', 'approveMember', { memberId: applied.data.memberId }, 'demo-staff')).ok).toBe(true)
  const link = await cloud.call('communities', 'createChildLinkCode', { childId }, 'demo-guardian')
  expect(link.ok).toBe(true)
  code = link.data.code
  expect(link.data.qr).not.toBeNull() // the mini-program code the child's phone scans
})
afterAll(async () => {
  await app?.stop()
  await cloud?.stop()
})

test('scanning the binding code opens 我是孩子 with the code filled in; nothing links before the tap', async () => {
  ;({ app } = await startWeapp({
    emu: cloud.emu,
    sdk: cloud.sdk,
    openid: CHILD_PHONE,
    launch: { query: { scene: encodeURIComponent(`k=${code}`) }, scene: 1047 },
  }))
  const page = await app.waitForPage('packages/profile/pages/edit/index')
  await app.waitForText('扫码绑定我自己的微信', page)
  expect(attr(app.field('6 位绑定码'), 'value')).toBe(code)
  await app.waitForText('确认绑定', page)
  const child = (await docsOf(cloud.emu, COLLECTIONS.children)).find((c) => c._id === childId)!
  expect(child.openid ?? null).toBeNull()
})

test('one tap on 确认绑定 links 小兰’s own WeChat', async () => {
  const page = app.top()!
  await app.tap('确认绑定', page)
  await app.waitForText('你好，小兰', page)
  const child = (await docsOf(cloud.emu, COLLECTIONS.children)).find((c) => c._id === childId)!
  expect(child.openid).toBe(CHILD_PHONE)
  const profile = await cloud.call('communities', 'profile', {}, 'demo-guardian')
  expect(profile.data.children.find((c: any) => c.alias === '小兰').hasOwnAccount).toBe(true)
  expect(app.errors).toEqual([])
})

test('小兰 sends a council idea from her own phone; it waits for staff review', async () => {
  await app.tap('去儿童议事会')
  const council = await app.waitForPage('packages/council/pages/index/index')
  await app.waitForText('我有主意', council)
  expect(council.text()).not.toContain('身份')
  await app.tap('💡 我有主意', council)
  await app.waitForText('交给大人看', council)
  const idea = `在院坝种向日葵 ${Date.now().toString(36).slice(-4)}`
  await app.type(app.textarea(0), '院坝的花经常没人浇水')
  await app.type(app.textarea(1), idea)
  await app.tap('大自然', council)
  await app.tap('交给大人看 ✉️', council)
  await app.waitForText(idea, council)
  const doc = (await docsOf(cloud.emu, COLLECTIONS.councilProposals)).find((p) => p.idea === idea)!
  expect(doc).toEqual(expect.objectContaining({ communityId: A, status: 'pending' }))
  expect(doc.actedBy).toEqual(expect.objectContaining({ actorOpenid: CHILD_PHONE, as: 'child' }))
  expect(app.errors).toEqual([])
})

test('every tappable element on the pages of this journey has an accessible name', () => {
  expect(app.accessibilityFindings()).toEqual([])
})
