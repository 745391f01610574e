/**
 * Issue 4's journey on the H5 build: a guardian signs their child up for a course from 首页 and sees 已报名; another
 * resident gets 候补第 1 位; the guardian gives the place back and the resident is promoted (and told in the inbox).
 */
import type { Page } from 'playwright-core'
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'
import { docsOf } from '../functions/results'

/** A page by the root class its PageShell carries (earlier pages stay in the DOM, hidden). */
const status = (page: Page) => shown(page, 'event-detail').locator('.event-detail__status')

describeWithChromium('events: a guardian signs a child up, a neighbour waits, a cancellation promotes', () => {
  let stack: Stack
  let eventId = ''
  const title = `亲子手工课·剪纸 ${Date.now().toString(36).slice(-4)}`

  beforeAll(async () => {
    stack = await startStack()
    // Staff publish a one-place family course starting in a few hours (so it is first on 首页).
    const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
    const created = await gateway(
      stack.url,
      'events',
      'create',
      {
        communityId: DEMO_COMMUNITIES.zhizijie.communityId,
        title,
        description: '家长和孩子一起剪窗花，材料社区准备。',
        category: '课程',
        place: '社区书画室',
        startAt: iso(5 * 3600_000),
        endAt: iso(7 * 3600_000),
        capacity: 1,
        signupOpensAt: iso(-60_000),
        signupClosesAt: iso(4 * 3600_000),
        allocation: 'first_come',
        openTo: 'residents',
      },
      'demo-staff',
    )
    expect(created.ok).toBe(true)
    eventId = created.data.eventId
    expect((await gateway(stack.url, 'events', 'publish', { eventId }, 'demo-staff')).ok).toBe(true)
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('demo-guardian finds the course on 首页 and signs 小明 up → 已报名', async () => {
    const s = await openSession({ openid: 'demo-guardian' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/`)
      const home = shown(page, 'home')
      const card = home.locator('.yb-event-card').filter({ hasText: title })
      await card.waitFor()
      expect(await card.innerText()).toContain('剩 1 个名额')
      await screenshot(page, 'events-1-home-section')
      await card.click()
      const detail = shown(page, 'event-detail')
      await detail.getByText('为 小明 报名（11 岁）').click()
      await status(page).filter({ hasText: '已报名' }).waitFor()
      expect(await detail.innerText()).toContain('小明')
      expect(await detail.innerText()).toContain('已满 1 人')
      await screenshot(page, 'events-2-guardian-signed-up-child')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('demo-resident signs up too → 候补第 1 位', async () => {
    const s = await openSession({ openid: 'demo-resident' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/packages/events/pages/detail/index?eventId=${eventId}`)
      const detail = shown(page, 'event-detail')
      await detail.getByText('名额已满，报名后进入候补').waitFor()
      await detail.getByText('为自己报名').click()
      await status(page).filter({ hasText: '候补第 1 位' }).waitFor()
      await screenshot(page, 'events-3-resident-waitlisted')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('the guardian gives the place back; the resident is promoted to 已报名 and told', async () => {
    const g = await openSession({ openid: 'demo-guardian' })
    try {
      const { page } = g
      await page.goto(`${stack.url}/#/packages/events/pages/detail/index?eventId=${eventId}`)
      const detail = shown(page, 'event-detail')
      await status(page).filter({ hasText: '已报名' }).waitFor()
      await detail.getByText('取消报名', { exact: true }).click()
      await page.locator('.taro__modal .taro-model__confirm').getByText('取消报名', { exact: true }).click()
      await status(page).filter({ hasText: '已取消' }).waitFor()
      await screenshot(page, 'events-4-guardian-cancelled')
      expect(g.errors).toEqual([])
    } finally {
      await g.close()
    }

    const r = await openSession({ openid: 'demo-resident' })
    try {
      const { page } = r
      await page.goto(`${stack.url}/#/packages/events/pages/tickets/index`)
      const row = shown(page, 'tickets').locator('.tickets__row').filter({ hasText: title })
      await row.waitFor()
      expect(await row.innerText()).toContain('已报名')
      await row.click()
      await status(page).filter({ hasText: '已报名' }).waitFor()
      expect(await shown(page, 'event-detail').innerText()).toContain('出示票码')
      await screenshot(page, 'events-5-resident-promoted')
      expect(r.errors).toEqual([])
    } finally {
      await r.close()
    }
    const inbox = (await docsOf(stack.emu, 'inbox')).filter((m) => m.kind === 'event.promoted' && m.page.includes(eventId))
    expect(inbox.map((m: any) => m.openid)).toEqual(['demo-resident'])
  })
})
