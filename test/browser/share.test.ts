/**
 * Issue 14, Build 1 on the H5 build: a shared proposal, notice or event opened by someone who never joined lands on
 * that page in that community — its public part and a join button, not a refusal; after joining, the whole page.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { DEMO_EVENT_IDS } from '../../scripts/seed-demo-events'
import { DEMO_PROPOSAL_IDS } from '../../scripts/seed-demo-proposals'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

const A = DEMO_COMMUNITIES.zhizijie.communityId

describeWithChromium('sharing: a non-member opens a shared page', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('a shared proposal: how many supports it needs, join, then 附议', async () => {
    const n = await openSession({ openid: 'demo-newcomer' })
    try {
      await n.page.goto(`${stack.url}/#/packages/proposals/pages/detail/index?proposalId=${DEMO_PROPOSAL_IDS.published}&communityId=${A}`)
      const page = shown(n.page, 'proposal-detail')
      await page
        .locator('.shared-preview__needed')
        .getByText(/还差 \d+ 人附议/)
        .waitFor()
      const text = await page.innerText()
      expect(text).not.toContain('无权限')
      expect(text).not.toContain('工作人员')
      // opened from a shared card: nothing to go back to, so the back control leads to 首页
      await page.locator('.yb-back').getByText('首页').waitFor()
      await screenshot(n.page, 'share-1-proposal-preview')
      await page.locator('.home-join-btn').getByText('加入栀子街社区').click()
      await page.getByText('附议（我也支持）').waitFor()
      expect(n.errors).toEqual([])
    } finally {
      await n.close()
    }
  })

  test('a shared notice and a shared children’s event: the public part, no names', async () => {
    const n = await openSession({ openid: 'demo-staff-xinhua' })
    try {
      await n.page.goto(`${stack.url}/#/packages/notices/pages/detail/index?noticeId=demo-notice-zhizijie-electric&communityId=${A}`)
      const notice = shown(n.page, 'notice-detail')
      await notice.locator('.shared-preview__title').getByText('用电安全提醒').waitFor()
      await notice.locator('.home-join-btn').waitFor()
      await n.page.goto('about:blank')
      await n.page.goto(`${stack.url}/#/packages/events/pages/detail/index?eventId=${DEMO_EVENT_IDS.summer}&communityId=${A}`)
      const event = shown(n.page, 'event-detail')
      await event.locator('.shared-preview__title').getByText('小小科学家').waitFor()
      await event.getByText('加入社区后就能报名').waitFor()
      expect(await event.innerText()).not.toMatch(/朵朵|豆豆|无权限/)
      await screenshot(n.page, 'share-2-event-preview')
      expect(n.errors).toEqual([])
    } finally {
      await n.close()
    }
  })
})
