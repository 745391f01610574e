/**
 * Issue 3's journey on the H5 build: staff of 栀子街社区 publish a notice through the editor; a resident opens
 * `/?scene=c%3Dzhizijie` (as if scanning the community code), lands on 栀子街社区 and reads that notice.
 */
import type { Page } from 'playwright-core'
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

/**
 * A page by the root class its PageShell carries (earlier pages of Taro's stack stay in the DOM, hidden, and during
 * the slide both are visible — so never "the last visible page").
 */

describeWithChromium('notices: staff publish, a resident scans and reads', () => {
  let stack: Stack
  const title = `院坝议事会改到周日下午 ${Date.now().toString(36).slice(-4)}`
  const body = '因周六有雨，议事会改到本周日下午 3 点，地点仍在栀子街 14 号院坝。请各楼栋代表准时参加。'

  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('demo-staff publishes a notice through the editor', async () => {
    const s = await openSession()
    try {
      const { page } = s
      await page.goto(`${stack.url}/`)
      // Act as staff through the H5 体验身份 picker.
      await page.getByText('体验身份').click()
      await page.locator('.yb-devid__item').filter({ hasText: 'demo-staff' }).filter({ hasNotText: 'xinhua' }).click()
      await shown(page, 'home').getByText('栀子街社区', { exact: true }).waitFor()
      await screenshot(page, 'journey-1-staff-home')

      await shown(page, 'home').getByText('管理', { exact: true }).click()
      await shown(page, 'staff-notices').getByText('新建通知').waitFor()
      await screenshot(page, 'journey-2-staff-notices')

      await shown(page, 'staff-notices').getByText('新建通知').click()
      const editor = shown(page, 'editor')
      await editor.getByText('发布时间').waitFor()
      await editor.locator('input').first().fill(title)
      await editor.locator('textarea').first().fill(body)
      await editor.getByText('活动预告', { exact: true }).click()
      await screenshot(page, 'journey-3-editor-filled')
      await editor.getByText('发布', { exact: true }).click()

      // Back on the staff list: the new notice is there and published.
      const card = shown(page, 'staff-notices').locator('.yb-notice-card').filter({ hasText: title })
      await card.waitFor()
      expect(await card.innerText()).toContain('已发布')
      await screenshot(page, 'journey-4-staff-list-after-publish')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('demo-resident opens /?scene=c%3Dzhizijie and reads the notice', async () => {
    // The notice is live for residents (checked through the same gateway, as the resident).
    const listed = await gateway(stack.url, 'notices', 'list', { communityId: DEMO_COMMUNITIES.zhizijie.communityId }, 'demo-resident')
    expect(listed.ok).toBe(true)
    const notice = listed.data.notices.find((n: { title: string }) => n.title === title)
    expect(notice).toBeDefined()
    const readsBefore: number = notice.readCount

    const s = await openSession({ openid: 'demo-resident' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      const home = shown(page, 'home')
      await home.getByText('栀子街社区', { exact: true }).waitFor()
      // The scene was consumed: reloading 首页 would not "scan" again.
      expect(new URL(page.url()).search).toBe('')
      const card = home.locator('.yb-notice-card').filter({ hasText: title })
      await card.waitFor()
      expect(await card.innerText()).toContain('活动预告')
      await screenshot(page, 'journey-5-resident-home-from-scene')

      await card.click()
      const detail = shown(page, 'notice-detail')
      await detail.getByText(body).waitFor()
      expect(await detail.innerText()).toContain(title)
      await detail.getByText(`${readsBefore + 1} 人已读`).waitFor()
      expect(page.url()).toContain('#/packages/notices/pages/detail/index?noticeId=')
      await screenshot(page, 'journey-6-resident-reads-notice')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('demo-staff 撤回 (unpublishes) it; residents no longer see it', async () => {
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/packages/staff/pages/notices/index?communityId=${DEMO_COMMUNITIES.zhizijie.communityId}`)
      const card = shown(page, 'staff-notices').locator('.yb-notice-card').filter({ hasText: title })
      await card.click()
      const editor = shown(page, 'editor')
      await editor.getByText('撤回', { exact: true }).waitFor()
      expect(await editor.locator('input').first().inputValue()).toBe(title)
      await editor.getByText('撤回', { exact: true }).click()
      // Taro's H5 modal: confirm.
      await page.locator('.taro__modal').getByText('撤回', { exact: true }).click()
      await editor.getByText(/^草稿 · 已读 \d+$/).waitFor()
      await screenshot(page, 'journey-7-staff-unpublished')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
    const listed = await gateway(stack.url, 'notices', 'list', { communityId: DEMO_COMMUNITIES.zhizijie.communityId }, 'demo-resident')
    expect(listed.data.notices.map((n: { title: string }) => n.title)).not.toContain(title)
  })
})
