/**
 * An audited change made in a transaction carries its entry in that same transaction (issue 13, decision 0095): the
 * change and its entry commit together or not at all. Shown through the real SDK with a real failure of the append
 * inside the transaction — the community's chain head has fallen behind its log (an entry already sits at the next
 * seq, as after a restore of `audit_heads` alone), so the append's insert fails: the change must not be written, and
 * the entry already there must not be overwritten. Then, with the head consistent again, the same call succeeds and
 * appends exactly one entry. Likewise when another transaction holds the chain head past every attempt (a conflict). Also: a burst of staff transactions in one community, which now all move its chain
 * head, all succeed and leave a chain that verifies.
 */
import { auditEntryId, auditKindOf } from '../../cloudfunctions/_kernel/audit'
import { COLLECTIONS, auditContract, type AuditEntryDoc, type AuditHeadDoc } from '../../types/index'
import { CASES } from './cases'
import { A, expectOk, startHarness, type Harness, type Persona } from './harness'
import { addProject } from './proposals-fixtures'
import { docsOf } from './results'
import { ROUTERS, type Fn } from './routers'

/** Every audited action whose change is a transaction: its entry must land in that transaction. */
const IN_TRANSACTION: [Fn, string, Persona][] = [
  ['communities', 'addStaff', 'staffA'],
  ['proposals', 'createProject', 'staffA'],
  ['proposals', 'complete', 'staffA'],
  ['council', 'addAgendaItem', 'staffA'],
  ['council', 'reorderAgenda', 'staffA'],
  ['council', 'publishAgenda', 'staffA'],
  ['council', 'recordAttendance', 'staffA'],
  ['council', 'raiseHand', 'staffA'],
  ['council', 'nextSpeaker', 'staffA'],
  ['council', 'openVote', 'staffA'],
  ['council', 'castVote', 'staffA'],
  ['council', 'closeVote', 'staffA'],
  ['council', 'recordDecision', 'admin'],
  ['council', 'publishMinutes', 'staffA'],
  ['events', 'update', 'staffA'],
  ['events', 'checkIn', 'staffA'],
  // events.cancel is not here: a cancellation is single-document conditional updates (0097), so its entry is appended
  // right after, like every other non-transactional write; only a lottery's cancellations before its draw stay a
  // transaction
]

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const head = async (communityId: string): Promise<AuditHeadDoc | null> =>
  (await docsOf(h.emu, COLLECTIONS.auditHeads)).find((d) => d._id === communityId) ?? null
const entriesOf = async (communityId: string): Promise<AuditEntryDoc[]> =>
  (await docsOf(h.emu, COLLECTIONS.auditLog)).filter((e) => e.communityId === communityId)

/** Put an entry where the community's next append will go: the head is now behind its log. Returns its id. */
async function headFallsBehind(communityId: string): Promise<{ id: string; data: Record<string, unknown> }> {
  const seq = ((await head(communityId))?.seq ?? 0) + 1
  const id = auditEntryId(communityId, seq)
  const data = {
    communityId,
    seq,
    kind: 'staff-write',
    action: 'restored.entry',
    actor: { openid: 'someone', role: 'staff' },
    objectId: null,
    summary: 'an entry the head does not know of',
    at: new Date(),
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  }
  await h.db.collection(COLLECTIONS.auditLog).doc(id).set({ data })
  return { id, data }
}

/** Fixtures (events' sign-ups, proposals…) make CASES inputs; some also need the CASES row's own setup. */
async function inputFor(fn: Fn, action: string): Promise<Record<string, unknown>> {
  return CASES[fn][action].input(h)
}

