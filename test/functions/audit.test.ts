/**
 * The audit trail, built from the routers' action lists and the matrix cases: every audited action appends exactly
 * one entry (who, community, action, object, field names), every other action none — and a staff- or admin-only
 * action that writes anything must be declared audited. Then the chain: editing, removing or reordering one stored
 * entry makes `verify` name it; only staff of the community and the district admin read the log.
 */
import { auditKindOf } from '../../cloudfunctions/_kernel/audit'
import { actionNames } from '../../cloudfunctions/_kernel/router'
import { COLLECTIONS, auditContract, type AuditEntryDoc } from '../../types/index'
import { CASES } from './cases'
import { A, B, PERSONAS, expectError, expectOk, startHarness, type Harness, type Persona } from './harness'
import { docsOf } from './results'
import { ROUTERS } from './routers'

/** Collections that record side effects, not the action's change (the log itself, messages sent). */
const NOT_A_CHANGE = new Set<string>([COLLECTIONS.auditLog, COLLECTIONS.auditHeads])

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const entries = async (): Promise<AuditEntryDoc[]> => docsOf(h.emu, COLLECTIONS.auditLog)

async function changedCollections(before: Record<string, unknown[]>): Promise<string[]> {
  const after = await h.snapshot()
  return Object.keys(after).filter((name) => !NOT_A_CHANGE.has(name) && JSON.stringify(after[name]) !== JSON.stringify(before[name]))
}

type Row = [fn: keyof typeof CASES, action: string]
const rows: Row[] = (Object.keys(ROUTERS) as (keyof typeof CASES)[]).flatMap((fn) => actionNames(ROUTERS[fn]).map((a): Row => [fn, a]))
const declared = rows.filter(([fn, a]) => auditKindOf(ROUTERS[fn][a]) !== undefined)
const undeclared = rows.filter(([fn, a]) => auditKindOf(ROUTERS[fn][a]) === undefined)

/** Staff (or the admin) for a staff action; the guardian for an export or erase of their child's data. */
function actorFor(fn: keyof typeof CASES, action: string): Persona {
  const expect = CASES[fn][action].expect
  const order: Persona[] = ['staffA', 'admin', 'residentA', 'residentB']
  const persona = order.find((p) => expect[p as Exclude<Persona, 'none'>] === 'ok')
  if (!persona) throw new Error(`${fn}.${action}: nobody may run it`)
  return persona
}

describe('every audited action appends exactly one entry', () => {
  it('declares at least the staff writes, exports, role changes and erasures we know of', () => {
    expect(declared.map(([fn, a]) => `${fn}.${a}`)).toEqual(
      expect.arrayContaining(['notices.create', 'events.export', 'communities.addStaff', 'council.deleteChildData', 'council.myChildData']),
    )
    expect(auditKindOf(ROUTERS.communities.addStaff)).toBe('role-change')
    expect(auditKindOf(ROUTERS.council.deleteChildData)).toBe('erase')
    expect(auditKindOf(ROUTERS.events.export)).toBe('export')
  })

  it.each(declared)('%s.%s', async (fn, action) => {
    const persona = actorFor(fn, action)
    const input = await CASES[fn][action].input(h)
    const before = await entries()
    expectOk(await h.as(persona)(fn, action, input))
    const added = (await entries()).filter((e) => !before.some((b) => b._id === e._id))
    expect(added).toHaveLength(1)
    const [e] = added
    expect(e).toMatchObject({ communityId: A, action: `${fn}.${action}`, kind: auditKindOf(ROUTERS[fn][action]) })
    expect(e.actor.openid).toBe(PERSONAS[persona])
    expect(e.actor.role).toBe(persona === 'admin' ? 'admin' : persona === 'staffA' ? 'staff' : 'resident')
    // field names only: no value of the input appears in the summary
    for (const value of Object.values(input)) if (typeof value === 'string' && value.length > 3) expect(e.summary).not.toContain(value)
  })

  it.each(declared.filter(([fn, a]) => auditKindOf(ROUTERS[fn][a]) === 'staff-write' && CASES[fn][a].expect.residentA === 'ok'))(
    '%s.%s done by a resident is not a staff write: no entry',
    async (fn, action) => {
      const input = await CASES[fn][action].input(h)
      const before = (await entries()).length
      expectOk(await h.as('residentA')(fn, action, input))
      expect((await entries()).length).toBe(before)
    },
  )

  it.each(undeclared)('%s.%s appends none; if only staff may run it, it writes nothing', async (fn, action) => {
    const persona = actorFor(fn, action)
    const input = await CASES[fn][action].input(h)
    const before = await h.snapshot()
    const count = (await entries()).length
    expectOk(await h.as(persona)(fn, action, input))
    expect((await entries()).length).toBe(count)
    const residentsMay = (['residentA', 'residentB'] as const).some((p) => CASES[fn][action].expect[p] === 'ok')
    if (!residentsMay)
      expect({ action: `${fn}.${action}`, changed: await changedCollections(before) }).toEqual({ action: `${fn}.${action}`, changed: [] })
  })
})

