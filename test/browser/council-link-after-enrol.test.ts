/**
 * Issue 6, the other order (in Chromium): a child is enrolled and approved as a council member first, and only then
 * gets their own WeChat account linked. The back end reads the child's account from `children.openid` at every call,
 * so the child's phone sees the council as that member at once and can send an idea. Along the way the guardian's
 * 我的孩子 says 已绑定孩子的微信 for a linked child (小明 from the start, 小兰 after linking) instead of the bind button.
 *
 * Its own stack: the child's phone is the demo resident's identity (the only demo identity that is nobody's guardian
 * and not staff), which can be linked to one child per stack — council-link.test.ts uses it in the first order.
 */
import type { Page } from 'playwright-core'
import { describeWithChromium, openSession, screenshot, shown, input, textarea } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

const A = 'community-zhizijie'
const CHILD_PHONE = 'demo-resident'

describeWithChromium('a council member gets their own WeChat afterwards: enrolled → approved → linked → council as that member', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('the guardian enrols 小兰, staff approve, then 小兰’s own phone is linked and sends an idea', async () => {
    const g = await openSession({ openid: 'demo-guardian' })
    const k = await openSession({ openid: CHILD_PHONE })
    const idea = `给院坝的花浇水排个值日表 ${Date.now().toString(36).slice(-4)}`
    const birthYear = new Date().getFullYear() - 9
    try {
      // 1. the guardian enrols a new child, 小兰, with consent; staff approve her
      await g.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(g.page, 'home').getByText('儿童议事会').first().waitFor()
      await g.page.goto(`${stack.url}/#/packages/council/pages/index/index?communityId=${A}`)
      const gCouncil = shown(g.page, 'council')
      await gCouncil.locator('.council-apply-btn').click()
      await input(gCouncil, 'council-alias').fill('小兰')
      await input(gCouncil, 'council-birth-year').fill(String(birthYear))
      await gCouncil.locator('.council-consent').click()
      await gCouncil.locator('.council-apply-submit').click()
      await gCouncil.getByText('小兰 · 9岁').first().waitFor()
      const members = (await gateway(stack.url, 'council', 'members', { communityId: A }, 'demo-staff')).data.all
      const memberId = members.find((m: any) => m.alias === '小兰').memberId
      expect((await gateway(stack.url, 'council', 'approveMember', { memberId }, 'demo-staff')).ok).toBe(true)

      // 2. 我的孩子: 小明 (his own WeChat from the start) says 已绑定; 小兰 offers the bind button, which gives a code
      await g.page.goto(`${stack.url}/#/packages/profile/pages/children/index`)
      const profile = shown(g.page, 'profile-children')
      const xiaoming = profile.locator('.children-card__child').filter({ hasText: '小明 · 11岁' })
      await xiaoming.locator('.child-linked').getByText('已绑定孩子的微信').waitFor()
      await expect(xiaoming.locator('.child-link-create').count()).resolves.toBe(0)
      const xiaolan = profile.locator('.children-card__child').filter({ hasText: '小兰 · 9岁' })
      await xiaolan.getByText('绑定孩子自己的微信').click()
      const code = (await xiaolan.locator('.child-link-code').innerText()).trim()
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
      await screenshot(g.page, 'council-link-after-1-code')

      // 3. the child's phone enters the code
      await k.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(k.page, 'home').locator('.child-link-entry').click()
      const entry = shown(k.page, 'profile-edit').locator('.link-code')
      await input(entry, 'link-code-input').fill(code)
      await entry.locator('.link-code-submit').click()
      const done = shown(k.page, 'profile-edit').locator('.link-code-done')
      await done.getByText('你好，小兰').waitFor()

      // 4. the guardian's list now says 小兰 is linked too — no button, no code, and never which account
      await g.page.reload()
      const linked = shown(g.page, 'profile-children').locator('.children-card__child').filter({ hasText: '小兰 · 9岁' })
      await linked.locator('.child-linked').getByText('已绑定孩子的微信').waitFor()
      await expect(linked.locator('.child-link-create').count()).resolves.toBe(0)
      const profileData = (await gateway(stack.url, 'communities', 'profile', {}, 'demo-guardian')).data
      expect(profileData.children.find((c: any) => c.alias === '小兰').hasOwnAccount).toBe(true)
      expect(JSON.stringify(profileData)).not.toContain(`"${CHILD_PHONE}"`)
      await screenshot(g.page, 'council-link-after-2-linked')

      // 5. the child's own account opens the council as the member 小兰 already was (no 报名, no guardian words)
      await done.locator('.link-code-go').click()
      const kCouncil = shown(k.page, 'council')
      await kCouncil.locator('.council-member').filter({ hasText: '小兰' }).waitFor()
      await expect(kCouncil.locator('.council-apply-btn').count()).resolves.toBe(0)
      const propose = kCouncil.locator('.council-propose-btn')
      await expect(propose.innerText()).resolves.toContain('我有主意')
      await expect(propose.innerText()).resolves.not.toContain('身份')
      await screenshot(k.page, 'council-link-after-3-child-council')

      // 6. an idea, sent from the child's own phone
      await propose.click()
      const form = shown(k.page, 'council')
      await textarea(form, 'council-noticed').fill('院坝的花经常没人浇水')
      await textarea(form, 'council-idea').fill(idea)
      await form.getByText('大自然').click()
      await form.locator('.council-submit').click()
      await shown(k.page, 'council').locator('.council-proposal').filter({ hasText: idea }).first().waitFor()

      // the record is the member's, and says the child's own account acted
      const board = (await gateway(stack.url, 'council', 'staffBoard', { communityId: A }, 'demo-staff')).data
      const pending = board.pendingReview.find((p: any) => p.idea === idea)
      expect(pending.label).toBe('小兰 · 9岁')
      expect(pending.private).toMatchObject({ memberId, submittedBy: 'child' })
      await screenshot(k.page, 'council-link-after-4-sent')
      expect(g.errors).toEqual([])
      expect(k.errors).toEqual([])
    } finally {
      await g.close()
      await k.close()
    }
  })
})
