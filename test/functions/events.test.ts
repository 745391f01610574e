/**
 * events through the real SDK on the emulator: the seeded demo, the staff → resident → guardian journey, the waitlist
 * and its promotion, check-in (ticket and venue code), no-shows, ratings and the adjustment task, the Excel export,
 * cancelling an event, 代报名, reminders, and what people are told (inbox + subscribe messages within field limits).
 */
import ExcelJS from 'exceljs'
import { z } from 'zod'
import {
  COLLECTIONS,
  cancelSignupOutput,
  checkInAtVenueOutput,
  checkInOutput,
  eventViewSchema,
  exportOutput,
  listEventsOutput,
  listForStaffOutput,
  listSignupsOutput,
  monthOverviewOutput,
  mySignupsOutput,
  rateOutput,
  seriesViewSchema,
  signupResultSchema,
  tasksOutput,
  ticketOutput,
  venuePosterOutput,
  type EventView,
} from '../../types/index'
import { DEMO_EVENT_IDS, DEMO_SERIES_IDS } from '../../scripts/seed-demo-events'
import { addEvent, addSignup, countersAndRecords, endedAnHourAgo, inCheckInWindow, monthOf } from './events-fixtures'
import { A, B, expectError, expectOk, startHarness, type Harness } from './harness'
import { asEnvelope, docsOf, sentMessages } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
const thisYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()))
const as = (openid: string) => (action: string, input: unknown) => h.call('events', action, input, openid)
const staff = as('demo-staff')
const resident = as('demo-resident')
const guardian = as('demo-guardian')
const CHILD = 'child-demo-child' // 小明, 11, demo-guardian's child
const get = async (openid: string, eventId: string): Promise<EventView> => expectOk(await as(openid)('get', { eventId }), eventViewSchema)
const inbox = async (kind: string, eventId: string) =>
  (await docsOf(h.emu, COLLECTIONS.inbox)).filter((m) => m.kind === kind && m.page.includes(eventId))
const outbox = async (eventId: string) => (await sentMessages(h.emu)).filter((m) => String(m.page).includes(eventId))

async function newCourse(fields: Record<string, unknown> = {}): Promise<string> {
  const created = expectOk(
    await staff('create', {
      communityId: A,
      title: '暑期课堂·小小科学家：水火箭、彩虹实验与简易电路（第二期）',
      description: '大学生志愿者带孩子做实验。',
      category: '暑期课堂',
      place: '党群服务中心二楼',
      startAt: iso(3 * DAY),
      endAt: iso(3 * DAY + 2 * HOUR),
      capacity: 2,
      signupOpensAt: iso(-MIN),
      signupClosesAt: iso(2 * DAY),
      allocation: 'first_come',
      openTo: 'residents',
      ageMin: 5,
      ageMax: 12,
      ...fields,
    }),
    eventViewSchema,
  )
  expect(created).toMatchObject({ status: 'draft', phase: 'draft', viewer: { canManage: true, canPublish: true } })
  expectOk(await staff('publish', { eventId: created.eventId }), eventViewSchema)
  return created.eventId
}

