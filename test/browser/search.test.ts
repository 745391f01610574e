/**
 * Issue 14, Build 2 on the H5 build: 首页 → 🔍 搜索, a two-character query finds the community's notice, one
 * character is told at the field, a result opens its page.
 */
import { demoTitles } from '../../scripts/seed-demo-clock'
import { describeWithChromium, input, openSession, screenshot, shown } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

describeWithChromium('search in a community', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('用电 finds the notice, 电 alone is not enough', async () => {
    const r = await openSession({ openid: 'demo-resident' })
    try {
      await r.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(r.page, 'home').locator('.home-search').click()
      const page = shown(r.page, 'search')
      await input(page, 'search-input').fill('电')
      await page.locator('.search-submit').click()
      await page.locator('.yb-field-error').getByText('请输入至少两个字').waitFor()
      await input(page, 'search-input').fill('用电')
      await page.locator('.search-submit').click()
      const power = demoTitles(new Date()).powerNotice
      const hit = page.locator('.search-result').filter({ hasText: power })
      await hit.waitFor()
      await screenshot(r.page, 'search-1-results')
      await hit.click()
      const notice = shown(r.page, 'notice-detail')
      await notice.getByText(power).first().waitFor()
      // H5 hides the top bar: a back control on every sub-page
      await notice.locator('.yb-back').getByText('返回').click()
      await shown(r.page, 'search').locator('.search-result').first().waitFor()
      expect(r.errors).toEqual([])
    } finally {
      await r.close()
    }
  })
})