describe('a transactional change and its entry commit together', () => {
  it('the table lists only audited actions that staff may run', () => {
    for (const [fn, action, persona] of IN_TRANSACTION) {
      expect({ action: `${fn}.${action}`, kind: auditKindOf(ROUTERS[fn][action]) }).toEqual({
        action: `${fn}.${action}`,
        kind: fn === 'communities' ? 'role-change' : 'staff-write',
      })
      expect(CASES[fn][action].expect[persona as Exclude<Persona, 'none'>]).toBe('ok')
    }
  })

  it.each(IN_TRANSACTION)('%s.%s: the append fails inside the transaction → nothing is written', async (fn, action, persona) => {
    const input = await inputFor(fn, action)
    const stray = await headFallsBehind(A)
    const before = await h.snapshot()
    const res = await h.as(persona)(fn, action, input)
    const after = await h.snapshot()
    await h.db.collection(COLLECTIONS.auditLog).doc(stray.id).remove()
    expect(res.ok).toBe(false)
    // nothing changed anywhere: not the change, not the entry already at that seq
    for (const name of Object.keys(before)) expect({ name, docs: after[name] }).toEqual({ name, docs: before[name] })

    // the head consistent again: the same call goes through with exactly one entry, at the head's next seq
    const seq = ((await head(A))?.seq ?? 0) + 1
    const count = (await entriesOf(A)).length
    expectOk(await h.as(persona)(fn, action, input))
    const now = await entriesOf(A)
    expect(now.length).toBe(count + 1)
    expect(now.find((e) => e.seq === seq)).toMatchObject({ action: `${fn}.${action}`, communityId: A })
  })

  it("council.deleteChildData: the child record goes with the erase's entry — refused together, then erased together", async () => {
    const input = await inputFor('council', 'deleteChildData')
    const childId = String(input.childId)
    const child = async () => (await docsOf(h.emu, COLLECTIONS.children)).some((c) => c._id === childId)
    const stray = await headFallsBehind(A)
    const res = await h.as('residentA')('council', 'deleteChildData', input)
    expect(res.ok).toBe(false)
    expect(await child()).toBe(true)
    expect((await docsOf(h.emu, COLLECTIONS.auditLog)).find((e) => e._id === stray.id)).toMatchObject(stray.data)
    await h.db.collection(COLLECTIONS.auditLog).doc(stray.id).remove()
    // the guardian asks again: the rest of the erase is finished and the child record and the one entry go together
    const count = (await entriesOf(A)).length
    expectOk(await h.as('residentA')('council', 'deleteChildData', input))
    expect(await child()).toBe(false)
    const now = await entriesOf(A)
    expect(now.length).toBe(count + 1)
    const added = now.filter((e) => e.action === 'council.deleteChildData').sort((x, y) => y.seq - x.seq)[0]
    expect(added.kind).toBe('erase')
    expect(JSON.stringify(added)).not.toContain(childId)
  })

  it('the chain head held by another transaction past every attempt: the change is not written either', async () => {
    const input = await inputFor('council', 'nextSpeaker')
    // the chain has a head to hold (run alone, this test starts from an empty log)
    expectOk(await h.as('staffA')('notices', 'create', await inputFor('notices', 'create')))
    expect(await head(A)).not.toBeNull()
    const other = await h.db.startTransaction()
    await other
      .collection(COLLECTIONS.auditHeads)
      .doc(A)
      .update({ data: { updatedAt: new Date() } })
    const before = await h.snapshot()
    const res = await h.as('staffA')('council', 'nextSpeaker', input)
    const after = await h.snapshot()
    await other.rollback()
    expect(res).toMatchObject({ ok: false, error: { code: 'COUNCIL.BUSY' } })
    for (const name of Object.keys(before)) expect({ name, docs: after[name] }).toEqual({ name, docs: before[name] })
    expectOk(await h.as('staffA')('council', 'nextSpeaker', input))
  })

  it('a burst of staff transactions in one community: every one succeeds, one entry each, and the chain verifies', async () => {
    const BURST = 6
    const projects = await Promise.all(Array.from({ length: BURST }, () => addProject(h)))
    const count = (await entriesOf(A)).length
    const results = await Promise.all(
      projects.map((p, i) =>
        h.as(i % 2 ? 'admin' : 'staffA')('proposals', 'complete', { projectId: p.projectId, outcome: '两盏路灯已亮，院坝晚上不再黑。' }),
      ),
    )
    for (const res of results) expectOk(res)
    const now = await entriesOf(A)
    expect(now.length).toBe(count + BURST)
    const ids = new Set(projects.map((p) => p.projectId))
    expect(now.filter((e) => e.action === 'proposals.complete' && ids.has(String(e.objectId))).length).toBe(BURST)
    const verified = expectOk(await h.as('admin')('audit', 'verify', { communityId: A }), auditContract.verify.output)
    expect(verified).toMatchObject({ ok: true, firstBad: null })
  })
})