describe('the seeded demo', () => {
  it('residents see the community’s published events with their own status; drafts and other communities stay out', async () => {
    const { events } = expectOk(await resident('list', { communityId: A }), listEventsOutput)
    const byId = new Map(events.map((e) => [e.eventId, e]))
    expect(byId.has(DEMO_EVENT_IDS.draft)).toBe(false)
    expect(byId.has(DEMO_EVENT_IDS.xinhua)).toBe(false)
    expect(byId.get(DEMO_EVENT_IDS.movie)!.mine).toMatchObject([{ status: 'confirmed', kind: 'self', ticketCode: expect.any(String) }])
    expect(byId.get(DEMO_EVENT_IDS.summer)).toMatchObject({
      capacity: 20,
      counts: { confirmed: 20, waitlisted: 3, remaining: 0 },
      ageMin: 6,
      ageMax: 12,
    })
    const lottery = byId.get(DEMO_EVENT_IDS.lottery)!
    expect(lottery).toMatchObject({ allocation: 'lottery', phase: 'open', counts: { registered: 14 } })
    expect(lottery.lottery).toMatchObject({
      seed: null,
      drawnAt: null,
      registrations: 14,
      seedCommitment: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(byId.get(DEMO_EVENT_IDS.phone1)!.seriesTitle).toBe('院落大学·智能手机课')
    expect(byId.get(DEMO_EVENT_IDS.zongzi)).toMatchObject({ phase: 'ended', rating: { count: 3, average: 4.33 } })
    // open ones first
    expect(events[0].phase).toBe('open')
    expect(events[events.length - 1].phase).toBe('ended')
    for (const e of events) expect(e.viewer.canManage).toBe(false)
  })
  it('the demo’s counters equal its records', async () => {
    for (const eventId of Object.values(DEMO_EVENT_IDS)) {
      const { counters, records } = await countersAndRecords(h, eventId)
      expect({ eventId, ...counters }).toEqual({ eventId, ...records })
    }
  })
  it('staff see drafts, series and open tasks; the ended 包粽子 afternoon can be rated by 王阿姨, who came', async () => {
    const staffList = expectOk(await staff('listForStaff', { communityId: A }), listForStaffOutput)
    expect(staffList.events.map((e) => e.eventId)).toContain(DEMO_EVENT_IDS.draft)
    expect(staffList.series.map((s) => s.seriesId).sort()).toEqual([DEMO_SERIES_IDS.calligraphy, DEMO_SERIES_IDS.phone].sort())
    const zongzi = await get('demo-resident', DEMO_EVENT_IDS.zongzi)
    expect(zongzi.mine).toMatchObject([{ checkedIn: true, rated: false, canRate: true }])
    const calligraphy = await get('demo-resident', DEMO_EVENT_IDS.calligraphy)
    expect(calligraphy.seriesNote).toMatch(/^我们改进了/)
  })
  it('residents of another community are refused A’s events; an `anyone` event is open to them', async () => {
    expectError(await as('test-resident-xinhua')('get', { eventId: DEMO_EVENT_IDS.movie }), 'AUTH.FORBIDDEN')
    expectError(await as('test-resident-xinhua')('signUp', { eventId: DEMO_EVENT_IDS.movie }), 'AUTH.FORBIDDEN')
    const phone = await get('test-resident-xinhua', DEMO_EVENT_IDS.phone2)
    expect(phone.viewer.canSignUp).toBe(true)
    const { events } = expectOk(await as('test-resident-xinhua')('list', { communityId: A }), listEventsOutput)
    expect(events.every((e) => e.openTo === 'anyone')).toBe(true)
    expect(events.length).toBeGreaterThan(0)
    expect(((await as('test-resident-xinhua')('list', { communityId: B })) as any).ok).toBe(true)
  })
})

describe('signing up: self, a child, the waitlist, and FIFO promotion', () => {
  it('guardian signs 小明 up, then another resident, then the waitlist; a freed place goes to the first waiting', async () => {
    const eventId = await newCourse()
    // 小明 (11) fits 5–12; his guardian himself does not (children-only band)
    const child = expectOk(await guardian('signUp', { eventId, participantId: CHILD }), signupResultSchema)
    expect(child).toMatchObject({ status: 'confirmed', kind: 'child', displayName: '小明', position: null, created: true })
    expectError(await guardian('signUp', { eventId }), 'EVENT.AGE_OUT_OF_RANGE')
    // a repeated tap returns the same sign-up
    expect(expectOk(await guardian('signUp', { eventId, participantId: CHILD }), signupResultSchema)).toMatchObject({
      signupId: child.signupId,
      created: false,
      status: 'confirmed',
    })
    // someone else's child, or a child's own account: refused
    expectError(await resident('signUp', { eventId, participantId: CHILD }), 'AUTH.FORBIDDEN')
    expectError(await as('demo-child')('signUp', { eventId }), 'AUTH.FORBIDDEN')

    // add a child for demo-resident through communities.addChild, then fill the course
    const kid = expectOk(
      await h.call('communities', 'addChild', { communityId: A, alias: '豆豆', birthYear: thisYear() - 7 }, 'demo-resident'),
    ) as any
    const second = expectOk(await resident('signUp', { eventId, participantId: kid.childId }), signupResultSchema)
    expect(second.status).toBe('confirmed')
    const staffKid = expectOk(
      await h.call('communities', 'addChild', { communityId: A, alias: '乐乐', birthYear: thisYear() - 9 }, 'demo-staff'),
    ) as any
    const third = expectOk(await staff('signUp', { eventId, participantId: staffKid.childId }), signupResultSchema)
    expect(third).toMatchObject({ status: 'waitlisted', position: 1 })

    let view = await get('demo-staff', eventId)
    expect(view.counts).toMatchObject({ confirmed: 2, waitlisted: 1, remaining: 0 })
    expect(view.mine).toMatchObject([{ status: 'waitlisted', position: 1, ticketCode: null }])

    // the guardian gives 小明's place back → 乐乐 is promoted in the same transaction and told
    const cancelled = expectOk(await guardian('cancel', { eventId, participantId: CHILD }), cancelSignupOutput)
    expect(cancelled).toMatchObject({ signup: { status: 'cancelled' }, promoted: true })
    expect(expectOk(await guardian('cancel', { eventId, participantId: CHILD }), cancelSignupOutput)).toMatchObject({ promoted: false })
    view = await get('demo-staff', eventId)
    expect(view.mine).toMatchObject([{ status: 'confirmed', position: null, ticketCode: expect.stringMatching(/^[A-Z0-9]{10}$/) }])
    expect(view.counts).toMatchObject({ confirmed: 2, waitlisted: 0 })
    const told = await inbox('event.promoted', eventId)
    expect(told.map((m: any) => m.openid)).toEqual(['demo-staff'])
    const sent = await outbox(eventId)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      touser: 'demo-staff',
      templateId: 'yuanba-tmpl-signup-result',
      data: { phrase2: { value: '候补转正' } },
    })
    expect([...sent[0].data.thing1.value].length).toBeLessThanOrEqual(20) // the long title was cut, the send did not fail
    const { counters, records } = await countersAndRecords(h, eventId)
    expect(counters).toEqual(records)

    // 小明 can sign up again: at the back of the queue
    expect(expectOk(await guardian('signUp', { eventId, participantId: CHILD }), signupResultSchema)).toMatchObject({
      status: 'waitlisted',
      position: 1,
      created: true,
    })
  })

  it('the cancellation deadline: a confirmed place cannot be given back after it; a waitlist spot can', async () => {
    const eventId = await addEvent(h, { capacity: 1, cancelBefore: new Date(Date.now() - MIN), signupOpensAt: new Date(Date.now() - DAY) })
    await addSignup(h, eventId, { participantId: 'demo-resident' })
    await addSignup(h, eventId, { participantId: 'demo-guardian', status: 'waitlisted', confirmedAt: null })
    expectError(await resident('cancel', { eventId }), 'EVENT.CANCEL_DEADLINE_PASSED')
    expect(expectOk(await guardian('cancel', { eventId }), cancelSignupOutput)).toMatchObject({
      signup: { status: 'cancelled' },
      promoted: false,
    })
  })

  it('windows: before opening and after closing, sign-up is refused', async () => {
    const early = await addEvent(h, { signupOpensAt: new Date(Date.now() + HOUR) })
    expectError(await resident('signUp', { eventId: early }), 'EVENT.SIGNUP_NOT_OPEN')
    const late = await addEvent(h, { signupOpensAt: new Date(Date.now() - DAY), signupClosesAt: new Date(Date.now() - MIN) })
    expectError(await resident('signUp', { eventId: late }), 'EVENT.SIGNUP_CLOSED')
    const draft = await addEvent(h, { status: 'draft' })
    expectError(await resident('signUp', { eventId: draft }), 'EVENT.NOT_FOUND')
    expectError(await resident('get', { eventId: draft }), 'EVENT.NOT_FOUND')
    expectError(await resident('signUp', { eventId: 'no-such-event' }), 'EVENT.NOT_FOUND')
  })

  it('raising the capacity confirms people from the waitlist in order; lowering it below the places given is refused', async () => {
    const eventId = await addEvent(h, { capacity: 1 })
    for (const p of ['demo-resident', 'demo-guardian', 'demo-staff']) expectOk(await as(p)('signUp', { eventId }))
    expectError(await staff('update', { eventId, capacity: 0 }), 'INPUT.INVALID')
    expectError(await staff('update', { eventId, allocation: 'lottery' }), 'EVENT.INVALID_STATE')
    const raised = expectOk(await staff('update', { eventId, capacity: 2, place: '院坝（改到 14 号）' }), eventViewSchema)
    expect(raised).toMatchObject({ capacity: 2, place: '院坝（改到 14 号）', counts: { confirmed: 2, waitlisted: 1 } })
    expect((await get('demo-guardian', eventId)).mine[0]).toMatchObject({ status: 'confirmed' })
    expect((await get('demo-staff', eventId)).mine[0]).toMatchObject({ status: 'waitlisted', position: 1 })
    expectError(await staff('update', { eventId, capacity: 1 }), 'EVENT.INVALID_STATE')
    const { counters, records } = await countersAndRecords(h, eventId)
    expect(counters).toEqual(records)
  })

  it('fullness alerts reach the community’s staff at 80 % and 100 %, once', async () => {
    const eventId = await addEvent(h, { capacity: 5 })
    for (const p of ['r-alert-01', 'r-alert-02', 'r-alert-03', 'r-alert-04', 'r-alert-05', 'r-alert-06']) await h.addMember(A, p)
    for (const p of ['r-alert-01', 'r-alert-02', 'r-alert-03']) expectOk(await as(p)('signUp', { eventId }))
    expect(await inbox('event.alert', eventId)).toHaveLength(0)
    expectOk(await as('r-alert-04')('signUp', { eventId })) // 4 of 5 = 80 %
    expect((await inbox('event.alert', eventId)).map((m: any) => m.title)).toEqual([expect.stringContaining('名额已过八成')])
    expectOk(await as('r-alert-05')('signUp', { eventId }))
    expectOk(await as('r-alert-06')('signUp', { eventId }))
    const titles = (await inbox('event.alert', eventId)).map((m: any) => m.title)
    expect(titles).toHaveLength(2)
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining('已满员')]))
  })
})

