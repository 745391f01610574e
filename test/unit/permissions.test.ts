/** Permissions per persona, as scenarios: the same functions authorize actions and fill viewer.can* flags. */
import type { NoticeDoc } from '../../types/index'
import {
  canManageCommunity,
  canReadCommunity,
  mayBecomeChildAccount,
  mayHoldStaffRole,
  roleIn,
  type Viewer,
} from '../../cloudfunctions/_kernel/permissions'
import { viewerFrom } from '../../cloudfunctions/_kernel/viewer'
import * as community from '../../cloudfunctions/communities/domain/permissions'
import * as notices from '../../cloudfunctions/notices/domain/permissions'

const A = 'community-a'
const B = 'community-b'
const now = new Date('2026-05-01T02:00:00.000Z')
const viewer = (openid: string, roles: Viewer['roles'] = {}, extra: Partial<Viewer> = {}): Viewer => ({
  openid,
  isDistrictAdmin: false,
  isChild: false,
  roles,
  ...extra,
})

const personas = {
  stranger: viewer('stranger'),
  residentA: viewer('resident-a', { [A]: 'resident' }),
  residentB: viewer('resident-b', { [B]: 'resident' }),
  staffA: viewer('staff-a', { [A]: 'staff' }),
  staffB: viewer('staff-b', { [B]: 'staff' }),
  admin: viewer('admin', {}, { isDistrictAdmin: true }),
  childA: viewer('child-a', { [A]: 'resident' }, { isChild: true }),
}
type Persona = keyof typeof personas

const who = (check: (v: Viewer) => boolean): Persona[] => (Object.keys(personas) as Persona[]).filter((p) => check(personas[p]))

function notice(fields: Partial<NoticeDoc> = {}): NoticeDoc {
  return {
    _id: 'n1',
    communityId: A,
    title: 't',
    body: 'b',
    category: '通知',
    pinned: false,
    status: 'published',
    publishAt: new Date(now.getTime() - 1000),
    expiresAt: null,
    moderation: 'pass',
    readCount: 0,
    createdBy: 'staff-a',
    updatedBy: 'staff-a',
    createdAt: now,
    updatedAt: now,
    ...fields,
  }
}
const draft = notice({ status: 'draft', publishAt: null })
const scheduled = notice({ publishAt: new Date(now.getTime() + 60_000) })
const live = notice()
const reviewDraft = notice({ status: 'draft', publishAt: null, moderation: 'review' })

describe('kernel: community roles', () => {
  it('roleIn ignores inherited keys', () => {
    expect(roleIn(personas.residentA, 'constructor')).toBeNull()
    expect(roleIn(personas.residentA, '__proto__')).toBeNull()
    expect(roleIn(personas.staffA, A)).toBe('staff')
  })
  it('manage A: staff of A and the district admin only', () => {
    expect(who((v) => canManageCommunity(v, A))).toEqual(['staffA', 'admin'])
  })
  it('read A: members of A and the district admin', () => {
    expect(who((v) => canReadCommunity(v, A))).toEqual(['residentA', 'staffA', 'admin', 'childA'])
  })
})

describe('communities permissions', () => {
  it('anyone signed in may view; non-members may join', () => {
    expect(who((v) => community.canViewCommunity(v))).toHaveLength(7)
    expect(who((v) => community.canJoinCommunity(v, A))).toEqual(['stranger', 'residentB', 'staffB', 'admin'])
  })
  it('members list, staff promotion and the poster: staff of A and the admin', () => {
    for (const can of [community.canListMembers, community.canAddStaff, community.canCreatePoster]) {
      expect(who((v) => can(v, A))).toEqual(['staffA', 'admin'])
    }
  })
  it('linking a child: members of that community who are not children', () => {
    expect(who((v) => community.canAddChild(v, A))).toEqual(['residentA', 'staffA'])
  })
})

describe('notices permissions', () => {
  it('create and staff list: staff of A and the admin; never staff of B', () => {
    expect(who((v) => notices.canCreateNotice(v, A))).toEqual(['staffA', 'admin'])
    expect(who((v) => notices.canListForStaff(v, A))).toEqual(['staffA', 'admin'])
  })
  it('list: members of A and the admin', () => {
    expect(who((v) => notices.canListNotices(v, A))).toEqual(['residentA', 'staffA', 'admin', 'childA'])
  })
  it('edit any state: staff of A and the admin', () => {
    for (const n of [draft, scheduled, live]) expect(who((v) => notices.canEditNotice(v, n))).toEqual(['staffA', 'admin'])
  })
  it('publish: drafts and scheduled only; review text only by the admin', () => {
    expect(who((v) => notices.canPublishNotice(v, draft, now))).toEqual(['staffA', 'admin'])
    expect(who((v) => notices.canPublishNotice(v, scheduled, now))).toEqual(['staffA', 'admin'])
    expect(who((v) => notices.canPublishNotice(v, live, now))).toEqual([])
    expect(who((v) => notices.canPublishNotice(v, reviewDraft, now))).toEqual(['admin'])
  })
  it('unpublish: published notices only, by staff of A and the admin', () => {
    expect(who((v) => notices.canUnpublishNotice(v, live, now))).toEqual(['staffA', 'admin'])
    expect(who((v) => notices.canUnpublishNotice(v, scheduled, now))).toEqual(['staffA', 'admin'])
    expect(who((v) => notices.canUnpublishNotice(v, draft, now))).toEqual([])
  })
  it('seeing a notice: drafts and scheduled only by managers; live by members too; never by B', () => {
    expect(who((v) => notices.canSeeNotice(v, draft, now))).toEqual(['staffA', 'admin'])
    expect(who((v) => notices.canSeeNotice(v, scheduled, now))).toEqual(['staffA', 'admin'])
    expect(who((v) => notices.canSeeNotice(v, live, now))).toEqual(['residentA', 'staffA', 'admin', 'childA'])
  })
})

describe('a child is never anything but a child (0032)', () => {
  it('a child account holds no staff role and is no admin; an account with a role is not linked as a child', () => {
    expect(mayHoldStaffRole({ isChild: false }, false)).toBe(true)
    expect(mayHoldStaffRole(null, false)).toBe(true)
    expect(mayHoldStaffRole({ isChild: true }, false)).toBe(false)
    expect(mayHoldStaffRole({ isChild: false }, true)).toBe(false)
    expect(mayBecomeChildAccount({ isDistrictAdmin: false, roles: { a: 'resident' } })).toBe(true)
    expect(mayBecomeChildAccount({ isDistrictAdmin: false, roles: { a: 'resident', b: 'staff' } })).toBe(false)
    expect(mayBecomeChildAccount({ isDistrictAdmin: true, roles: {} })).toBe(false)
  })
  it('a staff role or admin flag found on a child account reads as a resident', () => {
    const person = {
      _id: 'kid',
      nickname: null,
      avatarFileId: null,
      isDistrictAdmin: true,
      isChild: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    }
    const m = (communityId: string, role: 'staff' | 'resident') => ({
      _id: `${communityId}_kid`,
      communityId,
      openid: 'kid',
      role,
      joinedAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    expect(viewerFrom('kid', person, [m('a', 'staff'), m('b', 'resident')])).toEqual({
      openid: 'kid',
      isDistrictAdmin: false,
      isChild: true,
      roles: { a: 'resident', b: 'resident' },
    })
    expect(viewerFrom('adult', { ...person, _id: 'adult', isChild: false }, [{ ...m('a', 'staff'), openid: 'adult' }])).toMatchObject({
      isDistrictAdmin: true,
      roles: { a: 'staff' },
    })
  })
})
