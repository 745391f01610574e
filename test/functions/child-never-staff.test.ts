/**
 * A child is never anything but a child: a child account is never made staff or district admin — not by
 * `communities.addStaff` (a linked child account, the seeded child, of either community), not by the demo seed, not
 * by linking as a child an account that already holds a staff or admin role — and a child account that somehow holds
 * a staff role in the database still acts as a resident.
 */
import { COLLECTIONS, createChildLinkCodeOutput } from '../../types/index'
import { addUnlinkedChild } from './cases'
import { A, B, expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const membership = async (communityId: string, openid: string) =>
  (await docsOf(h.emu, COLLECTIONS.memberships)).find((m) => m._id === `${communityId}_${openid}`)

/** A guardian in A with a child whose own account (a member of A and of B) is linked through the public actions. */
async function linkedChildAccount(): Promise<string> {
  const guardian = uniqueId('test-guardian')
  await h.addMember(A, guardian)
  const childId = await addUnlinkedChild(h, guardian)
  const kid = uniqueId('test-kid')
  const { code } = expectOk(await h.call('communities', 'createChildLinkCode', { childId }, guardian), createChildLinkCodeOutput)
  expectOk(await h.call('communities', 'linkChildAccount', { code }, kid))
  const community = (id: string) =>
    h.db
      .collection(COLLECTIONS.communities)
      .doc(id)
      .get()
      .then((r: any) => r.data.code)
  for (const id of [A, B]) expectOk(await h.call('communities', 'join', { code: await community(id) }, kid))
  return kid
}

describe('the seed', () => {
  it('the demo seed holds no child with a staff or admin role', async () => {
    const people = await docsOf(h.emu, COLLECTIONS.people)
    const children = (await docsOf(h.emu, COLLECTIONS.children)).filter((c) => c.openid)
    const childAccounts = new Set([...people.filter((p) => p.isChild).map((p) => p._id), ...children.map((c) => c.openid)])
    expect(childAccounts.size).toBeGreaterThan(0)
    for (const p of people) if (childAccounts.has(p._id)) expect(p.isDistrictAdmin).toBe(false)
    for (const m of await docsOf(h.emu, COLLECTIONS.memberships)) if (childAccounts.has(m.openid)) expect(m.role).not.toBe('staff')
  })
})

describe('communities.addStaff never promotes a child account', () => {
  it.each([
    ['staff of A', 'demo-staff', A],
    ['staff of B', 'demo-staff-xinhua', B],
    ['the district admin', 'demo-admin', A],
    ['the district admin, in B', 'demo-admin', B],
  ])('a linked child account, promoted by %s: refused, nothing written', async (_who, by, communityId) => {
    const kid = await linkedChildAccount()
    const before = await h.snapshot()
    expectError(await h.call('communities', 'addStaff', { communityId, openid: kid }, by), 'MEMBER.IS_CHILD')
    expect(await h.snapshot()).toEqual(before)
    expect(await membership(communityId, kid)).toMatchObject({ role: 'resident' })
  })

  it('the seeded child (demo-child): refused', async () => {
    expectError(await h.call('communities', 'addStaff', { communityId: A, openid: 'demo-child' }, 'demo-staff'), 'MEMBER.IS_CHILD')
    expect(await membership(A, 'demo-child')).toMatchObject({ role: 'resident' })
  })

  it('an adult resident is still promoted', async () => {
    const adult = uniqueId('test-adult')
    await h.addMember(A, adult)
    expectOk(await h.call('communities', 'addStaff', { communityId: A, openid: adult }, 'demo-staff'))
    expect(await membership(A, adult)).toMatchObject({ role: 'staff' })
  })
})

describe('linking as a child an account that holds a role', () => {
  it.each([
    ['staff of A', 'demo-staff'],
    ['staff of B', 'demo-staff-xinhua'],
    ['the district admin', 'demo-admin'],
  ])('%s cannot become a child account: refused, nothing written', async (_who, openid) => {
    const guardian = uniqueId('test-guardian')
    await h.addMember(A, guardian)
    const childId = await addUnlinkedChild(h, guardian)
    const { code } = expectOk(await h.call('communities', 'createChildLinkCode', { childId }, guardian), createChildLinkCodeOutput)
    const before = await h.snapshot()
    expectError(await h.call('communities', 'linkChildAccount', { code }, openid), 'AUTH.FORBIDDEN')
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('the data', () => {
  it('a child account holding a staff role in the database (written by hand) still acts as a resident', async () => {
    const kid = await linkedChildAccount()
    await h.db
      .collection(COLLECTIONS.memberships)
      .doc(`${A}_${kid}`)
      .update({ data: { role: 'staff' } })
    await h.db
      .collection(COLLECTIONS.people)
      .doc(kid)
      .update({ data: { isDistrictAdmin: true } })
    expectError(await h.call('communities', 'listMembers', { communityId: A }, kid), 'AUTH.FORBIDDEN')
    expectError(
      await h.call('notices', 'create', { communityId: A, title: '孩子发的通知', body: '正文', category: '通知' }, kid),
      'AUTH.FORBIDDEN',
    )
    expectError(await h.call('communities', 'addStaff', { communityId: B, openid: 'test-resident-xinhua' }, kid), 'AUTH.FORBIDDEN')
  })
})
