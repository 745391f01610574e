import { CHILD_LINK_CODE_ALPHABET, linkChildAccountInput } from '../../types/index'
import {
  checkAccountUnlinked,
  checkChildUnlinked,
  checkLinkCode,
  linkCodeExpiry,
  linkCodeFrom,
} from '../../cloudfunctions/communities/domain/membership-rules'
import { canBeLinkedAsChild, canCreateChildLinkCode } from '../../cloudfunctions/communities/domain/permissions'

const at = (iso: string) => new Date(iso)
const viewer = (
  over: Partial<{ openid: string; isDistrictAdmin: boolean; isChild: boolean; roles: Record<string, 'resident' | 'staff'> }> = {},
) => ({
  openid: 'kid',
  isDistrictAdmin: false,
  isChild: false,
  roles: {},
  ...over,
})

describe('child link codes', () => {
  const created = at('2026-05-01T02:00:00.000Z')
  const link = { expiresAt: linkCodeExpiry(created) }
  it('are valid for 10 minutes: up to the last millisecond, not at or after expiry', () => {
    expect(link.expiresAt.toISOString()).toBe('2026-05-01T02:10:00.000Z')
    expect(checkLinkCode(link, created)).toBeNull()
    expect(checkLinkCode(link, at('2026-05-01T02:09:00.000Z'))).toBeNull()
    expect(checkLinkCode(link, at('2026-05-01T02:09:59.999Z'))).toBeNull()
    expect(checkLinkCode(link, at('2026-05-01T02:10:00.000Z'))).toMatchObject({ code: 'CHILD.LINK_CODE_INVALID' })
    expect(checkLinkCode(link, at('2026-05-01T02:11:00.000Z'))).toMatchObject({ code: 'CHILD.LINK_CODE_INVALID' })
  })
  it('an unknown code is refused like an expired one', () => {
    expect(checkLinkCode(null, created)).toMatchObject({ code: 'CHILD.LINK_CODE_INVALID' })
  })
  it('are 6 characters without look-alikes', () => {
    expect(CHILD_LINK_CODE_ALPHABET).not.toMatch(/[01OIL]/)
    expect(linkCodeFrom(() => 0)).toBe('AAAAAA')
    expect(linkCodeFrom((max) => max - 1)).toBe('999999')
    expect(linkChildAccountInput.parse({ code: ' abcdef ' })).toEqual({ code: 'ABCDEF' })
    expect(linkChildAccountInput.safeParse({ code: 'ABCDE0' }).success).toBe(false)
    expect(linkChildAccountInput.safeParse({ code: 'ABCDEFG' }).success).toBe(false)
  })
  it('link only a child without an account', () => {
    expect(checkChildUnlinked({ openid: null })).toBeNull()
    expect(checkChildUnlinked({ openid: 'kid' })).toMatchObject({ code: 'CHILD.ALREADY_LINKED' })
  })
})

describe('who may link', () => {
  const child = { guardianOpenid: 'mum' }
  it('only the guardian creates a code', () => {
    expect(canCreateChildLinkCode(viewer({ openid: 'mum' }), child)).toBe(true)
    expect(canCreateChildLinkCode(viewer({ openid: 'staff', roles: { a: 'staff' } }), child)).toBe(false)
  })
  it('the redeeming account is neither the guardian, staff, the district admin nor a guardian of children', () => {
    expect(canBeLinkedAsChild(viewer({ roles: { a: 'resident' } }), child, 0)).toBe(true)
    expect(canBeLinkedAsChild(viewer({ openid: 'mum' }), child, 0)).toBe(false)
    expect(canBeLinkedAsChild(viewer({ roles: { b: 'staff' } }), child, 0)).toBe(false)
    expect(canBeLinkedAsChild(viewer({ isDistrictAdmin: true }), child, 0)).toBe(false)
    expect(canBeLinkedAsChild(viewer(), child, 1)).toBe(false)
  })
})

describe('one account, one child', () => {
  it('an account with no child record may be linked; one already linked to a child is refused', () => {
    expect(checkAccountUnlinked(null)).toBeNull()
    expect(checkAccountUnlinked({ childId: 'child-1' })).toMatchObject({ code: 'CHILD.ACCOUNT_ALREADY_LINKED' })
  })
})
