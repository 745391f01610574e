/**
 * Issue 5's journey on the H5 build: a resident submits a proposal from 首页's 居民议事; staff publish it from the
 * review queue; another resident supports it and sees the count; staff answer, build a project and complete it;
 * the outcome appears in 成效清单 and in the author's inbox (我的 → 我的消息).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { ROOT, gateway, startStack, type Stack } from './helpers/stack'

/** A page by the root class its PageShell carries (earlier pages of Taro's stack stay in the DOM, hidden). */
const A = DEMO_COMMUNITIES.zhizijie.communityId

describeWithChromium('proposals: submit, publish, support, answer, project, outcome', () => {
  let stack: Stack
  const tag = Date.now().toString(36).slice(-4)
  const title = `巷口加装路灯 ${tag}`
  const description = '栀子街 12 号院和 14 号院之间的小巷晚上没有灯，老人和孩子回家看不清路。建议加装两盏路灯。'
  const outcome = '两盏 LED 路灯已亮，小巷晚上不再黑。'
  let proposalId = ''

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'cloudfunctions', 'proposals', 'index.js'))) {
      throw new Error('dist/cloudfunctions/proposals is missing: run `npm run build:cloud`')
    }
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('demo-resident submits a proposal from 首页 → 居民议事', async () => {
    const s = await openSession({ openid: 'demo-resident' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      const home = shown(page, 'home')
      await home.getByText('居民议事', { exact: true }).waitFor()
      await home.locator('.yb-proposal-card').first().waitFor()
      await home.locator('.yb-proposal-section').scrollIntoViewIfNeeded()
      await screenshot(page, 'proposals-1-home-section')
      await home.getByText('我要提建议', { exact: true }).click()

      const form = shown(page, 'proposal-submit')
      await form.getByText('问题和建议', { exact: true }).waitFor()
      await form.getByText('提交建议', { exact: true }).click() // empty: the same zod schema as the function explains
      await form.locator('.yb-field-error').first().waitFor()
      await form.locator('input').first().fill(title)
      await form.getByText('平安建设', { exact: true }).click()
      await form.locator('textarea').first().fill(description)
      await form.locator('input').nth(1).fill('12 号院东侧小巷')
      await screenshot(page, 'proposals-2-submit-form')
      await form.getByText('提交建议', { exact: true }).click()

      const detail = shown(page, 'proposal-detail')
      await detail.getByText(title).waitFor()
      await detail.getByText('待审核', { exact: true }).waitFor()
      proposalId = new URL(page.url().replace('#', '')).searchParams.get('proposalId') ?? ''
      expect(proposalId).toMatch(/^[A-Za-z0-9_-]+$/)
      await screenshot(page, 'proposals-3-submitted-pending')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('demo-staff publishes it from the review queue', async () => {
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/`)
      const home = shown(page, 'home')
      await home.getByText('议事管理', { exact: true }).click()
      const queue = shown(page, 'pstaff-queue')
      const card = queue.locator('.pstaff-queue__review').filter({ hasText: title })
      await card.waitFor()
      await screenshot(page, 'proposals-4-staff-queue')
      await card.getByText('公示', { exact: true }).click()
      await card.waitFor({ state: 'detached' })
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
    const got = await gateway(stack.url, 'proposals', 'get', { proposalId }, 'demo-guardian')
    expect(got.data).toMatchObject({ status: 'published', supportCount: 0 })
  })

  test('demo-guardian sees it on 首页, supports it and sees the count', async () => {
    const s = await openSession({ openid: 'demo-guardian' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/`)
      const home = shown(page, 'home')
      const card = home.locator('.yb-proposal-card').filter({ hasText: title })
      await card.waitFor()
      expect(await card.innerText()).toContain('征集附议')
      await card.click()
      const detail = shown(page, 'proposal-detail')
      await detail.getByText('附议（我也支持）').click()
      await detail.getByText('已附议 · 取消附议').waitFor()
      expect((await detail.locator('.proposal-detail__count').innerText()).trim()).toBe('1')
      await screenshot(page, 'proposals-5-supported')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('demo-staff answers, builds a project and completes it; the outcome is in 成效清单', async () => {
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/packages/proposals/pages/detail/index?proposalId=${proposalId}`)
      const detail = shown(page, 'proposal-detail')
      await detail.getByText('答复这条建议').click()

      const answer = shown(page, 'pstaff-answer')
      await answer.getByText('答复结果', { exact: true }).waitFor()
      await answer.getByText('已采纳', { exact: true }).click()
      await answer.locator('textarea').first().fill('采纳：下月安装两盏 LED 路灯，由社区微更新资金支付。')
      await answer.locator('input').first().fill('6000')
      await screenshot(page, 'proposals-6-answer-form')
      await answer.getByText('发送答复', { exact: true }).click()

      await detail.locator('.proposal-detail__answer').waitFor()
      await detail.getByText('立项实施').click()
      const editor = shown(page, 'pstaff-project')
      await editor.getByText('来自这些已采纳的建议').waitFor()
      await editor.locator('input').nth(1).fill('社区居委会 · 张社工')
      await editor.getByText('立项', { exact: true }).click()
      await editor.getByText('记录进展', { exact: true }).first().waitFor()
      await editor.locator('textarea').first().fill('灯杆已立好，等待通电。')
      await editor.getByText('60%', { exact: true }).click()
      await editor.locator('.yb-btn').filter({ hasText: '记录进展' }).click()
      await editor.getByText('进度 60%', { exact: false }).waitFor()
      await editor.locator('textarea').nth(1).fill(outcome)
      await screenshot(page, 'proposals-7-project-editor')
      await editor.getByText('完成项目，记录成效').click()
      await page.locator('.taro__modal').getByText('完成', { exact: true }).click()
      await editor.getByText(`成效：${outcome}`).waitFor()

      await editor.getByText('查看三张清单').click()
      const lists = shown(page, 'proposal-lists')
      const card = lists.locator('.proposal-lists__outcome').filter({ hasText: outcome })
      await card.waitFor()
      expect(await card.innerText()).toContain(`源自建议：${title}`)
      await screenshot(page, 'proposals-8-outcomes-list')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('the author finds the answer and the outcome in 我的 → 我的消息', async () => {
    // receipts to the author and supporters go through the fan-out queue, drained by its timer (0010): drain it now
    await stack.emu.fireTrigger('events', 'fanout')
    const s = await openSession({ openid: 'demo-resident' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/pages/me/index`)
      await shown(page, 'me').getByText('我的消息', { exact: true }).click()
      const inbox = shown(page, 'proposal-inbox')
      const done = inbox.locator('.proposal-inbox__item').filter({ hasText: '你关注的建议已办结' }).filter({ hasText: title })
      await done.waitFor()
      expect(await done.innerText()).toContain(outcome)
      await inbox.locator('.proposal-inbox__item').filter({ hasText: '建议有了答复：已采纳' }).filter({ hasText: title }).waitFor()
      await screenshot(page, 'proposals-9-author-inbox')
      await done.click()
      const detail = shown(page, 'proposal-detail')
      await detail.locator('.proposal-detail__status').getByText('已完成', { exact: true }).waitFor()
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })
})
