/**
 * Age-band quotas in the events contract: the staff editor checks them with these schemas before sending, and the
 * function parses its input with the same ones (checkSchedule then decides against the stored event).
 */
import { createEventInput, updateEventInput } from '../../types/events'

const base = {
  communityId: 'c_zhizijie',
  title: '暑期课堂·小小科学家',
  description: '动手做实验。',
  category: '暑期课堂',
  place: '党群服务中心二楼',
  startAt: '2026-07-10T01:30:00.000Z',
  endAt: '2026-07-10T03:30:00.000Z',
  capacity: 20,
  signupOpensAt: '2026-07-01T00:00:00.000Z',
  signupClosesAt: '2026-07-08T12:00:00.000Z',
  allocation: 'lottery',
  openTo: 'residents',
  ageMin: 5,
  ageMax: 12,
} as const

const issues = (input: unknown, schema: typeof createEventInput | typeof updateEventInput = createEventInput) => {
  const r = schema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('quotas in createEventInput / updateEventInput', () => {
  it('accepts bands that fit the capacity and do not overlap', () => {
    expect(
      issues({
        ...base,
        quotas: [
          { ageMin: 5, ageMax: 8, places: 10 },
          { ageMin: 9, ageMax: 12, places: 10 },
        ],
      }),
    ).toEqual([])
    expect(issues({ ...base, quotas: [] })).toEqual([])
  })
  it('a row: lower bound above the upper, empty or zero places — in Chinese, at the row', () => {
    expect(
      issues({
        ...base,
        quotas: [
          { ageMin: 5, ageMax: 8, places: 4 },
          { ageMin: 12, ageMax: 9, places: 4 },
        ],
      }),
    ).toEqual([['quotas.1', '年龄段的下限不能大于上限']])
    expect(issues({ ...base, quotas: [{ ageMin: 5, ageMax: 8, places: 0 }] })).toEqual([['quotas.0.places', '每个年龄段至少 1 个名额']])
    expect(issues({ ...base, quotas: [{ ageMin: undefined, ageMax: 8, places: 3 }] })).toEqual([['quotas.0.ageMin', '请填写年龄']])
  })
  it('together no more than the capacity; bands do not overlap; lotteries only; at most 5', () => {
    expect(
      issues({
        ...base,
        quotas: [
          { ageMin: 5, ageMax: 8, places: 15 },
          { ageMin: 9, ageMax: 12, places: 6 },
        ],
      }),
    ).toEqual([['quotas', '各年龄段名额合计 21 个，超过了总名额 20 个']])
    expect(
      issues({
        ...base,
        quotas: [
          { ageMin: 5, ageMax: 8, places: 4 },
          { ageMin: 8, ageMax: 12, places: 4 },
        ],
      }),
    ).toEqual([['quotas.1', '和第 1 个年龄段重叠了']])
    expect(issues({ ...base, allocation: 'first_come', quotas: [{ ageMin: 5, ageMax: 8, places: 4 }] })).toEqual([
      ['quotas', '年龄段名额只用于抽签分配的活动'],
    ])
    const six = Array.from({ length: 6 }, (_, i) => ({ ageMin: i * 2, ageMax: i * 2 + 1, places: 1 }))
    expect(issues({ ...base, quotas: six })).toEqual([['quotas', '最多 5 个年龄段名额']])
  })
  it('a band lies within the event’s own age range (else it could never fill)', () => {
    expect(
      issues({
        ...base,
        quotas: [
          { ageMin: 5, ageMax: 8, places: 4 },
          { ageMin: 10, ageMax: 14, places: 4 },
        ],
      }),
    ).toEqual([['quotas.1', '要在活动的年龄范围（5–12 岁）之内']])
    expect(issues({ ...base, quotas: [{ ageMin: 3, ageMax: 6, places: 4 }] })).toEqual([['quotas.0', '要在活动的年龄范围（5–12 岁）之内']])
    expect(issues({ ...base, ageMax: undefined, quotas: [{ ageMin: 10, ageMax: 60, places: 4 }] })).toEqual([])
  })
  it('an update checks what it carries', () => {
    const quotas = [
      { ageMin: 5, ageMax: 8, places: 15 },
      { ageMin: 9, ageMax: 12, places: 6 },
    ]
    expect(issues({ eventId: 'e1', quotas }, updateEventInput)).toEqual([])
    expect(issues({ eventId: 'e1', capacity: 20, quotas }, updateEventInput)).toEqual([
      ['quotas', '各年龄段名额合计 21 个，超过了总名额 20 个'],
    ])
  })
})