describe('check-in, no-shows and ratings', () => {
  it('staff scan the ticket (once counts once); the guardian scans the venue code for the family; outside the window no', async () => {
    const eventId = await addEvent(h, { ...inCheckInWindow(), capacity: 5, ageMin: null, ageMax: null })
    await addSignup(h, eventId, { participantId: 'demo-resident' })
    await addSignup(h, eventId, { participantId: 'demo-guardian', ownerOpenid: 'demo-guardian' })
    await addSignup(h, eventId, {
      participantId: CHILD,
      ownerOpenid: 'demo-guardian',
      kind: 'child',
      displayName: '小明',
      birthYear: thisYear() - 11,
    })
    await addSignup(h, eventId, { participantId: 'demo-staff', status: 'waitlisted', confirmedAt: null })

    const ticket = expectOk(await resident('ticket', { eventId }), ticketOutput)
    expect(ticket.qrText).toBe(`YBT:${ticket.ticketCode}`)
    expect(ticket.qrDataUrl).toMatch(/^data:image\/png;base64,/)
    expectError(await staff('ticket', { eventId }), 'SIGNUP.NOT_FOUND') // waitlisted: no ticket yet
    const scanned = expectOk(await staff('checkIn', { eventId, ticketCode: ticket.ticketCode }), checkInOutput)
    expect(scanned).toMatchObject({ already: false, signup: { checkedIn: true, displayName: '测试居民' } })
    expect(expectOk(await staff('checkIn', { eventId, ticketCode: ticket.ticketCode }), checkInOutput).already).toBe(true)
    const waitlisted = (await countersAndRecords(h, eventId)).signups.find((s) => s.participantId === 'demo-staff')!
    expectError(await staff('checkIn', { eventId, ticketCode: waitlisted.ticketCode }), 'SIGNUP.NOT_CONFIRMED')
    expectError(await staff('checkIn', { eventId, ticketCode: 'ZZZZZZZZZZ' }), 'SIGNUP.NOT_FOUND')

    const ev = (await countersAndRecords(h, eventId)).event
    const venue = expectOk(await guardian('checkInAtVenue', { code: ev.venueCode }), checkInAtVenueOutput)
    expect(venue.checkedIn.map((c) => c.displayName).sort()).toEqual(['小明', '测试居民'].sort())
    expect(venue.checkedIn.every((c) => !c.already)).toBe(true)
    expect(expectOk(await guardian('checkInAtVenue', { code: ev.venueCode }), checkInAtVenueOutput).checkedIn.every((c) => c.already)).toBe(
      true,
    )
    expectError(await staff('checkInAtVenue', { code: ev.venueCode }), 'SIGNUP.NOT_FOUND')
    expectError(await resident('checkInAtVenue', { code: 'NoSuchCode' }), 'EVENT.NOT_FOUND')

    const { counters, records } = await countersAndRecords(h, eventId)
    expect(counters).toEqual(records)
    expect(records.checkedIn).toBe(3)
    expect((await get('demo-guardian', eventId)).mine.map((m) => m.checkedIn)).toEqual([true, true])

    const future = await addEvent(h, { startAt: new Date(Date.now() + 2 * HOUR), endAt: new Date(Date.now() + 3 * HOUR) })
    const s = await addSignup(h, future, { participantId: 'demo-resident' })
    expectError(await staff('checkIn', { eventId: future, ticketCode: s.ticketCode }), 'EVENT.CHECKIN_CLOSED')
  })

  it('when check-in closes, the timer records the no-shows once', async () => {
    const eventId = await addEvent(h, { ...endedAnHourAgo() })
    await addSignup(h, eventId, { participantId: 'demo-resident', checkedInAt: new Date(Date.now() - 2 * HOUR) })
    await addSignup(h, eventId, { participantId: 'demo-guardian' })
    await addSignup(h, eventId, { participantId: 'demo-staff', status: 'waitlisted', confirmedAt: null })
    const first = await h.emu.fireTrigger('events', 'noShows')
    expect(first).toMatchObject({ ok: true })
    const view = await get('demo-guardian', eventId)
    expect(view.counts).toMatchObject({ noShow: 1, checkedIn: 1 })
    expect(view.mine[0]).toMatchObject({ noShow: true })
    const again = asEnvelope(await h.emu.fireTrigger('events', 'noShows'))
    expect(expectOk(again, z.object({ events: z.number() })).events).toBe(0)
  })

  it('only attendees rate, once; risky comments are refused; five low ratings open a task, closed with a public note', async () => {
    const series = expectOk(await staff('createSeries', { communityId: A, title: '院落大学·川剧欣赏' }), seriesViewSchema)
    expect(expectOk(await staff('createSeries', { communityId: A, title: '院落大学·川剧欣赏' }), seriesViewSchema).seriesId).toBe(
      series.seriesId,
    )
    const eventId = await addEvent(h, { ...endedAnHourAgo(), seriesId: series.seriesId })
    const raters = ['demo-resident', 'demo-guardian', 'demo-staff', 'r-four-0001', 'r-five-0001']
    for (const p of raters.slice(3)) await h.addMember(A, p)
    for (const p of raters) await addSignup(h, eventId, { participantId: p, checkedInAt: new Date(Date.now() - 2 * HOUR) })
    await h.addMember(A, 'r-absent-01')
    await addSignup(h, eventId, { participantId: 'r-absent-01' })

    expectError(await as('r-absent-01')('rate', { eventId, score: 1 }), 'SIGNUP.NOT_ATTENDED')
    const before = await h.snapshot()
    expectError(await resident('rate', { eventId, score: 1, comment: '组织者搞赌博' }), 'CONTENT.RISKY')
    expect(await h.snapshot()).toEqual(before)

    const scores = [3, 4, 2, 3, 2] // average 2.8
    for (const [i, p] of raters.entries()) {
      const out = expectOk(
        await as(p)('rate', { eventId, score: scores[i], tags: ['场地太挤'], comment: i === 0 ? '场地太小，听不清。' : undefined }),
        rateOutput,
      )
      expect(out.adjustmentOpened).toBe(i === 4)
    }
    expectError(await resident('rate', { eventId, score: 5 }), 'SIGNUP.ALREADY_RATED')
    const rated = await get('demo-resident', eventId)
    expect(rated.rating).toEqual({ count: 5, average: 2.8 })
    expect(rated.adjustment).toBeNull() // open tasks are staff business
    expect((await inbox('event.adjustment', eventId)).map((m: any) => m.openid)).toEqual(['demo-staff'])

    const open = expectOk(await staff('tasks', { communityId: A, status: 'open' }), tasksOutput)
    expect(open.tasks.find((t) => t.eventId === eventId)).toMatchObject({ status: 'open', average: 2.8, count: 5 })
    expect((await get('demo-staff', eventId)).adjustment).toMatchObject({ status: 'open' })
    expectError(await staff('closeAdjustment', { eventId, note: '我们改进了：加微信群通知' }), 'CONTENT.REVIEW')
    const closed = expectOk(
      await staff('closeAdjustment', { eventId, note: '我们改进了：换到三楼大会议室，并配了扩音器。' }),
      eventViewSchema,
    )
    expect(closed.adjustment).toMatchObject({ status: 'closed', note: '我们改进了：换到三楼大会议室，并配了扩音器。' })
    const publicView = await get('demo-resident', eventId)
    expect(publicView.adjustment).toMatchObject({ status: 'closed', note: expect.stringContaining('扩音器') })
    expect(publicView.seriesNote).toContain('扩音器')
    expectError(await staff('closeAdjustment', { eventId, note: '我们改进了：再说一次。' }), 'TASK.NOT_FOUND')
  })
})

