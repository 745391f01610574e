/**
 * Age-band quotas through the staff event editor on the H5 build: staff write a lottery course with two quotas; a
 * bad row (lower bound above the upper) is named next to the row and nothing is saved; once corrected, the course is
 * published and its quotas show on the staff event page, to residents on the event page and in the public lottery log.
 */
import type { Locator, Page } from 'playwright-core'
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { describeWithChromium, openSession, screenshot, shown, input } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'
import { docsOf } from '../functions/results'

/** A page by the root class its PageShell carries (earlier pages stay in the DOM, hidden). */
/** Taro H5 wraps an <Input className=…> in <taro-input-core class=…><input/>: fill the inner input. */

describeWithChromium('events: staff give a lottery course two age-band quotas', () => {
  let stack: Stack
  const title = `暑期课堂·小小科学家 ${Date.now().toString(36).slice(-4)}`
  const saved = async () => (await docsOf(stack.emu, 'events')).filter((e) => e.title === title)

  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('a bad quota row is named and saves nothing; corrected, the course is published with both quotas', async () => {
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/packages/events-staff/pages/editor/index?communityId=${DEMO_COMMUNITIES.zhizijie.communityId}`)
      const editor = shown(page, 'event-editor')
      await editor.getByText('名额分配').waitFor()
      // 先到先得 has no quota rows
      expect(await editor.getByText('＋ 添加年龄段名额').count()).toBe(0)

      await editor.locator('input').first().fill(title)
      await editor.locator('input').nth(1).fill('党群服务中心二楼')
      await editor.locator('textarea').first().fill('动手做小实验：彩虹、火山和会跳舞的葡萄干。')
      await editor.getByText('暑期课堂', { exact: true }).click()
      await input(editor, 'event-editor__capacity').fill('20')
      const ages = editor.locator('.event-editor__age input, input.event-editor__age')
      await ages.nth(0).fill('5')
      await ages.nth(1).fill('12')

      await editor.getByText('截止后公开抽签', { exact: true }).click()
      await editor.getByText('＋ 添加年龄段名额').click()
      await editor.getByText('＋ 添加年龄段名额').click()
      const rows = editor.locator('.event-editor__quota')
      expect(await rows.count()).toBe(2)
      await input(rows.nth(0), 'event-editor__quota-min').fill('5')
      await input(rows.nth(0), 'event-editor__quota-max').fill('8')
      await input(rows.nth(0), 'event-editor__quota-places').fill('8')
      // the second band typed the wrong way round
      await input(rows.nth(1), 'event-editor__quota-min').fill('12')
      await input(rows.nth(1), 'event-editor__quota-max').fill('9')
      await input(rows.nth(1), 'event-editor__quota-places').fill('6')

      await editor.getByText('保存', { exact: true }).click()
      await rows.nth(1).locator('.yb-field-error').filter({ hasText: '年龄段的下限不能大于上限' }).waitFor()
      expect(await rows.nth(0).locator('.yb-field-error').count()).toBe(0)
      await screenshot(page, 'events-quota-1-bad-row')
      expect(await saved()).toEqual([])

      // more places in the bands than the course has: named for the quotas as a whole, still nothing saved
      await input(rows.nth(1), 'event-editor__quota-min').fill('9')
      await input(rows.nth(1), 'event-editor__quota-max').fill('12')
      await input(rows.nth(1), 'event-editor__quota-places').fill('16')
      await editor.getByText('保存', { exact: true }).click()
      await editor
        .locator('.event-editor__quotas > .yb-field-error')
        .filter({ hasText: '各年龄段名额合计 24 个，超过了总名额 20 个' })
        .waitFor()
      expect(await saved()).toEqual([])

      // a third row added and removed again leaves the two
      await editor.getByText('＋ 添加年龄段名额').click()
      expect(await rows.count()).toBe(3)
      await rows.nth(2).getByText('删除', { exact: true }).click()
      expect(await rows.count()).toBe(2)

      await input(rows.nth(1), 'event-editor__quota-places').fill('6')
      await screenshot(page, 'events-quota-2-corrected')
      await editor.getByText('发布', { exact: true }).click()

      // published → the staff event page, which shows the quotas
      const staffPage = shown(page, 'staff-signups')
      await staffPage.getByText(title).waitFor()
      const quotas = staffPage.locator('.staff-signups__quota')
      expect(await quotas.allInnerTexts()).toEqual(['5–8 岁：保留 8 个名额', '9–12 岁：保留 6 个名额'])
      await screenshot(page, 'events-quota-3-staff-event-page')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }

    const [doc] = await saved()
    expect(doc).toMatchObject({ allocation: 'lottery', status: 'published', capacity: 20, ageMin: 5, ageMax: 12 })
    expect(doc.quotas).toEqual([
      { ageMin: 5, ageMax: 8, places: 8 },
      { ageMin: 9, ageMax: 12, places: 6 },
    ])
  })

  test('residents see the quotas on the event page and in the public lottery log', async () => {
    const [doc] = await saved()
    const s = await openSession({ openid: 'demo-resident' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/#/packages/events/pages/detail/index?eventId=${doc._id}`)
      const detail = shown(page, 'event-detail')
      await detail.locator('.event-detail__quotas').filter({ hasText: '5–8 岁 8 个，9–12 岁 6 个' }).waitFor()
      await detail.getByText('查看抽签记录').click()
      const log = shown(page, 'lottery')
      await log.getByText('尚未抽签').waitFor()
      expect(await log.locator('.lottery__quota').allInnerTexts()).toEqual([
        '5–8 岁保留 8 个名额，先在这个年龄段里抽',
        '9–12 岁保留 6 个名额，先在这个年龄段里抽',
      ])
      await screenshot(page, 'events-quota-4-lottery-log')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })
})
