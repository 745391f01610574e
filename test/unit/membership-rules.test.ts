import { CHILD_MAX_AGE, MAX_CHILDREN_PER_GUARDIAN } from '../../types/index'
import {
  checkChildBirthYear,
  checkChildLimit,
  childAge,
  decidePromotion,
  posterScene,
} from '../../cloudfunctions/communities/domain/membership-rules'

describe('promotion to staff', () => {
  it('needs a membership; staff stay staff', () => {
    const adult = { isChild: false }
    expect(decidePromotion(null, adult, false)).toMatchObject({ code: 'MEMBER.NOT_FOUND' })
    expect(decidePromotion({ role: 'resident' }, adult, false)).toBe('promote')
    expect(decidePromotion({ role: 'resident' }, null, false)).toBe('promote')
    expect(decidePromotion({ role: 'staff' }, adult, false)).toBe('already-staff')
    // a child's account, by its person record or by a link to a child, is never promoted (and a stale staff role is not "already staff")
    expect(decidePromotion({ role: 'resident' }, { isChild: true }, false)).toMatchObject({ code: 'MEMBER.IS_CHILD' })
    expect(decidePromotion({ role: 'resident' }, adult, true)).toMatchObject({ code: 'MEMBER.IS_CHILD' })
    expect(decidePromotion({ role: 'staff' }, { isChild: true }, false)).toMatchObject({ code: 'MEMBER.IS_CHILD' })
  })
})

describe('children', () => {
  // 2025-12-31T16:30Z is already 2026-01-01 00:30 in Chengdu: ages count in Shanghai years.
  const newYearInChengdu = new Date('2025-12-31T16:30:00.000Z')
  const lastDayInChengdu = new Date('2025-12-31T15:30:00.000Z')
  it('counts age in Asia/Shanghai calendar years', () => {
    expect(childAge(2015, newYearInChengdu)).toBe(11)
    expect(childAge(2015, lastDayInChengdu)).toBe(10)
  })
  it('accepts minors 0–17 only', () => {
    expect(checkChildBirthYear(2026, newYearInChengdu)).toBeNull()
    expect(checkChildBirthYear(2026 - CHILD_MAX_AGE, newYearInChengdu)).toBeNull()
    expect(checkChildBirthYear(2026 - CHILD_MAX_AGE - 1, newYearInChengdu)).toMatchObject({ code: 'CHILD.AGE_OUT_OF_RANGE' })
    expect(checkChildBirthYear(2027, newYearInChengdu)).toMatchObject({ code: 'CHILD.AGE_OUT_OF_RANGE' })
  })
  it('limits children per guardian', () => {
    expect(checkChildLimit(MAX_CHILDREN_PER_GUARDIAN - 1)).toBeNull()
    expect(checkChildLimit(MAX_CHILDREN_PER_GUARDIAN)).toMatchObject({ code: 'CHILD.LIMIT_REACHED' })
  })
})

describe('poster scene', () => {
  it('is c=<code>', () => {
    expect(posterScene('zhizijie')).toBe('c=zhizijie')
  })
})
