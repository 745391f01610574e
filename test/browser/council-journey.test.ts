/**
 * Issue 6's journey on the H5 build: a guardian applies for a child with consent, staff approve, the child (through
 * the guardian) submits a proposal, staff review it and put it on an agenda, the meeting votes, staff answer, and
 * the child sees the answer. UI where the issue's people act; the gateway for the meeting's bookkeeping steps.
 */
import type { Page } from 'playwright-core'
import { describeWithChromium, openSession, screenshot } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

const A = 'community-zhizijie'
const shown = (page: Page, root: string) => page.locator(`.yb-page.${root}`).filter({ visible: true })
const councilUrl = (stack: Stack) => `${stack.url}/#/packages/council/pages/index/index?communityId=${A}`
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
      await council.locator('.council-birth-year input, input.council-birth-year').first().fill(String(new Date().getFullYear() - 10))
      await council.locator('.council-consent').click()
      await screenshot(g.page, 'council-1-apply')
      await council.getByText('同意并报名').click()
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

      // 5. agenda and vote (meeting bookkeeping through the gateway, as the staff phone would send it)
      const proposals = await gateway(stack.url, 'council', 'proposals', { communityId: A }, 'demo-staff')
      const proposalId = proposals.data.public.find((p: any) => p.idea === idea).proposalId
      const meeting = (await gateway(stack.url, 'council', 'createMeeting', { communityId: A, title: '秋季议事会', startsAt: new Date(Date.now() + 3600_000).toISOString(), place: '院坝' }, 'demo-staff')).data
      const withItem = (await gateway(stack.url, 'council', 'addAgendaItem', { meetingId: meeting.meetingId, proposalId, durationMinutes: 10 }, 'demo-staff')).data
      const itemId = withItem.items[0].itemId
      expect((await gateway(stack.url, 'council', 'publishAgenda', { meetingId: meeting.meetingId }, 'demo-staff')).ok).toBe(true)
      const members = (await gateway(stack.url, 'council', 'members', { communityId: A }, 'demo-staff')).data.all.filter((m: any) => m.status === 'approved')
      await gateway(stack.url, 'council', 'recordAttendance', { meetingId: meeting.meetingId, memberIds: members.map((m: any) => m.memberId), present: true }, 'demo-staff')
      await gateway(stack.url, 'council', 'openVote', { meetingId: meeting.meetingId, itemId, secret: true }, 'demo-staff')
      for (const m of members) expect((await gateway(stack.url, 'council', 'castVote', { meetingId: meeting.meetingId, itemId, memberId: m.memberId, choice: 'yes' }, 'demo-staff')).ok).toBe(true)
      const closed = (await gateway(stack.url, 'council', 'closeVote', { meetingId: meeting.meetingId, itemId }, 'demo-staff')).data
      expect(closed.items[0].vote).toMatchObject({ passed: true, quorumMet: true })

      // the staff meeting mode shows the result
      await s.page.goto(`${stack.url}/#/packages/council-staff/pages/meeting/index?meetingId=${meeting.meetingId}`)
      await shown(s.page, 'council-staff-meeting').locator('.council-result').first().waitFor()
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
  }, 120_000)
})
