/**
 * Issue 14, Builds 4 and 5 on the H5 build: 我的孩子 is its own entry in 我的; the council enrolment form has one
 * primary button that does what it says once consent is ticked; a linked child's home is a child's (the council,
 * events for their age — no 我要提建议, 长辈版 or 输入绑定码); an adult on a children's event is told to sign a child
 * up and shown how to add one; an input error is the server's words at its field; a non-member gets a join button.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { DEMO_EVENT_IDS } from '../../scripts/seed-demo-events'
import { demoTitles } from '../../scripts/seed-demo-clock'
import { describeWithChromium, enabled, input, openSession, screenshot, shown } from './helpers/browser'
import { gateway, startStack, type Stack } from './helpers/stack'

const A = DEMO_COMMUNITIES.zhizijie.communityId

describeWithChromium('guardians and children; errors that say what to do', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  test('我的孩子 from 我的, then enrolment with one button that does what it says', async () => {
    const g = await openSession({ openid: 'demo-guardian' })
    try {
      await g.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(g.page, 'home').getByText('儿童议事会').first().waitFor()
      await g.page.locator('.taro-tabbar__tabbar').getByText('我的').click()
      const me = shown(g.page, 'me')
      await me.locator('.me__children').getByText('我的孩子').click()
      const kids = shown(g.page, 'profile-children')
      await kids.getByText('添加孩子').click()
      await input(kids, 'child-alias').fill('小兰')
      await input(kids, 'child-birth-year').fill(String(new Date().getFullYear() - 9))
      await kids.locator('.child-add-save').click()
      await kids.locator('.children-card__child').filter({ hasText: '小兰 · 9岁' }).waitFor()
      await screenshot(g.page, 'guardian-1-my-children')
      // 编辑资料 is the profile only
      await g.page.goto(`${stack.url}/#/packages/profile/pages/edit/index`)
      await shown(g.page, 'profile-edit').getByText('昵称').waitFor()
      await expect(shown(g.page, 'profile-edit').locator('.children-card__child').count()).resolves.toBe(0)

      // the council: 小兰 (added, not yet enrolled) is chosen; ONE primary button, below the consent box
      await g.page.goto(`${stack.url}/#/packages/council/pages/index/index?communityId=${A}`)
      const council = shown(g.page, 'council')
      await council.locator('.council-apply-btn').click()
      const form = council.locator('.council-apply')
      await expect(form.locator('.yb-btn--primary').count()).resolves.toBe(1)
      const submit = form.locator('.council-apply-submit')
      await expect(submit.innerText()).resolves.toContain('同意并为小兰报名')
      // not ticked yet: told so at the consent box, nothing written
      await submit.click()
      await form.locator('.council-consent-error').getByText('同意').waitFor()
      // a new child with nothing filled in: told at each field (not 填写的内容有误)
      await form.locator('.council-apply-new').click()
      await form.locator('.council-consent').click()
      await submit.click()
      await form.locator('.yb-field-error').getByText('请填写称呼').waitFor()
      await form.locator('.yb-field-error').getByText('请填写孩子的出生年份').waitFor()
      expect(await form.innerText()).not.toContain('填写的内容有误')
      // back to 小兰, consent ticked: the one button enrols her
      await form.locator('.council-apply-child').filter({ hasText: '小兰（9岁）' }).click()
      await screenshot(g.page, 'guardian-2-enrol-one-button')
      await submit.click()
      await council.locator('.council-member').filter({ hasText: '小兰' }).waitFor()
      const members = (await gateway(stack.url, 'council', 'members', { communityId: A }, 'demo-staff')).data.all
      expect(members.filter((m: any) => m.alias === '小兰')).toHaveLength(1)
      expect(g.errors).toEqual([])
    } finally {
      await g.close()
    }
  })

  test('a linked child’s home is a child’s', async () => {
    const k = await openSession({ openid: 'demo-child' })
    try {
      await k.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      const home = shown(k.page, 'home')
      await home.getByText('小明，你好').waitFor()
      await home.getByText('儿童议事会').first().waitFor()
      await home.getByText(demoTitles(new Date()).scienceClass).waitFor()
      await screenshot(k.page, 'child-home')
      const text = await home.innerText()
      expect(text).not.toContain('我要提建议')
      expect(text).not.toContain('长辈版')
      expect(text).not.toContain('输入绑定码')
      expect(text).not.toContain('书法班') // 18+
      expect(k.errors).toEqual([])
    } finally {
      await k.close()
    }
  })

  test('an adult on a children’s event is told to sign a child up, and how to add one', async () => {
    const r = await openSession({ openid: 'demo-resident' })
    try {
      await r.page.goto(`${stack.url}/?scene=c%3Dzhizijie`)
      await shown(r.page, 'home').getByText('社区通知').waitFor()
      await r.page.goto(`${stack.url}/#/packages/events/pages/detail/index?eventId=${DEMO_EVENT_IDS.summer}`)
      const detail = shown(r.page, 'event-detail')
      await detail.locator('.event-for-children').getByText('这是儿童活动，请为孩子报名').waitFor()
      await expect(detail.getByText('为自己报名').count()).resolves.toBe(0)
      await screenshot(r.page, 'adult-on-children-event')
      await detail.locator('.event-add-child').click()
      await shown(r.page, 'profile-children').locator('.children-card__add').waitFor()
      expect(r.errors).toEqual([])
    } finally {
      await r.close()
    }
  })

  test('an input error is the server’s words at its field; the free topic clears after adding', async () => {
    const meeting = await gateway(
      stack.url,
      'council',
      'createMeeting',
      { communityId: A, title: '冬季议事会', startsAt: new Date(Date.now() + 86400_000).toISOString(), place: '院坝' },
      'demo-staff',
    )
    expect(meeting.ok).toBe(true)
    const s = await openSession({ openid: 'demo-staff' })
    try {
      await s.page.goto(`${stack.url}/#/packages/council-staff/pages/meeting/index?meetingId=${meeting.data.meetingId}`)
      const mode = shown(s.page, 'council-staff-meeting')
      await enabled(mode, '.council-add-free').click()
      await mode.locator('.yb-field-error').getByText('请填写议题').waitFor()
      expect(await mode.innerText()).not.toContain('填写的内容有误')
      await input(mode, 'council-free-title').fill('滑梯边装个遮阳棚')
      await enabled(mode, '.council-add-free').click()
      await mode.getByText('滑梯边装个遮阳棚').first().waitFor()
      await expect(input(mode, 'council-free-title').inputValue()).resolves.toBe('')
      await expect(mode.locator('.yb-field-error').count()).resolves.toBe(0)
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  test('a non-member on a community’s home gets a join button, not a refusal', async () => {
    const n = await openSession({ openid: 'demo-newcomer' })
    try {
      await n.page.goto(`${stack.url}/#/pages/home/index?communityId=${A}`)
      const home = shown(n.page, 'home')
      const join = home.locator('.home-join-btn')
      await join.getByText('加入栀子街社区').waitFor()
      expect(await home.innerText()).not.toContain('无权限')
      await screenshot(n.page, 'non-member-home')
      await join.click()
      await home.getByText('社区通知').waitFor()
      expect(n.errors).toEqual([])
    } finally {
      await n.close()
    }
  })
})
