/**
 * Concurrency through the real SDK on the emulator: 500 residents supporting and taking back supports at once,
 * the threshold firing exactly once, withdrawal racing supports, two staff reviewing at once, two projects claiming
 * the same proposal.
 */
import { COLLECTIONS, proposalViewSchema, supportOutput, type ProposalDoc } from '../../types/index'
import { A, C, expectOk, outcome, startHarness, uniqueId, type Harness } from './harness'
import { addProposal } from './proposals-fixtures'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const proposalDoc = async (id: string): Promise<ProposalDoc> => (await docsOf(h.emu, COLLECTIONS.proposals)).find((p) => p._id === id)!
const supportRecords = async (id: string) => (await docsOf(h.emu, COLLECTIONS.proposalSupports)).filter((s) => s.proposalId === id)

async function residents(communityId: string, n: number, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`)
  for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map((id) => h.addMember(communityId, id)))
  return ids
}

async function setThreshold(communityId: string, supportThreshold: number) {
  expectOk(await h.call('proposals', 'updateSettings', { communityId, supportThreshold }, 'demo-admin'))
}

describe('the support race', () => {
  it('500 residents support and unsupport at once: the count equals the records, the threshold fires exactly once', async () => {
    await setThreshold(C, 100)
    const proposalId = await addProposal(h, { communityId: C })
    const people = await residents(C, 500, 'race')
    const supportOnly = people.slice(0, 300)
    const supportThenTakeBack = people.slice(300, 400)
    const takeBackOnly = people.slice(400) // never supported: nothing to take back

    const call = (action: 'support' | 'unsupport', openid: string) => h.call('proposals', action, { proposalId }, openid)
    const results = await Promise.all([
      ...supportOnly.map((o) => call('support', o)),
      ...supportThenTakeBack.map(async (o) => {
        const first = await call('support', o)
        return first.ok ? call('unsupport', o) : first
      }),
      ...takeBackOnly.map((o) => call('unsupport', o)),
    ])
    expect(results.map(outcome).filter((o) => o !== 'ok')).toEqual([])
    for (const r of results) expectOk(r, supportOutput)

    const p = await proposalDoc(proposalId)
    const records = await supportRecords(proposalId)
    expect(records).toHaveLength(300)
    expect(p.supportCount).toBe(records.length)
    expect(new Set(records.map((s: any) => s.openid))).toEqual(new Set(supportOnly))
    // exactly once: one timestamp, one timeline entry, one inbox message for the author
    expect(p.thresholdReachedAt).toBeInstanceOf(Date)
    expect(p.timeline.filter((e) => e.kind === 'threshold')).toHaveLength(1)
    expect(p.answerDueAt!.getTime() - p.thresholdReachedAt!.getTime()).toBe(15 * 24 * 3600_000)
    const authorInbox = (await h.emu.dump(COLLECTIONS.inbox)).filter(
      (m: any) => m.openid === 'test-author' && m.kind === 'proposal.threshold' && m.page.includes(proposalId),
    )
    expect(authorInbox).toHaveLength(1)

    // the read model agrees
    const view = expectOk(await h.call('proposals', 'get', { proposalId }, supportOnly[0]), proposalViewSchema)
    expect(view).toMatchObject({
      supportCount: 300,
      thresholdReached: true,
      viewer: { supported: true, canSupport: false, canUnsupport: true },
    })
    expect(expectOk(await h.call('proposals', 'get', { proposalId }, supportThenTakeBack[0]), proposalViewSchema).viewer).toMatchObject({
      supported: false,
      canSupport: true,
    })
  }, 240_000)

  it('crossing exactly at the threshold under a burst of supports and take-backs fires once', async () => {
    await setThreshold(A, 20)
    const proposalId = await addProposal(h)
    const people = await residents(A, 60, uniqueId('edge'))
    // 19 supports first: one short of the threshold
    for (const o of people.slice(0, 19)) expectOk(await h.call('proposals', 'support', { proposalId }, o))
    expect((await proposalDoc(proposalId)).thresholdReachedAt).toBeNull()
    // then 30 newcomers support while 10 of the first take theirs back, all at once
    await Promise.all([
      ...people.slice(19, 49).map((o) => h.call('proposals', 'support', { proposalId }, o)),
      ...people.slice(0, 10).map((o) => h.call('proposals', 'unsupport', { proposalId }, o)),
    ])
    const p = await proposalDoc(proposalId)
    expect(p.supportCount).toBe(39)
    expect(await supportRecords(proposalId)).toHaveLength(39)
    expect(p.timeline.filter((e) => e.kind === 'threshold')).toHaveLength(1)
    // falling below and climbing again does not fire a second time
    await Promise.all(people.slice(10, 35).map((o) => h.call('proposals', 'unsupport', { proposalId }, o)))
    await Promise.all(people.slice(49, 60).map((o) => h.call('proposals', 'support', { proposalId }, o)))
    const again = await proposalDoc(proposalId)
    expect(again.supportCount).toBe((await supportRecords(proposalId)).length)
    expect(again.timeline.filter((e) => e.kind === 'threshold')).toHaveLength(1)
    expect(again.thresholdReachedAt).toEqual(p.thresholdReachedAt)
  }, 120_000)

  it('the same resident tapping 附议 20 times at once counts once', async () => {
    const proposalId = await addProposal(h)
    const results = await Promise.all(Array.from({ length: 20 }, () => h.call('proposals', 'support', { proposalId }, 'demo-guardian')))
    expect(results.filter((r) => r.ok && (r.data as any).changed)).toHaveLength(1)
    expect((await proposalDoc(proposalId)).supportCount).toBe(1)
    expect(await supportRecords(proposalId)).toHaveLength(1)
  })
})

describe('transitions racing each other', () => {
  it('withdrawal racing supports: either withdrawn with no supporter, or supported and not withdrawn — never both', async () => {
    const people = await residents(A, 10, uniqueId('wd'))
    for (let round = 0; round < 5; round++) {
      const proposalId = await addProposal(h, { createdBy: 'demo-resident' })
      const [withdrawal, ...supports] = await Promise.all([
        h.call('proposals', 'withdraw', { proposalId }, 'demo-resident'),
        ...people.map((o) => h.call('proposals', 'support', { proposalId }, o)),
      ])
      const p = await proposalDoc(proposalId)
      const records = await supportRecords(proposalId)
      expect(p.supportCount).toBe(records.length)
      if (withdrawal.ok) {
        expect(p.status).toBe('withdrawn')
        expect(records).toHaveLength(0)
        expect(supports.filter((s) => s.ok)).toHaveLength(0)
      } else {
        expect(outcome(withdrawal)).toBe('PROPOSAL.HAS_SUPPORTERS')
        expect(p.status).toBe('published')
        expect(records.length).toBeGreaterThan(0)
      }
      for (const s of supports) expect(['ok', 'PROPOSAL.SUPPORT_CLOSED']).toContain(outcome(s))
    }
  })

  it('two staff reviewing the same proposal at once: exactly one decision applies', async () => {
    const proposalId = await addProposal(h, { status: 'pending' })
    const [a, b] = await Promise.all([
      h.call('proposals', 'review', { proposalId, decision: 'publish' }, 'demo-staff'),
      h.call('proposals', 'review', { proposalId, decision: 'return', reason: '请补充位置' }, 'demo-admin'),
    ])
    expect([outcome(a), outcome(b)].sort()).toEqual(['PROPOSAL.INVALID_STATE', 'ok'])
    const p = await proposalDoc(proposalId)
    expect(p.status).toBe(a.ok ? 'published' : 'returned')
    expect(p.timeline.filter((e) => e.kind === 'published' || e.kind === 'returned')).toHaveLength(1)
  })

  it('two projects claiming the same accepted proposal at once: one project, the proposal in it', async () => {
    const proposalId = await addProposal(h, { status: 'accepted' })
    const build = (title: string, openid: string) =>
      h.call('proposals', 'createProject', { communityId: A, proposalIds: [proposalId], title, owner: '居委会' }, openid)
    const results = await Promise.all([build('项目甲', 'demo-staff'), build('项目乙', 'demo-admin'), build('项目丙', 'demo-staff')])
    expect(results.map(outcome).sort()).toEqual(['PROPOSAL.INVALID_STATE', 'PROPOSAL.INVALID_STATE', 'ok'])
    const projects = (await docsOf(h.emu, COLLECTIONS.projects)).filter((x) => x.proposalIds.includes(proposalId))
    expect(projects).toHaveLength(1)
    expect(await proposalDoc(proposalId)).toMatchObject({ status: 'implementing', projectId: projects[0]._id })
  })
})
