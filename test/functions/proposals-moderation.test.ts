/**
 * Moderation through the real SDK: reports by three different residents hide a proposal or comment until staff
 * decide; comments are content-checked (risky refused, review queued for staff); staff hide and unhide.
 */
import {
  COLLECTIONS,
  commentViewSchema,
  listProposalsOutput,
  moderationQueueOutput,
  proposalViewSchema,
  reportOutput,
  type CollectionName,
  type ProposalView,
} from '../../types/index'
import { DEMO_PROPOSAL_IDS } from '../../scripts/seed-demo-proposals'
import { A, expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'
import { addProposal } from './proposals-fixtures'

let h: Harness
let people: string[] = []
beforeAll(async () => {
  h = await startHarness()
  people = Array.from({ length: 8 }, (_, i) => uniqueId(`mod${i}`))
  for (const p of people) await h.addMember(A, p)
})
afterAll(async () => {
  await h?.stop()
})

const as = (openid: string) => (action: string, input: unknown) => h.call('proposals', action, input, openid)
const staff = as('demo-staff')
const view = (res: any) => expectOk(res, proposalViewSchema) as ProposalView
const queue = async () => expectOk(await staff('moderationQueue', { communityId: A }), moderationQueueOutput)
const doc = async <N extends CollectionName>(collection: N, id: string) => (await docsOf(h.emu, collection)).find((d) => d._id === id)!

describe('reports hide a proposal at three different residents', () => {
  it('two reports do not hide; the same resident twice counts once; the third hides it until staff decide', async () => {
    const proposalId = await addProposal(h, { createdBy: people[7] })
    const report = (openid: string) => as(openid)('report', { proposalId, reason: '不实信息' })
    expect(expectOk(await report(people[0]), reportOutput)).toEqual({ reported: true, hidden: false })
    expect(expectOk(await report(people[0]), reportOutput)).toEqual({ reported: false, hidden: false })
    expect(expectOk(await report(people[1]), reportOutput)).toEqual({ reported: true, hidden: false })
    expect((await doc(COLLECTIONS.proposals, proposalId)).reportCount).toBe(2)
    expect(view(await as('demo-guardian')('get', { proposalId })).hidden).toBe(false)
    expectError(await as(people[7])('report', { proposalId }), 'PROPOSAL.OWN')

    expect(expectOk(await report(people[2]), reportOutput)).toEqual({ reported: true, hidden: true })
    expectError(await as('demo-guardian')('get', { proposalId }), 'PROPOSAL.NOT_FOUND')
    expectError(await as('demo-guardian')('support', { proposalId }), 'PROPOSAL.NOT_FOUND')
    expect(
      expectOk(await as('demo-guardian')('list', { communityId: A, limit: 50 }), listProposalsOutput).proposals.map(
        (p: any) => p.proposalId,
      ),
    ).not.toContain(proposalId)
    expect(view(await as(people[7])('get', { proposalId }))).toMatchObject({ hidden: true, viewer: { isAuthor: true, canSupport: false } })
    expect((await queue()).hidden.map((p) => p.proposalId)).toContain(proposalId)
    expect(view(await staff('get', { proposalId })).viewer).toMatchObject({ canUnhide: true, canHide: true })

    // staff decide it may stay: visible again, counting starts over, earlier reporters cannot report again
    expect(expectOk(await staff('unhide', { proposalId }))).toEqual({ hidden: false })
    expect(view(await as('demo-guardian')('get', { proposalId })).hidden).toBe(false)
    expect((await queue()).hidden.map((p) => p.proposalId)).not.toContain(proposalId)
    expect(expectOk(await report(people[0]), reportOutput)).toEqual({ reported: false, hidden: false })
    expect((await doc(COLLECTIONS.proposals, proposalId)).reportCount).toBe(0)
    for (const o of people.slice(3, 5)) expect(expectOk(await report(o), reportOutput).hidden).toBe(false)
    expect(expectOk(await report(people[5]), reportOutput).hidden).toBe(true)

    // staff decide it stays hidden: it leaves the reports queue and stays out of sight
    expect(expectOk(await staff('hide', { proposalId }))).toEqual({ hidden: true })
    expect((await queue()).hidden.map((p) => p.proposalId)).not.toContain(proposalId)
    expect(await doc(COLLECTIONS.proposals, proposalId)).toMatchObject({ hidden: true, hiddenBy: 'staff' })
    expectError(await as('demo-guardian')('get', { proposalId }), 'PROPOSAL.NOT_FOUND')
  })

  it('concurrent reports by ten residents hide it once', async () => {
    const proposalId = await addProposal(h)
    const reporters = Array.from({ length: 10 }, (_, i) => uniqueId(`rep${i}`))
    for (const r of reporters) await h.addMember(A, r)
    const results = await Promise.all(reporters.map((r) => as(r)('report', { proposalId })))
    // reports that arrive once it is hidden find nothing to report (it no longer exists for them)
    for (const r of results) expect(['ok', 'PROPOSAL.NOT_FOUND']).toContain(r.ok ? 'ok' : r.error.code)
    expect(results.filter((r: any) => r.ok && r.data.hidden)).toHaveLength(1)
    const reports = (await docsOf(h.emu, COLLECTIONS.proposalReports)).filter((r) => r.targetId === proposalId)
    expect(reports.length).toBeGreaterThanOrEqual(3)
    expect(await doc(COLLECTIONS.proposals, proposalId)).toMatchObject({ hidden: true, hiddenBy: 'reports', reportCount: reports.length })
  })

  it('the seeded queue: a proposal hidden by reports and a comment waiting for review', async () => {
    const q = await queue()
    expect(q.pending.map((p) => p.proposalId)).toContain(DEMO_PROPOSAL_IDS.pending)
    expect(q.hidden.map((p) => p.proposalId)).toContain(DEMO_PROPOSAL_IDS.hidden)
    expect(q.comments.find((c) => c.commentId === 'demo-comment-seats-3')).toMatchObject({
      moderation: 'review',
      proposalTitle: '14 号院坝增设休息座椅',
    })
  })

  it('staff cannot hide what was never published (review it instead)', async () => {
    const proposalId = await addProposal(h, { status: 'pending' })
    expectError(await staff('hide', { proposalId }), 'PROPOSAL.INVALID_STATE')
  })
})

describe('comments', () => {
  it('pass: shown and counted; review: only its author and staff see it until approved; risky: refused', async () => {
    const proposalId = await addProposal(h)
    const guardian = as('demo-guardian')
    const ok = expectOk(await guardian('comment', { proposalId, body: '  支持！晚上确实太黑了。 ' }), commentViewSchema)
    expect(ok).toMatchObject({
      body: '支持！晚上确实太黑了。',
      authorName: '李先生',
      moderation: 'pass',
      viewer: { isAuthor: true, canReport: false },
    })
    const held = expectOk(await as('demo-resident')('comment', { proposalId, body: '要买灯的加微信找我' }), commentViewSchema)
    expect(held.moderation).toBe('review')
    const before = await h.snapshot()
    expectError(await guardian('comment', { proposalId, body: '来赌博' }), 'CONTENT.RISKY')
    expect(await h.snapshot()).toEqual(before)

    const seenBy = async (openid: string) => view(await as(openid)('get', { proposalId })).comments.map((c) => c.commentId)
    expect(await seenBy('demo-guardian')).toEqual([ok.commentId])
    expect(await seenBy('demo-resident')).toEqual([ok.commentId, held.commentId])
    expect(await seenBy('demo-staff')).toEqual([ok.commentId, held.commentId])
    expect(view(await guardian('get', { proposalId })).commentCount).toBe(1)
    expect((await queue()).comments.map((c) => c.commentId)).toContain(held.commentId)

    // approve: visible and counted
    expectOk(await staff('unhide', { commentId: held.commentId }))
    expect(await seenBy('demo-guardian')).toEqual([ok.commentId, held.commentId])
    expect(view(await guardian('get', { proposalId })).commentCount).toBe(2)
    expect((await queue()).comments.map((c) => c.commentId)).not.toContain(held.commentId)
    // hide: gone and uncounted, twice changes nothing
    expectOk(await staff('hide', { commentId: ok.commentId }))
    expectOk(await staff('hide', { commentId: ok.commentId }))
    expect(await seenBy('demo-resident')).toEqual([held.commentId])
    expect(view(await guardian('get', { proposalId })).commentCount).toBe(1)
  })

  it('three reports hide a comment and uncount it', async () => {
    const proposalId = await addProposal(h)
    const c = expectOk(await as('demo-guardian')('comment', { proposalId, body: '这个建议没用' }), commentViewSchema)
    for (const o of people.slice(0, 3)) expectOk(await as(o)('report', { commentId: c.commentId }))
    expect(await doc(COLLECTIONS.proposalComments, c.commentId)).toMatchObject({ hidden: true, hiddenBy: 'reports', reportCount: 3 })
    expect(view(await as(people[4])('get', { proposalId })).comments).toEqual([])
    expect(view(await as(people[4])('get', { proposalId })).commentCount).toBe(0)
    expect((await queue()).comments.map((x) => x.commentId)).toContain(c.commentId)
    expectError(await as(people[4])('report', { commentId: c.commentId }), 'COMMENT.NOT_FOUND')
    expectError(await as('demo-guardian')('report', { commentId: c.commentId }), 'PROPOSAL.OWN') // its author still sees it
  })

  it('no comments on proposals that are not listed or withdrawn', async () => {
    const pending = await addProposal(h, { status: 'pending', createdBy: 'demo-resident' })
    expectError(await as('demo-resident')('comment', { proposalId: pending, body: '补充一下' }), 'PROPOSAL.INVALID_STATE')
    expectError(await as('demo-guardian')('comment', { proposalId: DEMO_PROPOSAL_IDS.withdrawn, body: '可惜' }), 'PROPOSAL.INVALID_STATE')
    expectError(await as('demo-admin')('comment', { proposalId: DEMO_PROPOSAL_IDS.published, body: '区里关注' }), 'AUTH.FORBIDDEN')
  })
})
