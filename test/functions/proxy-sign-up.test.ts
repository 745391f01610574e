/**
 * 代报名 names a resident of the event's community who may join the event, or no account at all: a child's account,
 * another community's staff member or resident, and an openid nobody has are refused with stable codes and nothing
 * is written; a resident of the community and a walk-in without an account take a place.
 */
import { COLLECTIONS, signupResultSchema } from '../../types/index'
import { addEvent } from './events-fixtures'
import { A, C, expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const proxy = (input: Record<string, unknown>, by = 'demo-staff') => h.call('events', 'proxySignUp', input, by)

describe('who a walk-in booking may name', () => {
  it.each([
    ['the seeded child account (a resident of A)', 'demo-child', 'MEMBER.IS_CHILD'],
    ['staff of another community', 'demo-staff-xinhua', 'MEMBER.NOT_FOUND'],
    ['a resident of another community', 'test-resident-xinhua', 'MEMBER.NOT_FOUND'],
    ['an openid nobody has', 'test-nobody-at-all', 'MEMBER.NOT_FOUND'],
  ])('%s: refused, nothing written', async (_who, openid, code) => {
    for (const openTo of ['residents', 'anyone'] as const) {
      const eventId = await addEvent(h, { openTo })
      const before = await h.snapshot()
      expectError(await proxy({ eventId, name: '来访者', birthYear: 1960, openid }), code as any)
      expect(await h.snapshot()).toEqual(before)
    }
  })

  it('a linked child account that joined the community: refused', async () => {
    const kid = uniqueId('test-kid')
    await h.addMember(A, kid)
    await h.db
      .collection(COLLECTIONS.people)
      .doc(kid)
      .update({ data: { isChild: true } })
    const eventId = await addEvent(h)
    expectError(await proxy({ eventId, name: '小朋友', openid: kid }), 'MEMBER.IS_CHILD')
  })

  it('a resident of the community, and a walk-in with no account, take a place', async () => {
    const eventId = await addEvent(h)
    const resident = expectOk(await proxy({ eventId, name: '王阿姨', openid: 'demo-resident' }), signupResultSchema)
    expect(resident).toMatchObject({ created: true, status: 'confirmed' })
    expectOk(await proxy({ eventId, name: '刘大爷', birthYear: 1950 }), signupResultSchema)
    const signups = (await docsOf(h.emu, COLLECTIONS.eventSignups)).filter((s) => s.eventId === eventId)
    expect(signups.map((s) => s.ownerOpenid).sort()).toEqual(['demo-resident', null].sort())
  })

  it('staff of a community book for their own residents only (a resident of C for an event of C)', async () => {
    const resident = uniqueId('test-resident-c')
    await h.addMember(C, resident)
    const eventId = await addEvent(h, { communityId: C })
    expectOk(await proxy({ eventId, name: '居民', openid: resident }, 'demo-admin'), signupResultSchema)
    expectError(await proxy({ eventId: await addEvent(h), name: '居民', openid: resident }), 'MEMBER.NOT_FOUND')
  })
})
