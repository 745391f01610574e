/**
 * Generated bad input for every action of every router (a new action is covered automatically): fast-check
 * arbitraries derived from the action's zod contract (test/functions/zod-arbitraries.ts) — wrong types, zero-width-only
 * and bidi-only text, operator objects where ids belong, oversize strings and arrays, missing and unknown fields,
 * inputs that are not objects. Every refused call answers the envelope `{ok:false,error:{code,message}}` with a stable
 * code — INPUT.INVALID for what the schema refuses, never INTERNAL, never a stack — and writes nothing (every
 * collection dumped before and after). Fixed seed, a bounded number of runs per action, one emulator for the file.
 */
import fc from 'fast-check'
import { actionNames } from '../../cloudfunctions/_kernel/router'
import { ERROR_CODES, contract, type Envelope } from '../../types/index'
import { expectError, startHarness, type Harness } from './harness'
import { asEnvelope } from './results'
import { ROUTERS } from './routers'
import { hostileArb, shapedArb } from './zod-arbitraries'

const SEED = 20261203
/** per action: hostile inputs the schema refuses, and inputs of the right shape (random ids, texts with invisible characters) */
const HOSTILE_RUNS = 12
const SHAPED_RUNS = 4

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

/** The envelope of a refusal: exactly `{ok:false, error:{code, message, issues?}}`, a known code, no stack, never INTERNAL. */
function expectStableRefusal(res: Envelope<unknown>): string {
  if (!res || res.ok !== false) throw new Error(`expected a refusal, got ${JSON.stringify(res)?.slice(0, 300)}`)
  expect(Object.keys(res).sort()).toEqual(['error', 'ok'])
  expect(Object.keys(res.error).filter((k) => !['code', 'message', 'issues'].includes(k))).toEqual([])
  expect(ERROR_CODES).toContain(res.error.code)
  expect(res.error.code).not.toBe('INTERNAL')
  expect(typeof res.error.message).toBe('string')
  expect(JSON.stringify(res)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/) // never a stack trace
  return res.error.code
}

it('covers every function of the contract, and each router implements exactly its contract', () => {
  expect(Object.keys(ROUTERS).sort()).toEqual(Object.keys(contract).sort())
  for (const fn of Object.keys(ROUTERS) as (keyof typeof ROUTERS)[])
    expect({ fn, actions: actionNames(ROUTERS[fn]).sort() }).toEqual({ fn, actions: Object.keys(contract[fn]).sort() })
})

describe.each(Object.keys(ROUTERS) as (keyof typeof ROUTERS)[])('%s', (fn) => {
  const actions = actionNames(ROUTERS[fn])
  const schemaOf = (action: string) => (contract[fn] as Record<string, { input: any }>)[action].input

  it.each(actions)('%s: generated hostile input → INPUT.INVALID, nothing written', async (action) => {
    const schema = schemaOf(action)
    const hostile = hostileArb(schema).filter((c) => !schema.safeParse(c.input).success)
    await fc.assert(
      fc.asyncProperty(hostile, async ({ how, input }) => {
        const before = await h.snapshot()
        const res = await h.as('admin')(fn, action, input)
        try {
          expectStableRefusal(res)
          expectError(res, 'INPUT.INVALID')
        } catch (error) {
          throw new Error(`${fn}.${action} [${how}]: ${(error as Error).message}`)
        }
        expect({ how, after: await h.snapshot() }).toEqual({ how, after: before })
      }),
      { seed: SEED, numRuns: HOSTILE_RUNS },
    )
  })

  it.each(actions)('%s: generated input of the right shape → ok, or a stable refusal that writes nothing', async (action) => {
    const schema = schemaOf(action)
    const shaped = shapedArb(schema).filter((input) => schema.safeParse(input).success)
    await fc.assert(
      fc.asyncProperty(shaped, async (input) => {
        const before = await h.snapshot()
        // as a community's staff: deep enough for every community action, and no district-wide rollup per run
        const res = await h.as('staffA')(fn, action, input)
        if (res && res.ok === true) return
        try {
          expectStableRefusal(res)
        } catch (error) {
          throw new Error(`${fn}.${action} [${JSON.stringify(input)?.slice(0, 200)}]: ${(error as Error).message}`)
        }
        expect({ input, after: await h.snapshot() }).toEqual({ input, after: before })
      }),
      { seed: SEED, numRuns: SHAPED_RUNS },
    )
  })

  it('field issues name the field', async () => {
    // the first action with an id field, given an operator object there
    const found = actions
      .map((action) => ({ action, keys: Object.keys((schemaOf(action) as { shape?: object }).shape ?? {}) }))
      .map(({ action, keys }) => ({ action, field: keys.find((k) => /Id$/.test(k)) }))
      .find((a) => a.field !== undefined)!
    const res = await h.as('staffA')(fn, found.action, { [found.field!]: { $gt: '' } })
    expectError(res, 'INPUT.INVALID')
    expect(res.ok === false && res.error.issues?.map((i) => i.path)).toContain(found.field)
  })

  it('a 1 MB field → INPUT.INVALID (too_big) before parsing, nothing written', async () => {
    const before = await h.snapshot()
    const res = await h.as('admin')(fn, actions[0], { pad: 'x'.repeat(1024 * 1024) })
    expectError(res, 'INPUT.INVALID')
    expect(res.ok === false && res.error.issues?.[0]?.code).toBe('too_big')
    expect(await h.snapshot()).toEqual(before)
  })
})

describe('the request envelope', () => {
  it('unknown, missing and prototype actions → ACTION.UNKNOWN', async () => {
    for (const action of ['nope', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expectError(await h.call('notices', action, {}, 'demo-staff'), 'ACTION.UNKNOWN')
    }
    expectError(asEnvelope(await h.emu.invoke('communities', {}, { openid: 'demo-staff' })), 'ACTION.UNKNOWN')
    expectError(asEnvelope(await h.emu.invoke('communities', { action: 42 }, { openid: 'demo-staff' })), 'ACTION.UNKNOWN')
  })
  it('an unknown action is refused before identity is asked for', async () => {
    expectError(await h.call('notices', 'nope', {}), 'ACTION.UNKNOWN')
  })
})
