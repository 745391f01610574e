/**
 * Privacy: public views show a nickname, or 居民 when the author chose anonymity — never an openid. Every action of
 * the proposals function is called by residents, staff and the district admin over the seeded demo and fresh data,
 * and every string in every answer is checked against every openid the database knows.
 */
import { COLLECTIONS, commentViewSchema, listProposalsOutput, proposalViewSchema, type ProposalView } from '../../types/index'
import { DEMO_PROPOSAL_IDS, DEMO_PROJECT_IDS } from '../../scripts/seed-demo-proposals'
import { A, B, expectOk, startHarness, type Harness } from './harness'
import { CASES } from './cases'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const answers: { who: string; action: string; body: unknown }[] = []
async function call(openid: string, action: string, input: unknown) {
  const res = await h.call('proposals', action, input, openid)
  answers.push({ who: openid, action, body: res })
  return res
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out))
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out))
  return out
}

describe('anonymity', () => {
  it('an anonymous author is 居民 to everyone — staff included — and the nickname appears nowhere', async () => {
    const p = expectOk(
      await call('demo-resident', 'submit', {
        communityId: A,
        title: '楼道堆物清理',
        description: '3 单元楼道堆满杂物，消防隐患大。',
        category: '平安建设',
        anonymous: true,
      }),
      proposalViewSchema,
    ) as ProposalView
    expect(p.authorName).toBe('居民')
    expectOk(await call('demo-staff', 'review', { proposalId: p.proposalId, decision: 'publish' }))
    for (const who of ['demo-guardian', 'demo-staff', 'demo-admin', 'demo-resident']) {
      const seen = expectOk(await call(who, 'get', { proposalId: p.proposalId }), proposalViewSchema) as ProposalView
      expect(seen.authorName).toBe('居民')
      expect(JSON.stringify(seen)).not.toContain('王阿姨')
    }
    const listed = expectOk(await call('demo-guardian', 'list', { communityId: A }), listProposalsOutput)
    expect(listed.proposals.find((x) => x.proposalId === p.proposalId)?.authorName).toBe('居民')
    // it is still hers: she can edit nothing now, but she is told
    expect((await docsOf(h.emu, COLLECTIONS.proposals)).find((x) => x._id === p.proposalId)!.createdBy).toBe('demo-resident')
  })
  it('a person without a nickname shows as 居民; a named one by nickname only', async () => {
    await h.db
      .collection(COLLECTIONS.people)
      .doc('test-resident-xinhua')
      .update({ data: { nickname: null } })
    const p = expectOk(
      await call('test-resident-xinhua', 'submit', {
        communityId: B,
        title: '增加垃圾桶',
        description: '公园路边没有垃圾桶。',
        category: '环境卫生',
      }),
      proposalViewSchema,
    )
    expect(p.authorName).toBe('居民')
    const c = expectOk(
      await call('demo-guardian', 'comment', { proposalId: DEMO_PROPOSAL_IDS.published, body: '同意加座椅' }),
      commentViewSchema,
    )
    expect(c.authorName).toBe('李先生')
  })
})

describe('no openid in any answer', () => {
  it('every action, every persona, seeded and fresh data', async () => {
    const personas = [
      'demo-resident',
      'demo-guardian',
      'demo-child',
      'demo-staff',
      'demo-admin',
      'demo-staff-xinhua',
      'test-resident-xinhua',
      'demo-neighbour-05',
    ]
    const reads: [string, unknown][] = [
      ['list', { communityId: A, limit: 50 }],
      ['list', { communityId: A, status: 'withdrawn' }],
      ['list', { communityId: B }],
      ['mine', { communityId: A }],
      ['settings', { communityId: A }],
      ['threeLists', { communityId: A }],
      ['getProject', { projectId: DEMO_PROJECT_IDS.route }],
      ['getProject', { projectId: DEMO_PROJECT_IDS.sink }],
      ['inbox', {}],
      ['moderationQueue', { communityId: A }],
      ['mustAnswer', { communityId: A }],
      ...Object.values(DEMO_PROPOSAL_IDS).map((proposalId) => ['get', { proposalId }] as [string, unknown]),
    ]
    for (const who of personas) for (const [action, input] of reads) await call(who, action, input)

    // writes, each as someone allowed to make it (the authorization matrix's valid inputs)
    const allowed: Record<string, string> = {}
    for (const [action, c] of Object.entries(CASES.proposals)) {
      const persona = (Object.entries(c.expect).find(([, v]) => v === 'ok') ?? [])[0]
      allowed[action] =
        {
          residentA: 'demo-resident',
          residentB: 'test-resident-xinhua',
          staffA: 'demo-staff',
          staffB: 'demo-staff-xinhua',
          admin: 'demo-admin',
        }[persona as string] ?? 'demo-resident'
    }
    for (const [action, c] of Object.entries(CASES.proposals)) await call(allowed[action], action, await c.input(h))
    expect(new Set(answers.map((a) => a.action))).toEqual(new Set(Object.keys(CASES.proposals)))
    expect(answers.filter((a) => (a.body as any).ok).length).toBeGreaterThan(150)

    const openids = new Set<string>()
    const add = (v: unknown) => typeof v === 'string' && v.length >= 6 && openids.add(v)
    for (const d of await h.emu.dump(COLLECTIONS.people)) add(d._id)
    for (const d of await h.emu.dump(COLLECTIONS.memberships)) add(d.openid)
    for (const d of await h.emu.dump(COLLECTIONS.proposalSupports)) add(d.openid)
    for (const d of await h.emu.dump(COLLECTIONS.proposals)) (add(d.createdBy), add(d.updatedBy))
    for (const d of await h.emu.dump(COLLECTIONS.proposalComments)) add(d.createdBy)
    for (const d of await h.emu.dump(COLLECTIONS.inbox)) add(d.openid)
    for (const id of ['test-author', 'demo-resident', 'demo-staff', 'demo-child']) expect(openids).toContain(id) // the check is not vacuous
    const leaks: string[] = []
    for (const a of answers) {
      for (const s of strings(a.body)) {
        for (const openid of openids) if (s.includes(openid)) leaks.push(`${a.who} ${a.action}: "${s}" contains ${openid}`)
      }
    }
    expect(leaks).toEqual([])
  }, 120_000)
})
