/**
 * Issue 6's journey on the H5 build: a guardian applies for a child with consent, staff approve, the child (through
 * the guardian) submits a proposal, staff review it and put it on an agenda, the meeting votes, staff answer, and
 * the child sees the answer. Every step in the UI, as the people would: the meeting is created on the staff board
 * and run in meeting mode on the shared staff phone (agenda, attendance, a secret vote recorded member by member,
 * the decision).
 */
import type { Locator, Page } from 'playwright-core'
import { describeWithChromium, enabled, openSession, screenshot, shown } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

const A = 'community-zhizijie'
const councilUrl = (stack: Stack) => `${stack.url}/#/packages/council/pages/index/index?communityId=${A}`
/** Meeting mode ignores taps while a write runs and shows it with disabled buttons: tap as a person would, once enabled. */
const tap = (scope: Locator, selector: string) => enabled(scope, selector).click()
/**
 * Tap until `done` shows, as a person does when a busy moment refuses the tap ("请再试一次"): before each tap wait for
 * the answer to the last one — `done`, or the button enabled again without it — never for a fixed time. (A tap is
 * never sent at a button that is about to be replaced by `done`: that one would wait for a button that never returns.)
 */
async function tapUntil(scope: Locator, selector: string, done: Locator) {
  const button = enabled(scope, selector)
  for (let attempt = 0; attempt < 5; attempt++) {
    await done.or(button).first().waitFor()
    if ((await done.count()) > 0) return
    await button.click()
  }
  await done.waitFor()
}
const staffUrl = (stack: Stack) => `${stack.url}/#/packages/council-staff/pages/index/index?communityId=${A}`

describeWithChromium('children’s council: apply → approve → propose → review → agenda → vote → answer', () => {
  let stack: Stack
  const idea = `在院坝画一面彩色墙 ${Date.now().toString(36).slice(-4)}`
  const answer = '小华，彩色墙的主意很棒！下个月社区请你们一起来画。'
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('the whole journey', async () => {
    const g = await openSession({ openid: 'demo-guardian' })
    const s = await openSession({ openid: 'demo-staff' })
    try {
      // 1. the guardian applies for 小华, with consent
      await g.page.goto(councilUrl(stack))
      const council = shown(g.page, 'council')
      await council.locator('.council-apply-btn').click()
      await council.locator('.council-alias input, input.council-alias').first().fill('小华')
      await council
        .locator('.council-birth-year input, input.council-birth-year')
        .first()
        .fill(String(new Date().getFullYear() - 10))
      await council.locator('.council-consent').click()
      await screenshot(g.page, 'council-1-apply')
      await council.locator('.council-apply-submit').filter({ hasText: '同意并为小华报名' }).click()
      await council.getByText('小华 · 10岁').waitFor()

      // 2. staff approve
      await s.page.goto(staffUrl(stack))
      const board = shown(s.page, 'council-staff')
      const row = board.locator('.council-staff-member').filter({ hasText: '小华' })
      await row.getByText('批准').click()
      await row.waitFor({ state: 'detached' })

      // 3. 以小华的身份: the guardian submits a proposal
      await g.page.reload()
      await shown(g.page, 'council').locator('.council-member').filter({ hasText: '小华' }).click()
      await shown(g.page, 'council').locator('.council-propose-btn').filter({ hasText: '小华' }).click()
      const form = shown(g.page, 'council')
      await form.locator('.council-noticed textarea, textarea.council-noticed').first().fill('院坝的墙灰灰的，不好看')
      await form.locator('.council-idea textarea, textarea.council-idea').first().fill(idea)
      await form.getByText('大自然').click()
      await screenshot(g.page, 'council-2-propose')
      await form.getByText('交给大人看').click()
      await shown(g.page, 'council').locator('.council-proposal').filter({ hasText: idea }).waitFor()

      // 4. staff review it
      await s.page.reload()
      const review = shown(s.page, 'council-staff').locator('.council-staff-review').filter({ hasText: idea })
      await review.getByText('通过', { exact: true }).click()
      await review.waitFor({ state: 'detached' })

      // 5. staff create a meeting on the board; meeting mode opens
      await s.page.goto(staffUrl(stack))
      const newMeeting = shown(s.page, 'council-staff').locator('.council-staff-new-meeting')
      await newMeeting.locator('input[placeholder="会议名称"]').fill('秋季议事会')
      // the time is a date picker and a time picker, set to the next full hour (no typed "2026-07-01 15:00")
      await expect(newMeeting.locator('.council-staff-meeting-when .yb-picker').count()).resolves.toBe(2)
      await newMeeting.locator('input[placeholder="地点"]').fill('院坝')
      await newMeeting.getByText('新建会议').click()
      const mode = shown(s.page, 'council-staff-meeting')
      await mode.getByText('秋季议事会').first().waitFor()

      // the agenda: 小华's reviewed idea, then publish
      await tap(mode.locator('.council-add-proposal').filter({ hasText: idea }), '.council-add-item')
      const item = mode.locator('.council-staff-item').filter({ hasText: '小华' })
      await item.waitFor()
      await tap(mode, '.council-publish')
      await mode.locator('.council-attendance').waitFor()

      // attendance: everyone is here
      await tap(mode, '.council-attend-all')
      const attendRows = mode.locator('.council-attend-row')
      const memberCount = await attendRows.count()
      expect(memberCount).toBeGreaterThanOrEqual(2)
      await mode.getByText(`到会 ${memberCount}/${memberCount}`).waitFor()

      // a secret vote, recorded member by member on the shared phone
      await item.locator('.council-secret').click()
      await tap(item, '.council-open-vote')
      await item.getByText('投票中（不记名）').waitFor()
      const voteRows = item.locator('.council-vote-row')
      expect(await voteRows.count()).toBe(memberCount)
      for (let n = 0; n < memberCount; n++) {
        const row = voteRows.nth(n)
        await tapUntil(row, n === memberCount - 1 ? '.council-vote-abstain' : '.council-vote-yes', row.locator('.council-vote-recorded'))
      }
      await item.getByText(`已投 ${memberCount} 人`).waitFor()
      await screenshot(s.page, 'council-3-meeting-mode-voting')
      await tap(item, '.council-close-vote')
      await item
        .locator('.council-result')
        .getByText(`赞成 ${memberCount - 1} · 反对 0 · 弃权 1 · 通过`)
        .waitFor()

      // the decision
      await item.locator('.council-decision-input input, input.council-decision-input').first().fill('下个月大家一起画彩色墙')
      await tap(item, '.council-decide')
      await item.getByText('📌 下个月大家一起画彩色墙').waitFor()
      await screenshot(s.page, 'council-3-meeting-mode')

      // 6. staff answer the child
      await s.page.goto(staffUrl(stack))
      const awaiting = shown(s.page, 'council-staff').locator('.council-staff-awaiting').filter({ hasText: idea })
      await awaiting.locator('textarea').first().fill(answer)
      await awaiting.getByText('发送回信').click()
      await awaiting.waitFor({ state: 'detached' })

      // 7. the child (through the guardian) sees the answer
      await g.page.reload()
      const card = shown(g.page, 'council').locator('.council-proposal').filter({ hasText: idea }).first()
      await card.getByText(answer).waitFor()
      await screenshot(g.page, 'council-4-child-sees-answer')
      expect(g.errors).toEqual([])
      expect(s.errors).toEqual([])
    } finally {
      await g.close()
      await s.close()
    }
  })
})
