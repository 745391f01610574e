/**
 * Scan instead of type (in Chromium): the guardian's binding code comes with a mini-program code; the child's phone
 * opens what scanning it opens — `/?scene=k%3D<code>` on H5, 首页 with scene `k=<code>` on weapp — lands on
 * 我是孩子，输入绑定码 with the code filled in, and links with one tap on 确认绑定 (nothing links before the tap).
 * The guardian's own phone opening the same scene is told to use the child's phone.
 *
 * Its own stack: the child's phone is the demo resident's identity (the only demo identity that is nobody's guardian
 * and not staff), which can be linked to one child per stack — council-link.test.ts types the code instead.
 */
import QRCode from 'qrcode'
import { describeWithChromium, input, openSession, screenshot, shown } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

const CHILD_PHONE = 'demo-resident'

describeWithChromium('a child’s own WeChat, by scanning: QR with the binding code → code filled in → one tap links', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('the guardian shows the QR; the child’s phone opens /?scene=k%3D<code> and confirms with one tap', async () => {
    const g = await openSession({ openid: 'demo-guardian' })
    const k = await openSession({ openid: CHILD_PHONE })
    const birthYear = new Date().getFullYear() - 10
    try {
      // 1. the guardian adds 小兰 and asks for a binding code: the big code, and below it the QR with the same expiry
      await g.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(g.page, 'home').getByText('儿童议事会').first().waitFor()
      await g.page.goto(`${stack.url}/#/packages/profile/pages/children/index`)
      const profile = shown(g.page, 'profile-children')
      await profile.getByText('添加孩子').click()
      await input(profile, 'child-alias').fill('小兰')
      await input(profile, 'child-birth-year').fill(String(birthYear))
      await profile.locator('.child-add-save').click()
      const child = profile.locator('.children-card__child').filter({ hasText: '小兰 · 10岁' })
      await child.getByText('绑定孩子自己的微信').click()
      const code = (await child.locator('.child-link-code').innerText()).trim()
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
      const expiry = (await child.locator('.child-link-expiry').innerText()).trim()
      expect(expiry).toMatch(/^\d\d:\d\d 前有效/)
      await expect(child.locator('.child-link-qr-expiry').innerText()).resolves.toContain(expiry)
      const img = child.locator('.child-link-qr-image img').first()
      await img.waitFor()
      await expect(img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0)).resolves.toBe(true)
      const src = (await img.getAttribute('src'))!
      expect(src.startsWith('data:image/png;base64,')).toBe(true)
      // the emulator's getUnlimited draws the local H5 URL of the scene: the same bytes as that URL's QR code
      const scanned = `${stack.url}/?scene=${encodeURIComponent(`k=${code}`)}`
      expect(scanned).toBe(`${stack.url}/?scene=k%3D${code}`)
      const expected = await QRCode.toBuffer(scanned, { type: 'png', width: 280, margin: 2 })
      expect(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64').equals(expected)).toBe(true)
      await child.locator('.child-link-qr').scrollIntoViewIfNeeded()
      await screenshot(g.page, 'council-link-scan-1-qr')

      // 2. the child's phone "scans": 首页 hands the scene to 我是孩子，输入绑定码, code filled in, not yet linked
      await k.page.goto(scanned)
      const entry = shown(k.page, 'profile-edit').locator('.link-code')
      await entry.getByText('扫码绑定我自己的微信').waitFor()
      await expect(input(entry, 'link-code-input').inputValue()).resolves.toBe(code)
      await expect(entry.locator('.link-code-submit').innerText()).resolves.toContain('确认绑定')
      // every call the page makes by itself has answered: still nothing linked
      await k.page.waitForLoadState('networkidle')
      const before = (await gateway(stack.url, 'communities', 'profile', {}, 'demo-guardian')).data
      expect(before.children.find((c: any) => c.alias === '小兰').hasOwnAccount).toBe(false)
      await screenshot(k.page, 'council-link-scan-2-filled')

      // 3. one tap links
      await entry.locator('.link-code-submit').click()
      const done = shown(k.page, 'profile-edit').locator('.link-code-done')
      await done.getByText('你好，小兰').waitFor()
      await screenshot(k.page, 'council-link-scan-3-linked')
      const after = (await gateway(stack.url, 'communities', 'profile', {}, 'demo-guardian')).data
      expect(after.children.find((c: any) => c.alias === '小兰').hasOwnAccount).toBe(true)
      // still single-use: the same scene cannot link anyone again
      expect((await gateway(stack.url, 'communities', 'linkChildAccount', { code }, 'demo-guardian')).ok).toBe(false)

      // 4. the guardian's own phone opening a child-link scene is told to scan with the child's phone (no entry shown)
      await g.page.goto(scanned)
      const gProfile = shown(g.page, 'profile-edit')
      await gProfile.locator('.link-code-guardian').getByText('请用孩子自己的微信扫这个二维码').waitFor()
      await expect(gProfile.locator('.link-code-submit').count()).resolves.toBe(0)
      await g.page.goto(`${stack.url}/#/packages/profile/pages/children/index`)
      await shown(g.page, 'profile-children')
        .locator('.children-card__child')
        .filter({ hasText: '小兰' })
        .getByText('已绑定孩子的微信')
        .waitFor()

      expect(g.errors).toEqual([])
      expect(k.errors).toEqual([])
    } finally {
      await g.close()
      await k.close()
    }
  })
})