describe('the chain', () => {
  const verify = async () => expectOk(await h.as('admin')('audit', 'verify', { communityId: A }), auditContract.verify.output)

  async function chain(): Promise<AuditEntryDoc[]> {
    return (await entries()).filter((e) => e.communityId === A).sort((x, y) => x.seq - y.seq)
  }
  async function put(e: AuditEntryDoc) {
    const { _id, ...data } = e
    await h.db.collection(COLLECTIONS.auditLog).doc(_id).set({ data })
  }

  beforeAll(async () => {
    for (let i = 0; i < 4; i++)
      expectOk(await h.as('staffA')('notices', 'create', { communityId: A, title: `审计${i}`, body: '正文', category: '通知' }))
  })

  it('an untouched chain verifies', async () => {
    const res = await verify()
    expect(res).toMatchObject({ ok: true, firstBad: null })
    expect(res.checked).toBe((await chain()).length)
    expect(res.checked).toBeGreaterThanOrEqual(4)
  })

  it('an edited entry is named', async () => {
    const all = await chain()
    const victim = all[2]
    await put({ ...victim, summary: `${victim.summary} (改)` })
    expect((await verify()).firstBad).toEqual({ seq: victim.seq, id: victim._id, problem: 'edited' })
    await put(victim)
    expect((await verify()).ok).toBe(true)
  })

  it('an edit with its hash recomputed is named too (the next entry no longer links to it)', async () => {
    const { entryHash } = await import('../../cloudfunctions/_kernel/audit')
    const all = await chain()
    const victim = all[1]
    const forged = { ...victim, actor: { openid: 'someone-else', role: 'staff' as const } }
    forged.hash = entryHash(forged)
    await put(forged)
    expect((await verify()).firstBad).toEqual({ seq: victim.seq, id: victim._id, problem: 'edited' })
    await put(victim)
  })

  it('a removed entry is named by its seq; so is a removed last entry', async () => {
    const all = await chain()
    const victim = all[1]
    await h.db.collection(COLLECTIONS.auditLog).doc(victim._id).remove()
    expect((await verify()).firstBad).toEqual({ seq: victim.seq, id: null, problem: 'removed' })
    await put(victim)
    const last = all[all.length - 1]
    await h.db.collection(COLLECTIONS.auditLog).doc(last._id).remove()
    expect((await verify()).firstBad).toEqual({ seq: last.seq, id: null, problem: 'removed' })
    await put(last)
    expect((await verify()).ok).toBe(true)
  })

  it('two entries swapped in order: the first out of place is named', async () => {
    const all = await chain()
    const [x, y] = [all[1], all[2]]
    await put({ ...y, _id: x._id, seq: x.seq })
    await put({ ...x, _id: y._id, seq: y.seq })
    expect((await verify()).firstBad).toEqual({ seq: x.seq, id: x._id, problem: 'reordered' })
    await put(x)
    await put(y)
    expect((await verify()).ok).toBe(true)
  })

  it('no function edits or deletes an entry: the audit router has only list and verify', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { router } = require('../../cloudfunctions/audit/router')
    expect(actionNames(router).sort()).toEqual(['list', 'verify'])
  })
})

describe('who reads the log', () => {
  it('staff read their own community, newest first, page by page; not another community; not the whole district', async () => {
    const page = expectOk(await h.as('staffA')('audit', 'list', { communityId: A }), auditContract.list.output)
    expect(page.entries.length).toBeGreaterThan(0)
    expect(page.entries.every((e) => e.communityId === A)).toBe(true)
    const at = page.entries.map((e) => e.at)
    expect([...at].sort().reverse()).toEqual(at)
    if (page.cursor) {
      const next = expectOk(await h.as('staffA')('audit', 'list', { communityId: A, cursor: page.cursor }), auditContract.list.output)
      expect(next.entries.some((e) => page.entries.some((p) => p.id === e.id))).toBe(false)
    }
    expectError(await h.as('staffA')('audit', 'list', { communityId: B }), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffA')('audit', 'list', {}), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffB')('audit', 'verify', { communityId: A }), 'AUTH.FORBIDDEN')
    expectOk(await h.as('staffA')('audit', 'verify', { communityId: A }))
  })
  it('residents read nothing; the district admin reads everything', async () => {
    for (const persona of ['residentA', 'residentB'] as const) {
      expectError(await h.as(persona)('audit', 'list', { communityId: A }), 'AUTH.FORBIDDEN')
      expectError(await h.as(persona)('audit', 'verify', { communityId: A }), 'AUTH.FORBIDDEN')
    }
    const all = expectOk(await h.as('admin')('audit', 'list', {}), auditContract.list.output)
    expect(all.entries.length).toBeGreaterThan(0)
    const from = new Date(Date.now() - 3600_000).toISOString()
    const window = expectOk(
      await h.as('admin')('audit', 'list', { communityId: A, from, to: new Date(Date.now() + 60_000).toISOString() }),
      auditContract.list.output,
    )
    expect(window.entries.length).toBeGreaterThan(0)
  })
})
