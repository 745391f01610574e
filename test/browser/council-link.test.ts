/**
 * A child's own WeChat account (issue 6), in Chromium: the guardian adds a child in 我的孩子 and creates a binding
 * code; on the child's phone (another identity through the dev-identity mechanism) a wrong code is refused in plain
 * Chinese, the right one links; the guardian enrols the child in the council, staff approve, and the child's own
 * account sees the council as that member — and submits an idea with a photo (preview, remove, add again), which
 * then shows on the child's proposal and, for review, on the staff board. The other order (enrolled first, linked
 * afterwards) is council-link-after-enrol.test.ts, with its own stack.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describeWithChromium, openSession, screenshot, shown, input, textarea } from './helpers/browser'
import { ROOT, gateway, startStack, type Stack } from './helpers/stack'

const A = 'community-zhizijie'
const PHOTO = path.join(ROOT, 'src', 'assets', 'tab', 'home-active.png')

// The child's phone: a WeChat account that is nobody's guardian and not staff (the demo resident's identity).
const CHILD_PHONE = 'demo-resident'

describeWithChromium('a child’s own WeChat: binding code → linked → council as that member → idea with a photo', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('guardian creates a code, the child enters it, then takes part in the council', async () => {
    const g = await openSession({ openid: 'demo-guardian' })
    const k = await openSession({ openid: CHILD_PHONE })
    const idea = `在滑梯旁边种一棵树 ${Date.now().toString(36).slice(-4)}`
    const birthYear = new Date().getFullYear() - 9
    try {
      // 1. the guardian adds 小兰 in 我的 → 我的孩子, and asks for a binding code
      await g.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(g.page, 'home').getByText('儿童议事会').first().waitFor()
      await g.page.goto(`${stack.url}/#/packages/profile/pages/children/index`)
      const profile = shown(g.page, 'profile-children')
      await profile.getByText('添加孩子').click()
      await input(profile, 'child-alias').fill('小兰')
      await input(profile, 'child-birth-year').fill(String(birthYear))
      await profile.locator('.child-add-save').click()
      const child = profile.locator('.children-card__child').filter({ hasText: '小兰 · 9岁' })
      await child.getByText('绑定孩子自己的微信').click()
      const code = (await child.locator('.child-link-code').innerText()).trim()
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
      await child
        .locator('.child-link-expiry')
        .getByText(/前有效/)
        .waitFor()
      await screenshot(g.page, 'council-link-1-code')

      // 2. the child's phone: 首页 → 儿童议事会 → 我是孩子，输入绑定码; a wrong code first, in plain Chinese
      await k.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(k.page, 'home').locator('.child-link-entry').click()
      const entry = shown(k.page, 'profile-edit').locator('.link-code')
      const wrong = code.startsWith('A') ? 'BBBBBB' : 'AAAAAA'
      await input(entry, 'link-code-input').fill(wrong)
      await entry.locator('.link-code-submit').click()
      await entry.locator('.link-code-error').getByText('绑定码不对，或者已经过期了').waitFor()
      await input(entry, 'link-code-input').fill(code.toLowerCase())
      await entry.locator('.link-code-submit').click()
      const done = shown(k.page, 'profile-edit').locator('.link-code-done')
      await done.getByText('你好，小兰').waitFor()
      await screenshot(k.page, 'council-link-2-linked')
      // the code is used up: the guardian's copy of it no longer works anywhere
      const again = await gateway(stack.url, 'communities', 'linkChildAccount', { code }, 'demo-guardian')
      expect(again.ok).toBe(false)

      // 3. the guardian enrols 小兰 in the council (a child already known: one tap), staff approve
      await g.page.goto(`${stack.url}/#/packages/council/pages/index/index?communityId=${A}`)
      const gCouncil = shown(g.page, 'council')
      await gCouncil.locator('.council-apply-btn').click()
      await gCouncil.locator('.council-consent').click()
      await gCouncil.locator('.council-apply-child').filter({ hasText: '小兰（9岁）' }).click()
      await gCouncil.locator('.council-apply-submit').filter({ hasText: '同意并为小兰报名' }).click()
      await gCouncil.locator('.council-member').filter({ hasText: '小兰' }).waitFor()
      const members = (await gateway(stack.url, 'council', 'members', { communityId: A }, 'demo-staff')).data.all
      const memberId = members.find((m: any) => m.alias === '小兰').memberId
      expect((await gateway(stack.url, 'council', 'approveMember', { memberId }, 'demo-staff')).ok).toBe(true)

      // 4. the child's own account opens the council as 小兰 (no guardian words, no 报名 button)
      await done.locator('.link-code-go').click()
      const kCouncil = shown(k.page, 'council')
      await kCouncil.locator('.council-member').filter({ hasText: '小兰' }).waitFor()
      await expect(kCouncil.locator('.council-apply-btn').count()).resolves.toBe(0)
      const propose = kCouncil.locator('.council-propose-btn')
      await expect(propose.innerText()).resolves.toContain('我有主意')
      await expect(propose.innerText()).resolves.not.toContain('身份')
      await screenshot(k.page, 'council-link-3-child-council')

      // 5. an idea with a photo: add, see the preview, remove, add again, send
      await propose.click()
      const form = shown(k.page, 'council')
      await form.getByText('照片会先给社区的大人看').waitFor()
      await textarea(form, 'council-noticed').fill('滑梯旁边太晒了')
      await textarea(form, 'council-idea').fill(idea)
      await form.getByText('大自然').click()
      await form.locator('input.council-photo-file').setInputFiles(PHOTO)
      await form.locator('.council-photo-preview img').first().waitFor()
      await form.locator('.council-photo-remove').click()
      await form.locator('input.council-photo-file').setInputFiles(PHOTO)
      await form.locator('.council-photo-preview img').first().waitFor()
      await screenshot(k.page, 'council-link-4-photo')
      await form.locator('.council-submit').click()
      const card = shown(k.page, 'council').locator('.council-proposal').filter({ hasText: idea }).first()
      await card.waitFor()
      const src = await card.locator('.council-proposal-photo img').first().getAttribute('src')
      expect(src).toContain('council-photos/')
      const photo = await fetch(src!)
      expect(photo.status).toBe(200)
      expect(photo.headers.get('content-type')).toBe('image/png')

      // the record says the child's own account acted, and carries the stored photo
      const staffView = (await gateway(stack.url, 'council', 'staffBoard', { communityId: A }, 'demo-staff')).data
      const pending = staffView.pendingReview.find((p: any) => p.idea === idea)
      expect(pending.private.submittedBy).toBe('child')
      expect(pending.photoUrl).toContain('council-photos/')
      await screenshot(k.page, 'council-link-5-sent')

      // 6. staff see the photo first, on the idea waiting for review
      const s = await openSession({ openid: 'demo-staff' })
      try {
        await s.page.goto(`${stack.url}/#/packages/council-staff/pages/index/index?communityId=${A}`)
        const review = shown(s.page, 'council-staff').locator('.council-staff-review').filter({ hasText: idea })
        const staffSrc = await review.locator('.council-staff-photo img').first().getAttribute('src')
        expect(staffSrc).toContain('council-photos/')
        expect((await fetch(staffSrc!)).status).toBe(200)
        await review.scrollIntoViewIfNeeded()
        await screenshot(s.page, 'council-link-6-staff-photo')
        expect(s.errors).toEqual([])
      } finally {
        await s.close()
      }
      expect(g.errors).toEqual([])
      expect(k.errors).toEqual([])
    } finally {
      await g.close()
      await k.close()
    }
  })
})
