/**
 * Authorization matrix: every action of every function × every persona. No unauthorized success, and a refused call
 * writes nothing. Built from the routers' action lists: a new action without a case fails here, and so does a new
 * function (it must be in ROUTERS, which must be the contract's functions, and in CASES).
 */
import { actionNames } from '../../cloudfunctions/_kernel/router'
import { contract } from '../../types/index'
import { CASES } from './cases'
import { SIGNED_IN, expectError, outcome, startHarness, type Harness } from './harness'
import { FUNCTIONS, ROUTERS } from './routers'

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

it('covers every function of the contract', () => {
  expect([...FUNCTIONS].sort()).toEqual(Object.keys(contract).sort())
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(contract).sort())
})

describe.each(FUNCTIONS)('%s', (fn) => {
  it('has a matrix case for every action of the router, and no case for an action that does not exist', () => {
    expect(Object.keys(CASES[fn]).sort()).toEqual(actionNames(ROUTERS[fn]).sort())
  })

  const actions = actionNames(ROUTERS[fn])
  it.each(actions)('%s: without an openid → AUTH.NO_OPENID, nothing written', async (action) => {
    const input = await CASES[fn][action].input(h)
    const before = await h.snapshot()
    expectError(await h.call(fn, action, input), 'AUTH.NO_OPENID')
    expect(await h.snapshot()).toEqual(before)
  })

  it.each(actions)('%s: each persona gets exactly what the matrix says', async (action) => {
    const c = CASES[fn][action]
    const got: Record<string, string> = {}
    for (const persona of SIGNED_IN) {
      const input = await c.input(h)
      const before = await h.snapshot()
      const res = await h.as(persona)(fn, action, input)
      got[persona] = outcome(res)
      if (c.expect[persona] !== 'ok') {
        expectError(res, c.expect[persona] as any)
        expect({ persona, after: await h.snapshot() }).toEqual({ persona, after: before })
      }
    }
    expect(got).toEqual(c.expect)
  })
})
