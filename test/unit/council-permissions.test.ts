/** The council's permissions: acting for a member (guardian, own account, staff), the elected chair and the term. */
import type { CouncilDoc, CouncilMemberDoc } from '../../types/index'
import { COUNCIL_CONSENT_VERSION, parseShanghai } from '../../types/index'
import {
  actingAsChair,
  actingFor,
  canManageAgenda,
  canManageCouncil,
  canSetChair,
  holdsChair,
  isChildOf,
  type CouncilViewer,
} from '../../cloudfunctions/council/domain/permissions'
import { decideSetChair, termEnded } from '../../cloudfunctions/council/domain/rules'

const A = 'community-a'
const now = parseShanghai('2026-06-01 10:00')
const viewer = (openid: string, over: Partial<CouncilViewer> = {}): CouncilViewer => ({
  openid,
  isDistrictAdmin: false,
  isChild: false,
  roles: { [A]: 'resident' },
  ownChildId: null,
  ...over,
})
const staff = viewer('staff', { roles: { [A]: 'staff' } })
const admin = viewer('admin', { roles: {}, isDistrictAdmin: true })
const guardian = viewer('guardian')
const kid = viewer('kid', { isChild: true, ownChildId: 'child-1' })
const otherKid = viewer('kid-2', { isChild: true, ownChildId: 'child-2' })
const stranger = viewer('stranger')

const member = (fields: Partial<CouncilMemberDoc> = {}): CouncilMemberDoc => ({
  _id: 'council-a_child-1',
  councilId: 'council-a',
  communityId: A,
  childId: 'child-1',
  alias: '小明',
  birthYear: 2015,
  guardianOpenid: 'guardian',
  status: 'approved',
  consent: { guardianOpenid: 'guardian', version: COUNCIL_CONSENT_VERSION, at: now },
  appliedAt: now,
  approvedAt: now,
  approvedBy: 'staff',
  leftAt: null,
  purgeAfter: null,
  createdAt: now,
  updatedAt: now,
  ...fields,
})
const council = (fields: Partial<CouncilDoc> = {}): Pick<CouncilDoc, '_id' | 'communityId' | 'termEnd' | 'chair'> => ({
  _id: 'council-a',
  communityId: A,
  termEnd: '2026-12-31',
  chair: { memberId: 'council-a_child-1', setBy: 'staff', setAt: now },
  ...fields,
})

describe('acting for a member', () => {
  it('the guardian, the child’s own account (resolved from children, not a copy), staff only where allowed', () => {
    expect(actingFor(guardian, member(), { staff: false })).toEqual({ actorOpenid: 'guardian', childId: 'child-1', as: 'guardian' })
    expect(actingFor(kid, member(), { staff: false })).toEqual({ actorOpenid: 'kid', childId: 'child-1', as: 'child' })
    expect(actingFor(otherKid, member(), { staff: true })).toBeNull()
    expect(actingFor(stranger, member(), { staff: true })).toBeNull()
    expect(actingFor(staff, member(), { staff: false })).toBeNull()
    expect(actingFor(staff, member(), { staff: true })).toMatchObject({ as: 'staff' })
  })
  it('a viewer with no child of their own is nobody’s child', () => {
    expect(isChildOf(viewer('x'), member())).toBe(false)
    expect(isChildOf(kid, member({ childId: 'child-9' }))).toBe(false)
  })
})

describe('the elected chair', () => {
  it('staff (and the district admin) name the chair; nobody else', () => {
    expect(canSetChair(staff, council())).toBe(true)
    expect(canSetChair(admin, council())).toBe(true)
    for (const v of [guardian, kid, stranger]) expect(canSetChair(v, council())).toBe(false)
  })
  it('the chair’s guardian and the chair’s own account manage agendas; staff always; others never', () => {
    const chair = member()
    expect(actingAsChair(guardian, council(), chair, now)).toMatchObject({ as: 'guardian' })
    expect(actingAsChair(kid, council(), chair, now)).toMatchObject({ as: 'child' })
    expect(actingAsChair(staff, council(), chair, now)).toBeNull() // staff act as staff, never as the chair
    for (const v of [guardian, kid, staff, admin]) expect(canManageAgenda(v, council(), chair, now)).toBe(true)
    for (const v of [otherKid, stranger]) expect(canManageAgenda(v, council(), chair, now)).toBe(false)
    // the chair's powers are agenda powers only: managing the council stays with staff
    expect(canManageCouncil(guardian, A)).toBe(false)
  })
  it('no chair, a cleared chair, another member, a member who left, or an ended term: no powers', () => {
    const chair = member()
    expect(canManageAgenda(guardian, council({ chair: null }), chair, now)).toBe(false)
    expect(canManageAgenda(guardian, council({ chair: undefined }), chair, now)).toBe(false)
    expect(canManageAgenda(guardian, council({ chair: { memberId: 'someone-else', setBy: 'staff', setAt: now } }), chair, now)).toBe(false)
    expect(canManageAgenda(guardian, council(), member({ status: 'left' }), now)).toBe(false)
    expect(canManageAgenda(guardian, council(), null, now)).toBe(false)
    expect(holdsChair(council({ termEnd: '2026-05-31' }), chair, now)).toBe(false)
    expect(holdsChair(council({ termEnd: '2026-06-01' }), chair, now)).toBe(true) // the last day of the term still counts
  })
})

describe('the term', () => {
  it('ends after its last day, China time', () => {
    expect(termEnded({ termEnd: '2026-06-01' }, parseShanghai('2026-06-01 23:59'))).toBe(false)
    expect(termEnded({ termEnd: '2026-06-01' }, parseShanghai('2026-06-02 00:00'))).toBe(true)
  })
  it('a chair is an approved member of this council, named during the term', () => {
    const c = { _id: 'council-a', termEnd: '2026-12-31' }
    expect(decideSetChair(c, member(), now)).toBeNull()
    expect(decideSetChair(c, null, now)).toMatchObject({ code: 'COUNCIL.MEMBER_NOT_FOUND' })
    expect(decideSetChair(c, member({ councilId: 'council-b' }), now)).toMatchObject({ code: 'COUNCIL.MEMBER_NOT_FOUND' })
    expect(decideSetChair(c, member({ status: 'pending' }), now)).toMatchObject({ code: 'COUNCIL.MEMBER_INVALID_STATE' })
    expect(decideSetChair({ ...c, termEnd: '2026-05-31' }, member(), now)).toMatchObject({ code: 'COUNCIL.MEMBER_INVALID_STATE' })
  })
})
