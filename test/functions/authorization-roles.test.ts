/**
 * The authorization matrix's second dimension: role changes, then the whole matrix again — so an elevation path (a
 * role that outlives its removal, a promotion that leaks into another community, a child account that gains what a
 * resident lacks) is caught like a direct one. Generated from the same routers and CASES as authorization.test.ts:
 * a new action is covered here without a new line.
 *
 * One emulator for the whole dimension; the changes go through the public actions wherever one exists (there is no
 * demote action: the district removes a staff role in the database, and so does this test):
 *  - promote + demote, swapped: residentB is promoted to staff of B by staffB (`addStaff`) and staffB is demoted to
 *    resident of B — residentB must now get exactly staffB's column, and staffB exactly residentB's;
 *  - a round trip: residentA is promoted to staff of A (`addStaff`) and demoted again — exactly residentA's column;
 *  - join another community: residentA and the admin join C, staffA joins B as a resident (`join`) — each keeps
 *    exactly its own column for A;
 *  - link a child account: a fresh account is linked as the own account of a child of A (`addChild`,
 *    `createChildLinkCode`, `linkChildAccount`) and joins A — it must never succeed where residentA is refused,
 *    and a refusal writes nothing.
 */
import { actionNames } from '../../cloudfunctions/_kernel/router'
import { COLLECTIONS, DEMO_COMMUNITIES, childViewSchema, createChildLinkCodeOutput } from '../../types/index'
import { CASES, type Expected } from './cases'
import { A, B, C_CODE, PERSONAS, SIGNED_IN, expectError, expectOk, outcome, startHarness, type Harness, type Persona } from './harness'
import { FUNCTIONS, ROUTERS } from './routers'

type Signed = Exclude<Persona, 'none'>

/** After the changes: whose column each persona's account must now match. */
const NOW_LIKE: Record<Signed, Signed> = {
  residentA: 'residentA',
  residentB: 'staffB',
  staffA: 'staffA',
  staffB: 'residentB',
  admin: 'admin',
}
const CHILD = 'test-role-child-account'
const GUARDIAN = 'test-role-guardian'
const thisYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()))

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  const call = (fn: string, action: string, input: unknown, openid: string) => h.call(fn, action, input, openid)
  // promote + demote, swapped
  expectOk(await call('communities', 'addStaff', { communityId: B, openid: PERSONAS.residentB }, PERSONAS.staffB))
  await h.db
    .collection(COLLECTIONS.memberships)
    .doc(`${B}_${PERSONAS.staffB}`)
    .update({ data: { role: 'resident' } })
  // a round trip
  expectOk(await call('communities', 'addStaff', { communityId: A, openid: PERSONAS.residentA }, PERSONAS.staffA))
  await h.db
    .collection(COLLECTIONS.memberships)
    .doc(`${A}_${PERSONAS.residentA}`)
    .update({ data: { role: 'resident' } })
  // join another community
  expectOk(await call('communities', 'join', { code: C_CODE }, PERSONAS.residentA))
  expectOk(await call('communities', 'join', { code: C_CODE }, PERSONAS.admin))
  expectOk(await call('communities', 'join', { code: DEMO_COMMUNITIES.xinhua.code }, PERSONAS.staffA))
  // link a child account, which then joins A
  await h.addMember(A, GUARDIAN)
  const child = expectOk(
    await call('communities', 'addChild', { communityId: A, alias: '小雨', birthYear: thisYear() - 12 }, GUARDIAN),
    childViewSchema,
  )
  const { code } = expectOk(
    await call('communities', 'createChildLinkCode', { childId: child.childId }, GUARDIAN),
    createChildLinkCodeOutput,
  )
  expectOk(await call('communities', 'linkChildAccount', { code }, CHILD))
  expectOk(await call('communities', 'join', { code: DEMO_COMMUNITIES.zhizijie.code }, CHILD))
}, 120_000)
afterAll(async () => {
  await h?.stop()
})

describe.each(FUNCTIONS)('%s, after the role changes', (fn) => {
  it('has a matrix case for every action of the router', () => {
    expect(Object.keys(CASES[fn]).sort()).toEqual(actionNames(ROUTERS[fn]).sort())
  })

  it.each(actionNames(ROUTERS[fn]))(
    '%s: each account gets exactly the column of the role it now holds; the child account never more than a resident',
    async (action) => {
      const c = CASES[fn][action]
      const got: Record<string, string> = {}
      const want: Record<string, Expected> = {}
      for (const persona of SIGNED_IN) {
        const like = NOW_LIKE[persona]
        const input = await c.input(h)
        const before = await h.snapshot()
        const res = await h.call(fn, action, input, PERSONAS[persona])
        got[persona] = outcome(res)
        want[persona] = c.expect[like]
        if (c.expect[like] !== 'ok') {
          expectError(res, c.expect[like] as any)
          expect({ persona, after: await h.snapshot() }).toEqual({ persona, after: before })
        }
      }
      expect(got).toEqual(want)

      // the child account: refused wherever a resident of A is refused, and a refusal writes nothing
      const input = await c.input(h)
      const before = await h.snapshot()
      const res = await h.call(fn, action, input, CHILD)
      if (c.expect.residentA !== 'ok') expect({ child: outcome(res) }).not.toEqual({ child: 'ok' })
      if (outcome(res) !== 'ok') expect({ child: outcome(res), after: await h.snapshot() }).toEqual({ child: outcome(res), after: before })
    },
  )
})
