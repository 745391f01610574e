/**
 * Bad input for every action: wrong types, missing and unknown fields, oversize strings, `{"$gt": ""}` where an id
 * belongs, a 1 MB payload → INPUT.INVALID and nothing written. Generated from the same case table as the matrix.
 */
import { contract } from '../../types/index'
import { CASES } from './cases'
import { expectError, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

type Variant = { name: string; input: unknown; mustFail: boolean }

function wrongTypeFor(value: unknown): unknown[] {
  if (typeof value === 'string') return [12345, true, ['x'], { value }]
  if (typeof value === 'number') return ['12', true, null]
  if (typeof value === 'boolean') return ['true', 1]
  return [12345]
}

/** Every hostile variant of a valid input. `mustFail` variants must be refused whatever the schema says. */
function variants(valid: Record<string, unknown>): Variant[] {
  const out: Variant[] = [
    { name: 'input is a string', input: 'communityId', mustFail: true },
    { name: 'input is an array', input: [valid], mustFail: true },
    { name: 'input is null', input: null, mustFail: true },
    { name: 'unknown field', input: { ...valid, isDistrictAdmin: true }, mustFail: true },
    { name: 'operator field', input: { ...valid, $where: '1' }, mustFail: true },
    { name: '1 MB extra field', input: { ...valid, pad: 'x'.repeat(1024 * 1024) }, mustFail: true },
  ]
  for (const [key, value] of Object.entries(valid)) {
    const { [key]: _dropped, ...rest } = valid
    out.push({ name: `missing ${key}`, input: rest, mustFail: false })
    for (const wrong of wrongTypeFor(value)) out.push({ name: `${key} = ${JSON.stringify(wrong)}`, input: { ...valid, [key]: wrong }, mustFail: true })
    if (typeof value === 'string') {
      out.push({ name: `${key} oversize (10 000 chars)`, input: { ...valid, [key]: '长'.repeat(10_000) }, mustFail: true })
      out.push({ name: `${key} 1 MB`, input: { ...valid, [key]: 'x'.repeat(1024 * 1024) }, mustFail: true })
      out.push({ name: `${key} = {"$gt": ""}`, input: { ...valid, [key]: { $gt: '' } }, mustFail: true })
      out.push({ name: `${key} = {"$ne": null}`, input: { ...valid, [key]: { $ne: null } }, mustFail: true })
    }
  }
  return out
}

describe.each(Object.keys(CASES) as (keyof typeof CASES)[])('%s', (fn) => {
  it.each(Object.keys(CASES[fn]))('%s: every hostile variant → INPUT.INVALID, nothing written', async (action) => {
    const valid = await CASES[fn][action].input(h)
    const schema = (contract[fn] as any)[action].input
    expect(schema.safeParse(valid).success).toBe(true) // the base case really is valid
    let tried = 0
    for (const v of variants(valid)) {
      if (!v.mustFail && schema.safeParse(v.input).success) continue // e.g. dropping an optional field
      tried++
      const before = await h.snapshot()
      const res = await h.as('admin')(fn, action, v.input)
      try {
        expectError(res, 'INPUT.INVALID')
        if (v.name.includes('1 MB')) expect(res.ok === false && res.error.issues?.[0]?.code).toBe('too_big')
      } catch (error) {
        throw new Error(`${fn}.${action} [${v.name}]: ${(error as Error).message}`)
      }
      expect({ variant: v.name, after: await h.snapshot() }).toEqual({ variant: v.name, after: before })
    }
    expect(tried).toBeGreaterThan(5)
  })

  it('field issues name the field', async () => {
    const field = ({ notices: 'noticeId', proposals: 'proposalId', events: 'eventId' } as Record<string, string>)[fn] ?? 'communityId'
    const res = await h.as('staffA')(fn, 'get', { [field]: { $gt: '' } })
    expectError(res, 'INPUT.INVALID')
    expect(res.ok === false && res.error.issues?.map((i) => i.path)).toContain(field)
  })
})

describe('the request envelope', () => {
  it('unknown, missing and prototype actions → ACTION.UNKNOWN', async () => {
    for (const action of ['nope', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expectError(await h.call('notices', action, {}, 'demo-staff'), 'ACTION.UNKNOWN')
    }
    expectError(await h.emu.invoke('communities', {}, { openid: 'demo-staff' }), 'ACTION.UNKNOWN')
    expectError(await h.emu.invoke('communities', { action: 42 }, { openid: 'demo-staff' }), 'ACTION.UNKNOWN')
  })
  it('an unknown action is refused before identity is asked for', async () => {
    expectError(await h.call('notices', 'nope', {}), 'ACTION.UNKNOWN')
  })
})
