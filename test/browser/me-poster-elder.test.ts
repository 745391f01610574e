/**
 * 我的 (profile, my communities), 长辈版 (body ≥ 18 pt, targets ≥ 60 dp) and the staff QR poster on the H5 build.
 */
import type { Page } from 'playwright-core'
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

/** Body text size and the smallest tap target on the page shown, in CSS px (≈ dp on a phone). */
async function sizes(page: Page, root: string) {
  return shown(page, root).evaluate((el) => {
    const targets = [...el.querySelectorAll('.yb-btn, .yb-chip')].filter((b) => (b as HTMLElement).offsetParent !== null)
    return {
      body: parseFloat(getComputedStyle(el).fontSize),
      minTarget: Math.min(...targets.map((b) => Math.min(b.getBoundingClientRect().height, b.getBoundingClientRect().width))),
      targets: targets.length,
    }
  })
}

describeWithChromium('我的, 长辈版 and the QR poster', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('a resident sets a nickname, sees their community and role, and turns on 长辈版', async () => {
    const s = await openSession({ openid: 'demo-guardian' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/`)
      await shown(page, 'home').getByText('栀子街社区', { exact: true }).waitFor()
      const standard = await sizes(page, 'home')

      await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
      const me = shown(page, 'me')
      await me.getByText('我的社区').waitFor()
      expect(await me.locator('.me__community').filter({ hasText: '栀子街社区' }).innerText()).toContain('居民')

      await me.getByText('编辑资料').click()
      const edit = shown(page, 'profile-edit')
      await edit.locator('input').waitFor()
      await edit.locator('input').fill('王阿姨')
      await screenshot(page, 'me-1-profile-edit')
      await edit.getByText('保存', { exact: true }).click()
      await shown(page, 'me').getByText('王阿姨').waitFor()

      // 长辈版 on: bigger text and targets everywhere, remembered.
      await shown(page, 'me').locator('.me__switch').click()
      await shown(page, 'me').and(page.locator('.yb-elder')).waitFor()
      const elderMe = await sizes(page, 'me')
      expect(elderMe.body).toBeGreaterThanOrEqual(18)
      expect(elderMe.minTarget).toBeGreaterThanOrEqual(60)
      await screenshot(page, 'me-2-elder-on')

      await page.locator('.taro-tabbar__tabbar').getByText('首页').click()
      await shown(page, 'home').and(page.locator('.yb-elder')).locator('.yb-btn').first().waitFor()
      const elderHome = await sizes(page, 'home')
      expect(elderHome.body).toBeGreaterThanOrEqual(18)
      expect(elderHome.body).toBeGreaterThan(standard.body)
      expect(elderHome.minTarget).toBeGreaterThanOrEqual(60)
      expect(elderHome.targets).toBeGreaterThan(0)
      await screenshot(page, 'me-3-home-elder')

      await page.reload()
      await shown(page, 'home').getByText('栀子街社区', { exact: true }).waitFor()
      expect((await sizes(page, 'home')).body).toBeGreaterThanOrEqual(18)
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('staff open the community QR poster: the community’s name, a title, a real code image and the community code', async () => {
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/packages/staff/pages/poster/index?communityId=${DEMO_COMMUNITIES.zhizijie.communityId}`)
      const poster = shown(page, 'poster')
      await poster.locator('.poster__community').getByText('栀子街社区').waitFor()
      await poster.locator('.poster__title').getByText('扫码加入栀子街社区').waitFor()
      await poster.locator('.poster__code').getByText('社区码 zhizijie').waitFor()
      expect(await poster.innerText()).not.toContain('场景值')
      const img = poster.locator('.poster__image img')
      await img.waitFor()
      await page.waitForFunction(
        (el) => !!el && (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
        await img.elementHandle(),
      )
      await screenshot(page, 'poster-1-zhizijie')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })
})
