/**
 * Meeting mode keeps what staff type and switch per agenda item: each item has its own 决定 draft and its own 不记名
 * switch. Typing a decision on item 1 leaves item 2's field empty; 记录决定 shows item 1's 📌 decision and leaves
 * item 2's field empty; 不记名 on one item does not switch another's. (Once there was one draft and one switch for the
 * whole agenda: every item's field showed the same text, and the last decision stayed in the next item's field.)
 * The meeting — two 自由议题, published — is set up through the functions' gateway; the rest is tapped on the page.
 */
import type { Locator } from 'playwright-core'
import { describeWithChromium, enabled, input, openSession, shown } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

const A = 'community-zhizijie'
const STAFF = 'demo-staff'

/** Whether an item's 不记名 switch is on (Taro H5's <Switch> is a custom element around a checkbox). */
const secretOn = (item: Locator) => item.locator('.council-secret input[type="checkbox"]').isChecked()

describeWithChromium('meeting mode: each agenda item has its own 决定 draft and 不记名 switch', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('a decision typed or recorded on one item, or 不记名 switched on it, leaves the other item as it was', async () => {
    const call = async (action: string, body: unknown) => {
      const res = await gateway(stack.url, 'council', action, body, STAFF)
      expect(res).toMatchObject({ ok: true })
      return res.data
    }
    const startsAt = new Date(Date.now() + 2 * 3600_000).toISOString()
    const { meetingId } = await call('createMeeting', { communityId: A, title: '草稿议事会', startsAt, place: '院坝' })
    await call('addAgendaItem', { meetingId, title: '院坝的长椅', durationMinutes: 10 })
    await call('addAgendaItem', { meetingId, title: '楼道的灯', durationMinutes: 10 })
    await call('publishAgenda', { meetingId })

    const s = await openSession({ openid: STAFF })
    try {
      await s.page.goto(`${stack.url}/#/packages/council-staff/pages/meeting/index?meetingId=${meetingId}`)
      const mode = shown(s.page, 'council-staff-meeting')
      const first = mode.locator('.council-staff-item').filter({ hasText: '院坝的长椅' })
      const second = mode.locator('.council-staff-item').filter({ hasText: '楼道的灯' })
      const firstDecision = input(first, 'council-decision-input')
      const secondDecision = input(second, 'council-decision-input')
      await firstDecision.waitFor()
      await secondDecision.waitFor()

      // 决定: typed on item 1, item 2's field stays empty (the page's state is committed before fill() returns: an
      // input event is a discrete update, which React renders in the microtask after the event)
      await firstDecision.fill('长椅下个月刷漆')
      await expect(firstDecision.inputValue()).resolves.toBe('长椅下个月刷漆')
      await expect(secondDecision.inputValue()).resolves.toBe('')

      // 记录决定 on item 1: its 📌 decision shows instead of its field, and item 2's field is still empty
      await enabled(first, '.council-decide').click()
      await first.getByText('📌 长椅下个月刷漆').waitFor()
      await expect(first.locator('.council-decision-input').count()).resolves.toBe(0)
      await expect(secondDecision.inputValue()).resolves.toBe('')

      // 不记名: switched on item 2, item 1 stays as it was (its vote is still to open: it has a decision, no vote)
      expect(await secretOn(first)).toBe(false)
      expect(await secretOn(second)).toBe(false)
      await second.locator('.council-secret').click()
      await second.locator('.council-secret input[type="checkbox"]:checked').waitFor()
      expect(await secretOn(first)).toBe(false)

      // and item 2's switch is what its vote opens with: 投票中（不记名） on item 2 only
      await enabled(second, '.council-open-vote').click()
      await second.getByText('投票中（不记名）').waitFor()
      expect(await secretOn(first)).toBe(false)
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })
})
