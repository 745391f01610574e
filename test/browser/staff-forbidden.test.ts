/**
 * Staff of 新华社区 (demo-staff-xinhua) cannot reach 栀子街社区's staff pages: every one of them shows 无权限 and
 * never the editor or the community's drafts — while their own community's staff pages work.
 */
import type { Page } from 'playwright-core'
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { describeWithChromium, openSession, screenshot, type Session } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

/** The page Taro H5 shows after a full load of a deep link (a single page in the stack). */
const current = (page: Page) => page.locator('.yb-page').filter({ visible: true })
const ZHIZIJIE = DEMO_COMMUNITIES.zhizijie.communityId
const XINHUA = DEMO_COMMUNITIES.xinhua.communityId

describeWithChromium('staff pages of another community', () => {
  let stack: Stack
  let s: Session & { errors: string[] }
  let draft: { noticeId: string; title: string }

  beforeAll(async () => {
    stack = await startStack()
    // A zhizijie draft, made by zhizijie's own staff: the other community's staff must never see it.
    const created = await gateway(
      stack.url,
      'notices',
      'create',
      { communityId: ZHIZIJIE, title: '栀子街内部草稿：下周停水安排', body: '草稿，仅本社区工作人员可见。', category: '通知' },
      'demo-staff',
    )
    expect(created.ok).toBe(true)
    draft = { noticeId: created.data.noticeId, title: created.data.title }
    s = await openSession({ openid: 'demo-staff-xinhua' })
  })
  afterAll(async () => {
    await s?.close()
    await stack?.stop()
  })

  const pages = [
    { name: 'notice list', hash: `#/packages/staff/pages/notices/index?communityId=${ZHIZIJIE}` },
    { name: 'new-notice editor', hash: `#/packages/staff/pages/editor/index?communityId=${ZHIZIJIE}` },
    {
      name: 'editor of a zhizijie draft',
      hash: () => `#/packages/staff/pages/editor/index?communityId=${ZHIZIJIE}&noticeId=${draft.noticeId}`,
    },
    { name: 'QR poster', hash: `#/packages/staff/pages/poster/index?communityId=${ZHIZIJIE}` },
    { name: 'event management', hash: `#/packages/events-staff/pages/list/index?communityId=${ZHIZIJIE}` },
    { name: 'proposal review queue', hash: `#/packages/proposals-staff/pages/queue/index?communityId=${ZHIZIJIE}` },
    { name: 'council management', hash: `#/packages/council-staff/pages/index/index?communityId=${ZHIZIJIE}` },
  ]

  test.each(pages.map((p, i) => [p.name, i] as const))('%s shows 无权限', async (_name, i) => {
    const p = pages[i]
    const { page } = s
    await page.goto('about:blank') // a full load each time, as when a link is opened
    await page.goto(`${stack.url}/${typeof p.hash === 'function' ? p.hash() : p.hash}`)
    const shown = current(page)
    await shown.getByText('无权限', { exact: true }).waitFor()
    const text = await shown.innerText()
    expect(text).not.toContain(draft.title)
    expect(text).not.toContain('新建通知')
    expect(text).not.toContain('发布时间')
    expect(await shown.locator('input, textarea').count()).toBe(0)
    // a refusal offers nothing to tap (no 新建活动, no 本月课程)
    expect(await shown.locator('.yb-btn').count()).toBe(0)
    await screenshot(page, `forbidden-${i + 1}-${p.name.replace(/\s+/g, '-')}`)
  })

  test('their own community still works (control)', async () => {
    const { page } = s
    await page.goto('about:blank')
    await page.goto(`${stack.url}/#/packages/staff/pages/notices/index?communityId=${XINHUA}`)
    const shown = current(page)
    await shown.getByText('新建通知').waitFor()
    expect(await shown.innerText()).toContain('新华社区')
    await screenshot(page, 'forbidden-5-own-community-control')
    expect(s.errors).toEqual([])
  })
})
