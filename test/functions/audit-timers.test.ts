/**
 * Timer jobs that write on behalf of the system append one audit entry per run and community they changed — actor
 * role `system`, a summary of counts, never a child's data (decision 0096): the council's retention purge (an erase),
 * the events draw and no-show jobs. Jobs that only send messages (remind, fanout) or write aggregates (insights
 * rollups) append none, and a run that changed nothing appends nothing.
 */
import { COLLECTIONS, auditContract, type AuditEntryDoc } from '../../types/index'
import { addCouncilMember } from './council-fixtures'
import { addEvent, addSignup, closedLottery, endedAnHourAgo } from './events-fixtures'
import { A, B, expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const entries = async (): Promise<AuditEntryDoc[]> => docsOf(h.emu, COLLECTIONS.auditLog)
async function added(run: () => Promise<unknown>): Promise<AuditEntryDoc[]> {
  const before = new Set((await entries()).map((e) => e._id))
  const res = await run()
  expect(res).toMatchObject({ ok: true })
  return (await entries()).filter((e) => !before.has(e._id))
}
const byCommunity = (list: AuditEntryDoc[]) => Object.fromEntries(list.map((e) => [e.communityId, e]))

async function formerMember(communityId: string, alias: string): Promise<{ memberId: string; childId: string }> {
  const memberId = await addCouncilMember(h, { status: 'left', alias, communityId, councilId: `council-${communityId}` })
  await h.db
    .collection(COLLECTIONS.councilMembers)
    .doc(memberId)
    .update({ data: { purgeAfter: new Date(Date.now() - 1000) } })
  const childId = (await h.db.collection(COLLECTIONS.councilMembers).doc(memberId).get()).data.childId as string
  return { memberId, childId }
}

describe('timer jobs append one system entry per run and community they changed', () => {
  it('the retention purge: one erase entry per community, counts only', async () => {
    await h.emu.fireTrigger('council', 'daily') // whatever the seeds had due
    const gone = [await formerMember(A, '小离甲'), await formerMember(A, '小离乙'), await formerMember(B, '小离丙')]
    const list = await added(() => h.emu.fireTrigger('council', 'daily'))
    expect(list).toHaveLength(2)
    const at = byCommunity(list)
    for (const e of list)
      expect(e).toMatchObject({ kind: 'erase', action: 'council.timer:daily', actor: { openid: '', role: 'system' }, objectId: null })
    expect(at[A].summary).toBe('council.timer:daily: former members erased 2')
    expect(at[B].summary).toBe('council.timer:daily: former members erased 1')
    const text = JSON.stringify(list)
    for (const g of gone) for (const needle of [g.memberId, g.childId]) expect(text).not.toContain(needle)
    for (const alias of ['小离甲', '小离乙', '小离丙']) expect(text).not.toContain(alias)
    // nothing due: no entry
    expect(await added(() => h.emu.fireTrigger('council', 'daily'))).toEqual([])
  })

  it('the draw: one entry for the community whose lottery was drawn', async () => {
    await h.emu.fireTrigger('events', 'draw')
    const eventId = await addEvent(h, { ...closedLottery(), communityId: A, capacity: 1 })
    for (const participantId of ['demo-resident', 'demo-guardian']) await addSignup(h, eventId, { participantId, status: 'registered' })
    const list = await added(() => h.emu.fireTrigger('events', 'draw'))
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      communityId: A,
      kind: 'system-write',
      action: 'events.timer:draw',
      actor: { openid: '', role: 'system' },
      summary: 'events.timer:draw: lotteries drawn 1',
    })
    expect(await added(() => h.emu.fireTrigger('events', 'draw'))).toEqual([])
  })

  it('no-shows: one entry per community, with how many', async () => {
    const first = await addEvent(h, { ...endedAnHourAgo(), communityId: A })
    await addSignup(h, first, { participantId: 'demo-resident' })
    await addSignup(h, first, { participantId: 'demo-guardian' })
    const second = await addEvent(h, { ...endedAnHourAgo(), communityId: A })
    await addSignup(h, second, { participantId: 'demo-resident', checkedInAt: new Date(Date.now() - 2 * 3600_000) })
    const list = await added(() => h.emu.fireTrigger('events', 'noShows'))
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ communityId: A, kind: 'system-write', actor: { role: 'system' } })
    expect(list[0].summary).toBe('events.timer:noShows: events closed 2, no-shows recorded 2')
    expect(await added(() => h.emu.fireTrigger('events', 'noShows'))).toEqual([])
  })

  it('messages and aggregates are not audited: remind, fanout, the insights rollup', async () => {
    for (const [fn, trigger] of [
      ['events', 'remind'],
      ['events', 'fanout'],
      ['insights', 'rollupToday'],
    ] as const)
      expect({ trigger, added: await added(() => h.emu.fireTrigger(fn, trigger)) }).toEqual({ trigger, added: [] })
  })

  it('system entries read like any other and keep the chain whole', async () => {
    const page = expectOk(await h.as('admin')('audit', 'list', { communityId: A }), auditContract.list.output)
    expect(page.entries.some((e) => e.actor.role === 'system')).toBe(true)
    for (const communityId of [A, B])
      expect(expectOk(await h.as('admin')('audit', 'verify', { communityId }), auditContract.verify.output)).toMatchObject({ ok: true })
  })
})
