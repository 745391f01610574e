/**
 * Issue 14, Build 3 on the H5 build: the unread count as a badge on the 我的 tab and on 我的消息; opening a message
 * marks it read (the badges count down); 全部已读 clears them.
 */
import type { Page } from 'playwright-core'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

/** The H5 tab bar's badge on 我的 (Taro renders it as .weui-badge inside the tab item), '' when none. */
const tabBadge = (page: Page) =>
  page.locator('.taro-tabbar__tabbar .weui-tabbar__item').nth(1).locator('.weui-badge').filter({ visible: true })

describeWithChromium('unread: badges on 我的 and 我的消息, read one, 全部已读', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('王阿姨’s two unread messages', async () => {
    const unread = async () => (await gateway(stack.url, 'proposals', 'unreadCount', {}, 'demo-resident')).data.unread as number
    const start = await unread()
    expect(start).toBeGreaterThanOrEqual(2)
    const r = await openSession({ openid: 'demo-resident' })
    try {
      await r.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(r.page, 'home').getByText('社区通知').waitFor()
      await tabBadge(r.page).getByText(String(start), { exact: true }).waitFor()

      await r.page.locator('.taro-tabbar__tabbar').getByText('我的').click()
      const me = shown(r.page, 'me')
      await me.locator('.me-unread-badge').getByText(String(start), { exact: true }).waitFor()
      await screenshot(r.page, 'unread-1-badges')

      // open one: read, and the badges count down when 我的 shows again
      await me.locator('.me__messages').click()
      const inbox = shown(r.page, 'proposal-inbox')
      await inbox.getByText(`${start} 条未读`).waitFor()
      await inbox.locator('.proposal-inbox__item--unread').first().click()
      await shown(r.page, 'proposal-detail').waitFor()
      await r.page.goBack()
      await shown(r.page, 'proposal-inbox')
        .getByText(`${start - 1} 条未读`)
        .waitFor()
      await r.page.goBack()
      await shown(r.page, 'me')
        .locator('.me-unread-badge')
        .getByText(String(start - 1), { exact: true })
        .waitFor()
      expect(await unread()).toBe(start - 1)

      // 全部已读
      await shown(r.page, 'me').locator('.me__messages').click()
      const again = shown(r.page, 'proposal-inbox')
      await again.locator('.proposal-inbox-read-all').click()
      await again.getByText('没有未读消息').waitFor()
      await expect(again.locator('.proposal-inbox__item--unread').count()).resolves.toBe(0)
      expect(await unread()).toBe(0)
      await r.page.goBack()
      // wait on the condition: 我的 refreshes its count when it shows again (its row is named 我的消息, with no count)
      await shown(r.page, 'me').locator('.me__messages[aria-label="我的消息"]').waitFor()
      await expect(shown(r.page, 'me').locator('.me-unread-badge').count()).resolves.toBe(0)
      await tabBadge(r.page).first().waitFor({ state: 'detached' })
      await screenshot(r.page, 'unread-2-all-read')
      expect(r.errors).toEqual([])
    } finally {
      await r.close()
    }
  })
})
