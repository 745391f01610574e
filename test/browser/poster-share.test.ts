/**
 * Posters that open the thing itself (issue 14, Build 1; docs/decisions/0100) on the H5 build: staff open a notice's
 * poster — the community's name, the notice's title, a real code image, and what scanning does; someone who never
 * joined opens the app with that poster's scene (`/?scene=s%3D<code>` is what scanning does on H5) and lands on the
 * notice itself, its public part and the join button — not on the community's home.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

const A = DEMO_COMMUNITIES.zhizijie.communityId
const NOTICE = 'demo-notice-zhizijie-electric'

describeWithChromium('a notice’s poster opens the notice', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('staff open the notice’s poster: its title and “直接打开这条通知”, with a real code image', async () => {
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/packages/staff/pages/poster/index?communityId=${A}&noticeId=${NOTICE}`)
      const poster = shown(page, 'poster')
      await poster.locator('.poster__community').getByText('栀子街社区').waitFor()
      await poster
        .locator('.poster__title')
        .getByText(/用电安全提醒$/)
        .waitFor()
      await poster.locator('.poster__code').getByText('微信扫一扫，直接打开这条通知').waitFor()
      const img = poster.locator('.poster__image img')
      await img.waitFor()
      await page.waitForFunction(
        (el) => !!el && (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
        await img.elementHandle(),
      )
      await screenshot(page, 'poster-2-notice')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('a newcomer scanning it lands on the notice with the join button', async () => {
    // the same poster again (reused): its scene is what the printed code carries
    const made = await gateway(stack.url, 'communities', 'createPoster', { communityId: A, noticeId: NOTICE }, 'demo-staff')
    expect(made).toMatchObject({ ok: true, data: { scene: expect.stringMatching(/^s=[a-z2-9]{8}$/) } })
    const n = await openSession({ openid: 'demo-newcomer' })
    try {
      await n.page.goto(`${stack.url}/?scene=${encodeURIComponent(made.data.scene)}`)
      const notice = shown(n.page, 'notice-detail')
      await notice
        .locator('.shared-preview__title')
        .getByText(/用电安全提醒$/)
        .waitFor()
      await notice.locator('.home-join-btn').getByText('加入栀子街社区').waitFor()
      expect(await notice.innerText()).not.toContain('无权限')
      await screenshot(n.page, 'poster-3-scanned-notice')
      await notice.locator('.home-join-btn').click()
      await notice.locator('.notice-detail__body').waitFor()
      expect(n.errors).toEqual([])
    } finally {
      await n.close()
    }
  })
})
