/**
 * The weapp-only adapters on the compiled mini-program: 长辈版 following WeChat's font-size setting (getAppBaseInfo)
 * and the in-app switch, the privacy guide (onNeedPrivacyAuthorization → the pop-up → agreePrivacyAuthorization),
 * and the profile avatar through chooseAvatar + wx.cloud.uploadFile.
 */
import { attr, startWeapp, waitFor, type Weapp } from './harness'
import { startCloud, type Cloud } from './cloud'
import { COLLECTIONS } from '../../types/collections'
import { docsOf } from '../functions/results'

let cloud: Cloud
let app: Weapp

beforeAll(async () => {
  cloud = await startCloud()
})
afterAll(async () => {
  await app?.stop()
  await cloud?.stop()
})

/** The page's root (PageShell): its class says 长辈版, its style carries the font scale. */
function root(): Element {
  const el = (Array.from(app.top()!.comp.dom.querySelectorAll('*')) as Element[]).find((e) =>
    /(^|\s)yb-page(\s|$)/.test(attr(e, 'class') ?? ''),
  )
  if (!el) throw new Error('no yb-page root')
  return el
}
const isElder = () => /(^|\s)yb-elder(\s|$)/.test(attr(root(), 'class') ?? '')

test('a large WeChat font (scale 1.3) turns 长辈版 on at launch, with the scale on the page', async () => {
  ;({ app } = await startWeapp({
    emu: cloud.emu,
    sdk: cloud.sdk,
    openid: 'demo-guardian',
    fontSizeScaleFactor: 1.3,
    privacyAgreed: false,
    launch: { query: { scene: encodeURIComponent('c=zhizijie') }, scene: 1047 },
  }))
  await app.waitForText('栀子街社区')
  expect(app.callsTo('getAppBaseInfo').length).toBeGreaterThan(0)
  expect(isElder()).toBe(true)
  expect(attr(root(), 'style')).toContain('--yb-scale: 1.3')
  await app.waitForText('标准版') // the switch offers the way back
})

test('the font setting changed while in the background is followed on return; the switch overrides it', async () => {
  app.fontSizeScaleFactor = 1
  app.backgroundAndBack()
  await app.waitForText('长辈版')
  expect(isElder()).toBe(false)
  await app.tap('长辈版')
  await app.waitForText('标准版')
  expect(isElder()).toBe(true)
  expect(app.storage.get('yuanba.elder')).toBe('on')
  await app.tap('标准版')
  await app.waitForText('长辈版')
  expect(isElder()).toBe(false)
  expect(app.storage.get('yuanba.elder')).toBe('off')
})

test('changing the avatar asks for privacy consent first; after 同意并继续 it is uploaded and saved', async () => {
  expect(app.callsTo('onNeedPrivacyAuthorization')).toHaveLength(1)
  await app.buildWx().navigateTo({ url: '/packages/profile/pages/edit/index' })
  const page = await app.waitForPage('packages/profile/pages/edit/index')
  await app.waitForText('点击更换头像', page)
  await app.tap('点击更换头像', page)
  await app.waitForText('用户隐私保护提示', page)
  expect(app.callsTo('cloud.uploadFile')).toHaveLength(0)
  await app.tap('同意并继续', page)
  const [upload] = await app.waitForCall('cloud.uploadFile')
  expect(upload.cloudPath).toMatch(/^avatars\//)
  // uploaded: the new avatar shows, named for the screen reader (the aria-label reached the rendered node)
  await waitFor(() => app.byLabel('头像', page).length === 1, 'the new avatar')
  const answers = app.callsTo('privacyAnswer')
  expect(answers[0]).toEqual({ event: 'exposureAuthorization' }) // the pop-up told WeChat it is shown
  expect(answers[answers.length - 1]).toEqual({ event: 'agree', buttonId: 'agree-btn' })
  await app.tap('保存', page)
  await app.waitForCall('showToast')
  expect(app.callsTo('showToast')).toContainEqual(expect.objectContaining({ title: '已保存' }))
  await app.waitForCall('navigateBack') // the form closes itself a moment later
  await app.waitForPage('pages/home/index')
  const person = (await docsOf(cloud.emu, COLLECTIONS.people)).find((p) => p._id === 'demo-guardian')!
  expect(person.avatarFileId).toMatch(new RegExp(`/${upload.cloudPath}$`))
  expect(app.errors).toEqual([])
})

test('every tappable element on these pages has an accessible name', () => {
  expect(app.accessibilityFindings()).toEqual([])
})
