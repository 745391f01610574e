/**
 * Issue 13's journeys on the H5 build: staff open 工作台 from 首页 (the badge counts the to-dos), tap a proposal waiting
 * for review, publish it where it is done, and come back to a list without it; the district admin opens 全区对比 and
 * compares the communities on a bar chart, then reads the same figures as a table.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describeWithChromium, openSession, screenshot, shown } from './helpers/browser'
import { ROOT, startStack, type Stack } from './helpers/stack'

describeWithChromium('workbench: staff act on a to-do; the district admin compares communities', () => {
  let stack: Stack

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'cloudfunctions', 'insights', 'index.js'))) {
      throw new Error('dist/cloudfunctions/insights is missing: run `npm run build:cloud`')
    }
    stack = await startStack()
    const rolled = await stack.emu.fireTrigger('insights', 'rollup')
    expect(rolled).toMatchObject({ ok: true })
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('demo-staff opens 工作台 from 首页, taps a proposal waiting for review and publishes it', async () => {
    const s = await openSession({ openid: 'demo-staff' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      const home = shown(page, 'home')
      const entry = home.locator('.workbench-entry')
      await entry.waitFor()
      await entry.locator('.workbench-entry__badge').waitFor() // the count of to-dos
      expect(await entry.getAttribute('aria-label')).toMatch(/^工作台，\d+ 项待办$/)
      await entry.click()

      const bench = shown(page, 'workbench')
      const reviewTag = page.locator('.yb-tag', { hasText: /^建议待审核$/ }) // not 儿童建议待审核
      const review = bench.locator('.workbench__todo').filter({ has: reviewTag }).first()
      await review.waitFor()
      await screenshot(page, 'workbench-1-todos')
      const title = (await review.locator('.workbench__title').innerText()).trim()
      expect(title.length).toBeGreaterThan(0)
      // nearest deadline first: every dated item comes before the undated review
      const labels = await bench.locator('.workbench__todo').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
      const dated = /\d+月\d+日 \d\d:\d\d 前/
      const firstUndated = labels.findIndex((l) => !dated.test(l))
      expect(labels.slice(firstUndated).some((l) => dated.test(l))).toBe(false)
      await review.click()

      const queue = shown(page, 'pstaff-queue')
      const card = queue.locator('.pstaff-queue__review').filter({ hasText: title })
      await card.waitFor()
      await card.getByText('公示', { exact: true }).click()
      await card.waitFor({ state: 'detached' })
      await screenshot(page, 'workbench-2-published')

      await page.goBack()
      const back = shown(page, 'workbench')
      await back.locator('.workbench__todo').first().waitFor()
      await back.locator('.workbench__todo').filter({ hasText: title }).filter({ has: reviewTag }).waitFor({ state: 'detached' })
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('demo-admin compares the communities on a chart, then as a table', async () => {
    const s = await openSession({ openid: 'demo-admin' })
    try {
      const { page } = s
      await page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      const home = shown(page, 'home')
      await home.locator('.workbench-entry').click()
      const bench = shown(page, 'workbench')
      await bench.getByText('全区对比', { exact: true }).click()

      const insights = shown(page, 'insights')
      const chart = insights.locator('.bar-chart').filter({ hasText: '各社区举办场次' })
      await chart.waitFor()
      await chart.locator('.bar-chart__row').filter({ hasText: '栀子街社区' }).waitFor()
      await chart.locator('.bar-chart__row').filter({ hasText: '新华社区' }).waitFor()
      const summary = (await chart.locator('.bar-chart__summary').innerText()).trim()
      expect(summary).toMatch(/^各社区举办场次，共 \d+ 项：最高是.+，最低是.+。$|暂无数据|少于 5/)
      await screenshot(page, 'workbench-3-district-chart')

      await chart.getByText('看表格', { exact: true }).click()
      const table = chart.locator('.bar-chart__table')
      await table.waitFor()
      await table.locator('.bar-chart__tr').filter({ hasText: '新华社区' }).waitFor()
      await screenshot(page, 'workbench-4-district-table')
      // a figure's definition under it on tap
      const figure = insights.locator('.insights__figure').filter({ hasText: '举办场次' }).first()
      await figure.click()
      await figure.locator('.insights__definition').waitFor()
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })
})
