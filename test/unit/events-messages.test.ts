/**
 * What events tell people respects the subscribe-message field limits (thing ≤ 20, phrase ≤ 5 Chinese, time as
 * `YYYY-MM-DD HH:mm`), whatever the title; scenes and ticket texts parse; the month overview groups courses by age.
 */
import {
  AGE_GROUPS,
  STATUS_PHRASE,
  SUBSCRIBE_TEMPLATES,
  parseShanghai,
  parseTicketText,
  parseVenueScene,
  thingValue,
  ticketQrText,
  venueScene,
  type EventDoc,
  type SignupDoc,
} from '../../types/index'
import { cancelledMessage, drawnMessage, promotedMessage, reminderMessage } from '../../cloudfunctions/events/domain/messages'
import { monthOverview, monthRange } from '../../cloudfunctions/events/domain/month-overview'
import { eventFields } from '../functions/events-fixtures'

const LONG = '栀子街社区二〇二六年暑期课堂·小小科学家：水火箭、彩虹实验与简易电路（第一期）'
const event = (fields: Partial<EventDoc> = {}) =>
  ({ _id: 'ev', ...eventFields({ title: LONG, place: '党群服务中心二楼活动室（电梯到二楼左转第二间）', ...fields }) }) as EventDoc

const RULES: Array<[RegExp, (v: string) => boolean]> = [
  [/^thing\d+$/, (v) => [...v].length >= 1 && [...v].length <= 20],
  [/^phrase\d+$/, (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v)],
  [/^time\d+$/, (v) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v)],
]
function expectWithinLimits(data: Record<string, string>) {
  for (const [key, value] of Object.entries(data)) {
    const rule = RULES.find(([pattern]) => pattern.test(key))
    expect({ key, value, ok: rule ? rule[1](value) : false }).toEqual({ key, value, ok: true })
  }
}

describe('subscribe messages', () => {
  it('at most 3 templates, so one requestSubscribeMessage at the tap of 报名 asks for all', () => {
    expect(Object.keys(SUBSCRIBE_TEMPLATES).length).toBeLessThanOrEqual(3)
    expect(new Set(Object.values(SUBSCRIBE_TEMPLATES)).size).toBe(Object.keys(SUBSCRIBE_TEMPLATES).length)
  })
  it('status phrases are ≤ 5 Chinese characters (已录取, 候补中, …)', () => {
    for (const phrase of Object.values(STATUS_PHRASE)) expect(phrase).toMatch(/^[\u4e00-\u9fa5]{1,5}$/)
    expect(STATUS_PHRASE.confirmed).toBe('已录取')
    expect(STATUS_PHRASE.waitlisted).toBe('候补中')
  })
  it('thing values are cut to 20 characters with an ellipsis, counted in code points', () => {
    expect([...thingValue(LONG)].length).toBe(20)
    expect(thingValue(LONG).endsWith('…')).toBe(true)
    expect(thingValue('包粽子')).toBe('包粽子')
    expect(thingValue('  ')).toBe('—')
    expect([...thingValue('😀'.repeat(30))].length).toBe(20)
  })
  it('every message stays within the limits with long titles, places and names', () => {
    const s = { _id: 'ev_x', displayName: '名字特别特别长的小朋友', seq: 3 } as SignupDoc
    for (const m of [
      promotedMessage(event(), s),
      drawnMessage(event(), [{ name: '小明', won: true, position: null }]),
      drawnMessage(event(), [{ name: '小红', won: false, position: 7 }]),
      cancelledMessage(event(), '因为天气原因和场地维修，本次活动取消，改期另行通知，给大家带来不便深表歉意'),
      cancelledMessage(event(), null),
      reminderMessage(event()),
    ]) {
      expect(m.subscribe).not.toBeNull()
      expectWithinLimits(m.subscribe!.data)
      expect(m.page.startsWith('/')).toBe(false)
      expect(m.title.length).toBeGreaterThan(0)
    }
  })
  it('times are Chengdu wall-clock', () => {
    const m = reminderMessage(event({ startAt: parseShanghai('2026-07-10 09:30') }))
    expect(m.subscribe!.data.time2).toBe('2026-07-10 09:30')
  })
})

describe('scenes and tickets', () => {
  it('venue scene a=<code> within 32 characters, parsed raw or URI-encoded', () => {
    expect(venueScene('ZzjMovie')).toBe('a=ZzjMovie')
    expect(parseVenueScene('a%3DZzjMovie')).toBe('ZzjMovie')
    expect(parseVenueScene('a=ZzjMovie')).toBe('ZzjMovie')
    for (const bad of ['c=zhizijie', 'a=', 'a=中文', 'a=ab', 'a=ZzjMovie&x=1', '%E0%A4%A', null, undefined, ''])
      expect(parseVenueScene(bad as any)).toBeNull()
    expect(() => venueScene('a b')).toThrow()
  })
  it('ticket QR text round-trips; a typed code works too', () => {
    expect(parseTicketText(ticketQrText('ABCDEFGH23'))).toBe('ABCDEFGH23')
    expect(parseTicketText(' abcdefgh23 ')).toBe('ABCDEFGH23')
    for (const bad of ['YBT:', 'YBT:ABC', 'https://example.com', '', null]) expect(parseTicketText(bad as any)).toBeNull()
  })
})

describe('the month overview of free courses', () => {
  const course = (id: string, day: string, ageMin: number | null, ageMax: number | null, fields: Partial<EventDoc> = {}) =>
    ({
      _id: id,
      ...eventFields({
        category: '课程',
        startAt: parseShanghai(`${day} 14:00`),
        endAt: parseShanghai(`${day} 16:00`),
        ageMin,
        ageMax,
        ...fields,
      }),
    }) as EventDoc
  it('counts each course for every age group it overlaps, against the target of 2', () => {
    const events = [
      course('senior-1', '2026-07-03', 60, null, { seriesId: 's1' }),
      course('senior-2', '2026-07-17', 60, null, { seriesId: 's1' }),
      course('kids', '2026-07-10', 6, 12, { category: '暑期课堂' }),
      course('all-ages', '2026-07-20', null, null),
      course('june', '2026-06-30', 60, null),
      course('film', '2026-07-05', null, null, { category: '活动' }),
      course('draft', '2026-07-06', 60, null, { status: 'draft' }),
    ]
    const o = monthOverview('2026-07', events, [
      {
        _id: 's1',
        communityId: 'c',
        title: '院落大学·智能手机课',
        note: null,
        createdBy: 'x',
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    ])
    const count = Object.fromEntries(o.groups.map((g) => [g.key, g.count]))
    expect(count).toEqual({ preschool: 1, primary: 2, teen: 1, adult: 1, senior: 3 })
    expect(o.groups.find((g) => g.key === 'senior')).toMatchObject({ met: true })
    expect(o.groups.find((g) => g.key === 'teen')).toMatchObject({ met: false })
    expect(o.courses).toBe(4)
    expect(o.series).toEqual([{ seriesId: 's1', title: '院落大学·智能手机课', sessions: 2 }])
    expect(o.groups.map((g) => g.key)).toEqual(AGE_GROUPS.map((g) => g.key))
    expect(o.groups.find((g) => g.key === 'senior')!.events[0].seriesTitle).toBe('院落大学·智能手机课')
  })
  it('months are Chengdu calendar months (midnight of the 1st, +08:00)', () => {
    const { start, end } = monthRange('2026-07')
    expect(start.toISOString()).toBe('2026-06-30T16:00:00.000Z')
    expect(end.toISOString()).toBe('2026-07-31T16:00:00.000Z')
  })
})