describe('staff tools', () => {
  it('the export is an .xlsx that lists places, then the waitlist in order', async () => {
    const eventId = await addEvent(h, { capacity: 1, title: '书法班：楷书入门' })
    expectOk(await resident('signUp', { eventId }))
    expectOk(await guardian('signUp', { eventId }))
    expectOk(await staff('proxySignUp', { eventId, name: '刘大爷', birthYear: 1950 }))
    const out = expectOk(await staff('export', { eventId }), exportOutput)
    expect(out.rows).toBe(3)
    expect(out.fileName).toMatch(/^报名名单-\d{8}-\d{6}\.xlsx$/)
    const res = await fetch(out.url)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
    const sheet = wb.getWorksheet('报名名单')!
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((r: any) => (r as any[]).slice(1))
    expect(rows[0].slice(0, 4)).toEqual(['序号', '姓名/称呼', '类型', '状态'])
    expect(rows.slice(1).map((r: any[]) => [r[1], r[3], r[4]])).toEqual([
      ['王阿姨', '已报名', undefined],
      ['李先生', '候补', 1],
      ['刘大爷', '候补', 2],
    ])
    expect(wb.getWorksheet('活动信息')!.getCell('B1').value).toBe('书法班：楷书入门')
  })

  it('代报名: a walk-in is booked and recorded as such; booked twice it is the same place; a member’s booking shows in their tickets', async () => {
    const eventId = await addEvent(h, { capacity: 5 })
    const walkIn = expectOk(await staff('proxySignUp', { eventId, name: '张奶奶', birthYear: 1948 }), signupResultSchema)
    expect(walkIn).toMatchObject({ kind: 'walk_in', status: 'confirmed', created: true })
    expect(expectOk(await staff('proxySignUp', { eventId, name: '张奶奶', birthYear: 1948 }), signupResultSchema)).toMatchObject({
      signupId: walkIn.signupId,
      created: false,
    })
    expectOk(await staff('proxySignUp', { eventId, name: '王阿姨', openid: 'demo-resident' }), signupResultSchema)
    const listed = expectOk(await staff('listSignups', { eventId }), listSignupsOutput)
    expect(listed.signups.map((s) => [s.displayName, s.source, s.proxyBy])).toEqual([
      ['张奶奶', 'proxy', 'demo-staff'],
      ['王阿姨', 'proxy', 'demo-staff'],
    ])
    const mine = expectOk(await resident('mySignups', {}), mySignupsOutput)
    expect(mine.tickets.some((t) => t.event.eventId === eventId && t.signup.kind === 'walk_in')).toBe(true)
    // staff cancel a walk-in's place for them
    expect(expectOk(await staff('cancel', { eventId, participantId: walkIn.participantId }), cancelSignupOutput).signup.status).toBe(
      'cancelled',
    )
  })

  it('cancelling an event tells everyone holding a place or a waitlist spot, once; sign-up is closed after', async () => {
    const eventId = await addEvent(h, { capacity: 1 })
    expectOk(await resident('signUp', { eventId }))
    expectOk(await guardian('signUp', { eventId, participantId: CHILD }))
    expectOk(await guardian('signUp', { eventId }))
    const cancelled = expectOk(await staff('cancelEvent', { eventId, reason: '暴雨预警，为安全取消' }), eventViewSchema)
    expect(cancelled).toMatchObject({ status: 'cancelled', phase: 'cancelled', cancelReason: '暴雨预警，为安全取消' })
    await h.emu.fireTrigger('events', 'fanout') // the notices are queued off the request path; the timer delivers them
    expect((await inbox('event.cancelled', eventId)).map((m: any) => m.openid).sort()).toEqual(['demo-guardian', 'demo-resident'])
    const sent = (await outbox(eventId)).filter((m: any) => m.templateId === 'yuanba-tmpl-event-cancelled')
    expect(sent).toHaveLength(2)
    expect(sent[0].data.time2.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expectError(await staff('cancelEvent', { eventId }), 'EVENT.INVALID_STATE')
    expectError(await as('demo-staff')('signUp', { eventId }), 'EVENT.INVALID_STATE')
  })

  it('the day-before reminder goes to confirmed places once, within the field limits', async () => {
    const eventId = await addEvent(h, {
      title: '院落大学·智能手机课：视频通话、看病挂号和识别诈骗电话（长者专场）',
      startAt: new Date(Date.now() + 20 * HOUR),
      endAt: new Date(Date.now() + 22 * HOUR),
      signupClosesAt: new Date(Date.now() + 19 * HOUR),
      capacity: 1,
    })
    await addSignup(h, eventId, { participantId: 'demo-resident' })
    await addSignup(h, eventId, { participantId: 'demo-guardian', status: 'waitlisted', confirmedAt: null })
    const fired = asEnvelope(await h.emu.fireTrigger('events', 'remind'))
    expect(fired.ok).toBe(true)
    await h.emu.fireTrigger('events', 'fanout') // reminders are queued; the timer delivers them in batches
    expect((await inbox('event.reminder', eventId)).map((m: any) => m.openid)).toEqual(['demo-resident'])
    const sent = (await outbox(eventId)).filter((m: any) => m.templateId === 'yuanba-tmpl-event-reminder')
    expect(sent).toHaveLength(1)
    for (const [key, { value }] of Object.entries(sent[0].data))
      if (key.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20)
    await h.emu.fireTrigger('events', 'remind')
    await h.emu.fireTrigger('events', 'fanout')
    expect(await inbox('event.reminder', eventId)).toHaveLength(1)
  })

  it('venue code poster, the month overview, and 我的票 for a guardian', async () => {
    const eventId = await addEvent(h)
    const poster = expectOk(await staff('venuePoster', { eventId }), venuePosterOutput)
    expect(poster.scene).toBe(`a=${poster.code}`)
    expect(poster.page).toBe('pages/home/index')
    expect((await fetch(poster.url)).headers.get('content-type')).toBe('image/png')
    expect(expectOk(await staff('venuePoster', { eventId }), venuePosterOutput).fileId).toBe(poster.fileId)
    expect((await get('demo-staff', eventId)).venueCode).toBe(poster.code)
    expect((await get('demo-resident', eventId)).venueCode).toBeNull()

    const month = expectOk(await staff('monthOverview', { communityId: A, month: monthOf() }), monthOverviewOutput)
    expect(month.target).toBe(2)
    expect(month.groups.map((g) => g.key)).toEqual(['preschool', 'primary', 'teen', 'adult', 'senior'])
    expect(month.series.map((s) => s.title)).toContain('院落大学·智能手机课')

    const tickets = expectOk(await guardian('mySignups', {}), mySignupsOutput).tickets
    expect(tickets.length).toBeGreaterThan(0)
    expect(tickets.every((t) => t.signup.status !== ('pending' as any))).toBe(true)
  })

  it('a client cannot pose as a timer', async () => {
    expectError(
      asEnvelope(await h.emu.invoke('events', { Type: 'Timer', TriggerName: 'draw' }, { openid: 'demo-resident' })),
      'ACTION.UNKNOWN',
    )
  })
})
