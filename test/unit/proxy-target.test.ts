/** 代报名 names no account, or a member of the event's community who may join it — never a child (checkProxyTarget). */
import { checkProxyTarget } from '../../cloudfunctions/events/domain/permissions'
import type { Viewer } from '../../cloudfunctions/_kernel/permissions'

const event = (openTo: 'residents' | 'anyone' = 'residents') => ({ communityId: 'a', status: 'published' as const, openTo })
const viewer = (fields: Partial<Viewer> = {}): Viewer => ({ openid: 'x', isDistrictAdmin: false, isChild: false, roles: {}, ...fields })

describe('checkProxyTarget', () => {
  it('a walk-in with no account is fine', () => expect(checkProxyTarget(null, event())).toBeNull())
  it('a resident (or staff) of the community is fine', () => {
    expect(checkProxyTarget(viewer({ roles: { a: 'resident' } }), event())).toBeNull()
    expect(checkProxyTarget(viewer({ roles: { a: 'staff' } }), event('anyone'))).toBeNull()
  })
  it.each(['residents', 'anyone'] as const)('open to %s: not a member of the community → MEMBER.NOT_FOUND', (openTo) => {
    expect(checkProxyTarget(viewer(), event(openTo))).toMatchObject({ code: 'MEMBER.NOT_FOUND' })
    expect(checkProxyTarget(viewer({ roles: { b: 'staff' } }), event(openTo))).toMatchObject({ code: 'MEMBER.NOT_FOUND' })
    expect(checkProxyTarget(viewer({ isDistrictAdmin: true }), event(openTo))).toMatchObject({ code: 'MEMBER.NOT_FOUND' })
  })
  it('a child account → MEMBER.IS_CHILD, even as a member', () => {
    expect(checkProxyTarget(viewer({ isChild: true, roles: { a: 'resident' } }), event())).toMatchObject({ code: 'MEMBER.IS_CHILD' })
  })
})
