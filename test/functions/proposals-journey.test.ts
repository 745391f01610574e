/**
 * proposals through the real SDK on the emulator: the whole loop — submit, review (return, resubmit, publish),
 * supports to the threshold, the must-answer list, answers to author and supporters, a project, its progress and
 * its outcome in the three lists and the inbox — plus pre/post review, content checks, the withdrawal rule,
 * the support window, categories, lists and filters.
 */
import {
  COLLECTIONS,
  PROPOSAL_TEMPLATES,
  inboxOutput,
  listProposalsOutput,
  moderationQueueOutput,
  mustAnswerOutput,
  projectViewSchema,
  proposalSettingsViewSchema,
  proposalViewSchema,
  supportOutput,
  threeListsOutput,
  type ProposalView,
} from '../../types/index'
import { DEMO_PROPOSAL_IDS } from '../../scripts/seed-demo-proposals'
import { A, B, C, expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { addProposal } from './proposals-fixtures'
import { docsOf, sentMessages } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const as = (openid: string) => (action: string, input: unknown) => h.call('proposals', action, input, openid)
const resident = as('demo-resident')
const guardian = as('demo-guardian')
const staff = as('demo-staff')
const view = (res: any) => expectOk(res, proposalViewSchema) as ProposalView
const listIds = async (openid: string, input: Record<string, unknown> = {}) =>
  expectOk(await as(openid)('list', { communityId: A, ...input }), listProposalsOutput).proposals.map((p) => p.proposalId)
const inboxOf = async (openid: string) => expectOk(await as(openid)('inbox', {}), inboxOutput)
const outboxTo = async (openid: string) => (await sentMessages(h.emu)).filter((m) => m.touser === openid)

describe('the whole loop in a pre-review community (栀子街社区)', () => {
  let proposalId = ''
  const supporters: string[] = []

  it('a resident submits: it waits for review, visible only to its author and staff', async () => {
    const p = view(
      await resident('submit', {
        communityId: A,
        title: '  巷口加装路灯  ',
        description: '栀子街 12 号院和 14 号院之间的小巷晚上没有灯，老人和孩子回家看不清路。建议加装两盏路灯。',
        category: '平安建设',
        place: '12 号院与 14 号院之间的小巷',
      }),
    )
    proposalId = p.proposalId
    expect(p).toMatchObject({
      title: '巷口加装路灯',
      status: 'pending',
      authorName: '王阿姨',
      supportCount: 0,
      publishedAt: null,
      supportOpen: false,
    })
    expect(p.viewer).toMatchObject({ isAuthor: true, canUpdate: true, canWithdraw: true, canSupport: false, canReview: false })
    expect(p.timeline.map((e) => e.kind)).toEqual(['submitted'])
    expect(await listIds('demo-guardian')).not.toContain(proposalId)
    expectError(await guardian('get', { proposalId }), 'PROPOSAL.NOT_FOUND')
    expectError(await guardian('support', { proposalId }), 'PROPOSAL.NOT_FOUND')
    expect(expectOk(await resident('mine', { communityId: A }), listProposalsOutput).proposals.map((x) => x.proposalId)).toContain(
      proposalId,
    )
    const queue = expectOk(await staff('moderationQueue', { communityId: A }), moderationQueueOutput)
    expect(queue.pending.map((x: any) => x.proposalId)).toContain(proposalId)
    expect(view(await staff('get', { proposalId })).viewer).toMatchObject({ canReview: true, canUpdate: false, canAnswer: false })
  })

  it('staff return it with a reason; the author is told, fixes it and resubmits', async () => {
    expectError(await staff('review', { proposalId, decision: 'return' }), 'INPUT.INVALID') // a reason is required
    const returned = view(await staff('review', { proposalId, decision: 'return', reason: '请写清楚小巷的具体位置' }))
    expect(returned).toMatchObject({ status: 'returned', review: { decision: 'return', reason: '请写清楚小巷的具体位置' } })
    const message = (await inboxOf('demo-resident')).items.find((m) => m.page.endsWith(proposalId))
    expect(message).toMatchObject({ kind: 'proposal.review', title: '你的建议需要补充修改', read: false })
    expect(message!.body).toContain('请写清楚小巷的具体位置')
    const sent = (await outboxTo('demo-resident')).filter((m: any) => m.templateId === PROPOSAL_TEMPLATES.review)
    expect(sent.at(-1)!.data).toMatchObject({ thing1: { value: '巷口加装路灯' }, phrase2: { value: '需修改' } })

    const author = view(await resident('get', { proposalId }))
    expect(author.timeline.map((e) => e.kind)).toEqual(['submitted', 'returned'])
    expect(author.viewer.canUpdate).toBe(true)
    const fixed = view(await resident('update', { proposalId, place: '栀子街 12 号院东侧小巷（靠近垃圾分类亭）' }))
    expect(fixed).toMatchObject({ status: 'pending', place: '栀子街 12 号院东侧小巷（靠近垃圾分类亭）' })
    expect(fixed.timeline.map((e) => e.kind)).toEqual(['submitted', 'returned', 'resubmitted'])
    expectError(await guardian('update', { proposalId, title: '改别人的' }), 'PROPOSAL.NOT_FOUND')
    expectError(await staff('update', { proposalId, title: '工作人员改' }), 'AUTH.FORBIDDEN')
  })

  it('staff publish it: listed, supports open for 60 days; the public timeline hides the private reasons', async () => {
    const published = view(await staff('review', { proposalId, decision: 'publish' }))
    expect(published.status).toBe('published')
    expect(Date.parse(published.supportUntil!) - Date.parse(published.publishedAt!)).toBe(60 * 24 * 3600_000)
    expectError(await staff('review', { proposalId, decision: 'publish' }), 'PROPOSAL.INVALID_STATE')
    expectError(await resident('update', { proposalId, title: '公示后不能改' }), 'PROPOSAL.INVALID_STATE')
    expect(await listIds('demo-guardian')).toContain(proposalId)
    const public_ = view(await guardian('get', { proposalId }))
    expect(public_.timeline.map((e) => e.kind)).toEqual(['submitted', 'published'])
    expect(public_.review).toBeNull()
    expect(public_.viewer).toMatchObject({ isAuthor: false, canSupport: true, canComment: true, canReport: true, canWithdraw: false })
    expect(view(await resident('get', { proposalId })).viewer).toMatchObject({ canSupport: false, canWithdraw: true })
  })

  it("supports: not one's own; crossing the threshold puts it on the must-answer list with a 15-day deadline", async () => {
    expectOk(await staff('updateSettings', { communityId: A, supportThreshold: 3 }), proposalSettingsViewSchema)
    expectError(await resident('support', { proposalId }), 'PROPOSAL.OWN')
    for (const openid of ['demo-guardian', 'demo-neighbour-01', 'demo-neighbour-02']) {
      const res = expectOk(await as(openid)('support', { proposalId }), supportOutput)
      expect(res).toMatchObject({ supported: true, changed: true })
      supporters.push(openid)
    }
    expect(expectOk(await guardian('support', { proposalId }), supportOutput)).toMatchObject({ changed: false, supportCount: 3 })
    const p = view(await guardian('get', { proposalId }))
    expect(p).toMatchObject({
      supportCount: 3,
      thresholdReached: true,
      threshold: 3,
      overdue: false,
      viewer: { supported: true, canUnsupport: true },
    })
    expect(Date.parse(p.answerDueAt!) - Date.parse(p.timeline.find((e) => e.kind === 'threshold')!.at)).toBe(15 * 24 * 3600_000)
    expectError(await resident('withdraw', { proposalId }), 'PROPOSAL.HAS_SUPPORTERS')
    const must = expectOk(await staff('mustAnswer', { communityId: A }), mustAnswerOutput)
    expect(must.items.map((x) => x.proposalId)).toContain(proposalId)
    expect(must.counts.overdue).toBeGreaterThanOrEqual(1) // the seeded 夜间楼道照明不足 is overdue
    expect(must.items.find((x) => x.proposalId === DEMO_PROPOSAL_IDS.overdue)).toMatchObject({ overdue: true })
    expect((await inboxOf('demo-resident')).items.some((m) => m.kind === 'proposal.threshold' && m.page.endsWith(proposalId))).toBe(true)
    expectOk(await staff('updateSettings', { communityId: A, supportThreshold: 20 }), proposalSettingsViewSchema)
  })

  it('staff answer: evaluating, then accepted with cost and due date — author and every supporter receive it', async () => {
    expectError(await staff('answer', { proposalId, decision: 'evaluating', explanation: '评估中', cost: 100 }), 'INPUT.INVALID')
    const evaluating = view(await staff('answer', { proposalId, decision: 'evaluating', explanation: '已请电力公司现场查看。' }))
    expect(evaluating).toMatchObject({ status: 'evaluating', answer: { decision: 'evaluating' }, supportOpen: true })
    expect((await docsOf(h.emu, COLLECTIONS.proposals)).find((x) => x._id === proposalId)!.finalAnsweredAt).toBeNull()
    const accepted = view(
      await staff('answer', {
        proposalId,
        decision: 'accepted',
        explanation: '采纳：下月安装两盏 LED 路灯，由社区微更新资金支付。',
        cost: 6000,
        dueDate: '2030-06-30',
      }),
    )
    expect(accepted).toMatchObject({
      status: 'accepted',
      answer: { decision: 'accepted', cost: 6000, dueDate: '2030-06-30' },
      supportOpen: false,
    })
    expect(view(await staff('get', { proposalId })).viewer).toMatchObject({ canAnswer: false, canCreateProject: true })
    expectError(await guardian('unsupport', { proposalId }), 'PROPOSAL.SUPPORT_CLOSED')
    await h.emu.fireTrigger('events', 'fanout') // receipts are queued off the request path; the timer delivers them
    for (const openid of ['demo-resident', ...supporters]) {
      const answers = (await inboxOf(openid)).items.filter((m) => m.kind === 'proposal.answer' && m.page.endsWith(proposalId))
      expect({ openid, titles: answers.map((m) => m.title).sort() }).toEqual({
        openid,
        titles: ['建议有了答复：已采纳', '建议有了答复：评估中'],
      })
      const sent = (await outboxTo(openid)).filter((m: any) => m.templateId === PROPOSAL_TEMPLATES.answer && m.page.endsWith(proposalId))
      expect(sent.map((m: any) => m.data.phrase2.value).sort()).toEqual(['已采纳', '评估中'])
      for (const m of sent) expect([...m.data.thing3.value].length).toBeLessThanOrEqual(20)
    }
    expect(await outboxTo('demo-neighbour-03')).toEqual([]) // not a supporter
  })

  it("staff build a project, record progress, complete it: the outcome reaches 成效清单 and everyone's inbox", async () => {
    const project = expectOk(
      await staff('createProject', {
        communityId: A,
        proposalIds: [proposalId],
        title: '栀子街小巷亮灯工程',
        owner: '社区居委会 · 张社工',
        dueDate: '2030-06-30',
        cost: 6000,
      }),
      projectViewSchema,
    )
    expect(project).toMatchObject({
      status: 'active',
      progress: 0,
      proposals: [{ proposalId, status: 'implementing' }],
      viewer: { canUpdate: true },
    })
    expectError(
      await staff('createProject', { communityId: A, proposalIds: [proposalId], title: '再来一个', owner: '居委会' }),
      'PROPOSAL.INVALID_STATE',
    )
    expectError(
      await staff('createProject', { communityId: A, proposalIds: [DEMO_PROPOSAL_IDS.published], title: '未采纳的', owner: '居委会' }),
      'PROPOSAL.INVALID_STATE',
    )
    expectError(
      await h.call(
        'proposals',
        'createProject',
        { communityId: B, proposalIds: [DEMO_PROPOSAL_IDS.accepted], title: '跨社区', owner: '居委会' },
        'demo-staff-xinhua',
      ),
      'PROPOSAL.NOT_FOUND',
    )

    const progress = expectOk(
      await staff('updateProgress', { projectId: project.projectId, progress: 60, text: '灯杆已立好，等待通电。' }),
      projectViewSchema,
    )
    expect(progress).toMatchObject({ progress: 60 })
    const mid = view(await guardian('get', { proposalId }))
    expect(mid.status).toBe('implementing')
    expect(mid.project).toMatchObject({ projectId: project.projectId, progress: 60 })
    expect(mid.timeline.map((e) => e.kind)).toEqual([
      'submitted',
      'published',
      'threshold',
      'answered',
      'answered',
      'project',
      'progress',
      'progress',
    ])

    const done = expectOk(
      await staff('complete', { projectId: project.projectId, outcome: '两盏 LED 路灯已亮，小巷晚上不再黑，居民回家更安心。' }),
      projectViewSchema,
    )
    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      outcome: '两盏 LED 路灯已亮，小巷晚上不再黑，居民回家更安心。',
      viewer: { canUpdate: false },
    })
    expectError(await staff('complete', { projectId: project.projectId, outcome: '再完成一次' }), 'PROJECT.INVALID_STATE')
    expectError(await staff('updateProgress', { projectId: project.projectId, progress: 50, text: '倒退' }), 'PROJECT.INVALID_STATE')
    expect(view(await guardian('get', { proposalId })).status).toBe('completed')

    const lists = expectOk(await guardian('threeLists', { communityId: A }), threeListsOutput)
    const outcome = lists.outcomes.items.find((x) => x.projectId === project.projectId)
    expect(outcome).toMatchObject({ title: '栀子街小巷亮灯工程', proposals: [{ proposalId, title: '巷口加装路灯' }] })
    expect(lists.outcomes.items.map((x) => x.title)).toContain('栀子街上学路安全改造') // the seeded one from the source articles
    expect(lists.projects.completed).toBe(lists.outcomes.total)
    expect(lists.problems.total).toBe(lists.problems.byCategory.reduce((s, c) => s + c.count, 0))

    await h.emu.fireTrigger('events', 'fanout')
    for (const openid of ['demo-resident', ...supporters]) {
      const inbox = await inboxOf(openid)
      expect(inbox.items.find((m) => m.kind === 'proposal.outcome' && m.page.endsWith(proposalId))).toMatchObject({
        title: '你关注的建议已办结',
      })
      expect(
        (await outboxTo(openid)).some((m: any) => m.templateId === PROPOSAL_TEMPLATES.outcome && m.data.phrase2.value === '已办结'),
      ).toBe(true)
    }
    // reading one marks it read
    const before = await inboxOf('demo-guardian')
    const first = before.items.find((m) => !m.read)!
    expect((expectOk(await guardian('markRead', { inboxId: first.inboxId })) as { unread: number }).unread).toBe(before.unread - 1)
    expectError(await resident('markRead', { inboxId: first.inboxId }), 'INBOX.NOT_FOUND')
  })
})

describe('post-review, content checks, categories (新华社区 is post-review, threshold 10)', () => {
  const residentB = as('test-resident-xinhua')
  const base = {
    communityId: B,
    title: '小区门口增设快递柜',
    description: '快递堆在门卫室，经常丢件，建议增设快递柜。',
    category: '便民服务',
  }

  it('text that passes is published at once', async () => {
    const p = view(await residentB('submit', base))
    expect(p).toMatchObject({ status: 'published', threshold: 10, supportOpen: true })
    expect(p.timeline.map((e) => e.kind)).toEqual(['submitted', 'published'])
  })
  it('photos and text for review wait for staff even here; a child account cannot submit', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const uploaded = await require('wx-server-sdk').uploadFile({
      cloudPath: `proposals/${B}/express-lockers.jpg`,
      fileContent: Buffer.from('a photo'),
    })
    const photo = view(await residentB('submit', { ...base, photos: [uploaded.fileID] }))
    expect(photo.status).toBe('pending')
    const review = view(await residentB('submit', { ...base, description: '想团购快递柜的邻居请加微信联系我。' }))
    expect(review).toMatchObject({ status: 'pending', moderation: 'review' })
    const child = uniqueId('test-child')
    await h.addMember(B, child)
    await h.db
      .collection(COLLECTIONS.people)
      .doc(child)
      .update({ data: { isChild: true } })
    // a child's account does not submit resident proposals at all: its voice goes through the council (0033)
    expectError(await h.call('proposals', 'submit', base, child), 'AUTH.CHILD_NOT_ALLOWED')
  })
  it('risky text is refused and nothing is written', async () => {
    const before = await h.snapshot()
    expectError(await residentB('submit', { ...base, description: '楼下有人聚众赌博，大家快来看。' }), 'CONTENT.RISKY')
    expect(await h.snapshot()).toEqual(before)
  })
  it("a category outside the community's list is refused; staff can change the list", async () => {
    expectError(await residentB('submit', { ...base, category: '宠物管理' }), 'PROPOSAL.CATEGORY_UNKNOWN')
    const settings = expectOk(await h.call('proposals', 'settings', { communityId: B }, 'demo-staff-xinhua'), proposalSettingsViewSchema)
    expect(settings.categories).toHaveLength(10)
    const updated = expectOk(
      await h.call(
        'proposals',
        'updateSettings',
        { communityId: B, categories: [...settings.categories, '宠物管理'] },
        'demo-staff-xinhua',
      ),
      proposalSettingsViewSchema,
    )
    expect(updated.categories).toContain('宠物管理')
    expect(view(await residentB('submit', { ...base, category: '宠物管理' })).category).toBe('宠物管理')
    expectError(
      await h.call('proposals', 'updateSettings', { communityId: B, categories: ['其他', '其他'] }, 'demo-staff-xinhua'),
      'INPUT.INVALID',
    )
    expectError(await h.call('proposals', 'updateSettings', { communityId: B, categories: ['赌博'] }, 'demo-staff-xinhua'), 'CONTENT.RISKY')
  })
})

describe('the withdrawal rule', () => {
  it('only while nobody else supports it; a withdrawn proposal stays listed, without its author', async () => {
    const proposalId = await addProposal(h, { createdBy: 'demo-resident', authorName: '王阿姨' })
    expectOk(await guardian('support', { proposalId }))
    expectError(await resident('withdraw', { proposalId }), 'PROPOSAL.HAS_SUPPORTERS')
    expect(view(await resident('get', { proposalId })).viewer.canWithdraw).toBe(false)
    expectOk(await guardian('unsupport', { proposalId }))
    expect(view(await resident('get', { proposalId })).viewer.canWithdraw).toBe(true)
    const withdrawn = view(await resident('withdraw', { proposalId }))
    expect(withdrawn).toMatchObject({ status: 'withdrawn', authorName: null, supportOpen: false })
    expect(await listIds('demo-guardian', { status: 'withdrawn' })).toContain(proposalId)
    const seen = view(await guardian('get', { proposalId }))
    expect(seen).toMatchObject({ status: 'withdrawn', authorName: null, viewer: { canSupport: false, canComment: false } })
    expect(JSON.stringify(seen)).not.toContain('王阿姨')
    expectError(await resident('withdraw', { proposalId }), 'PROPOSAL.INVALID_STATE')
    expectError(await guardian('support', { proposalId }), 'PROPOSAL.SUPPORT_CLOSED')
  })
  it('a never-published proposal withdrawn stays invisible to others', async () => {
    const proposalId = await addProposal(h, { createdBy: 'demo-resident', status: 'pending' })
    expect(view(await resident('withdraw', { proposalId })).status).toBe('withdrawn')
    expectError(await guardian('get', { proposalId }), 'PROPOSAL.NOT_FOUND')
    expect(await listIds('demo-guardian', { status: 'withdrawn' })).not.toContain(proposalId)
  })
  it('only the author withdraws', async () => {
    const proposalId = await addProposal(h, { createdBy: 'demo-resident' })
    expectError(await guardian('withdraw', { proposalId }), 'AUTH.FORBIDDEN')
    expectError(await staff('withdraw', { proposalId }), 'AUTH.FORBIDDEN')
  })
})

describe('the support window', () => {
  it('closes after the window: the minute after the last is refused', async () => {
    const closed = await addProposal(h, { supportUntil: new Date(Date.now() - 60_000) })
    expectError(await guardian('support', { proposalId: closed }), 'PROPOSAL.SUPPORT_CLOSED')
    expect(view(await guardian('get', { proposalId: closed }))).toMatchObject({ supportOpen: false, viewer: { canSupport: false } })
    const open = await addProposal(h, { supportUntil: new Date(Date.now() + 60_000) })
    expect(expectOk(await guardian('support', { proposalId: open }), supportOutput).supported).toBe(true)
  })
  it('an accepted proposal takes no more supports', async () => {
    expectError(await guardian('support', { proposalId: DEMO_PROPOSAL_IDS.accepted }), 'PROPOSAL.SUPPORT_CLOSED')
  })
})

describe('lists', () => {
  it('by status and category, newest first, a page at a time', async () => {
    const all = expectOk(await guardian('list', { communityId: A, limit: 50 }), listProposalsOutput).proposals
    const times = all.map((p) => Date.parse(p.publishedAt!))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(all.map((p) => p.proposalId)).not.toContain(DEMO_PROPOSAL_IDS.hidden)
    expect(all.map((p) => p.proposalId)).not.toContain(DEMO_PROPOSAL_IDS.pending)
    expect(all.every((p) => p.communityId === A)).toBe(true)
    const traffic = expectOk(await guardian('list', { communityId: A, category: '交通停车' }), listProposalsOutput).proposals
    expect(traffic.map((p) => p.proposalId).sort()).toEqual([DEMO_PROPOSAL_IDS.evaluating, DEMO_PROPOSAL_IDS.rejected].sort())
    const completed = expectOk(await guardian('list', { communityId: A, status: 'completed' }), listProposalsOutput).proposals
    expect(completed.map((p) => p.proposalId)).toContain(DEMO_PROPOSAL_IDS.completed)
    expect(completed.every((p) => p.status === 'completed')).toBe(true)

    const first = expectOk(await guardian('list', { communityId: A, limit: 3 }), listProposalsOutput)
    expect(first.proposals).toHaveLength(3)
    const second = expectOk(await guardian('list', { communityId: A, limit: 3, before: first.next! }), listProposalsOutput)
    expect(second.proposals.map((p) => p.proposalId)).toEqual(all.slice(3, 6).map((p) => p.proposalId))
  })
  it("the seeded completed project: 上学路安全, proposed by the children's council", async () => {
    const p = view(await guardian('get', { proposalId: DEMO_PROPOSAL_IDS.completed }))
    expect(p).toMatchObject({
      status: 'completed',
      category: '儿童友好',
      authorName: '儿童议事会',
      project: { title: '栀子街上学路安全改造', status: 'completed' },
    })
    expect(p.timeline.at(-1)).toMatchObject({ kind: 'completed' })
    const project = expectOk(await guardian('getProject', { projectId: p.project!.projectId }), projectViewSchema)
    expect(project.timeline.map((e) => e.progress)).toEqual([0, 20, 60, 90, 100])
  })
  it('staff of another community are outsiders', async () => {
    const other = as('demo-staff-xinhua')
    expectError(await other('list', { communityId: A }), 'AUTH.FORBIDDEN')
    expectError(await other('get', { proposalId: DEMO_PROPOSAL_IDS.published }), 'AUTH.FORBIDDEN')
    expectError(await other('review', { proposalId: DEMO_PROPOSAL_IDS.pending, decision: 'publish' }), 'AUTH.FORBIDDEN')
    expectError(
      await other('answer', { proposalId: DEMO_PROPOSAL_IDS.published, decision: 'rejected', explanation: '不行' }),
      'AUTH.FORBIDDEN',
    )
    expectError(await other('mustAnswer', { communityId: A }), 'AUTH.FORBIDDEN')
    expectError(await other('getProject', { projectId: 'demo-project-school-route' }), 'AUTH.FORBIDDEN')
  })
  it('unknown ids', async () => {
    expectError(await guardian('get', { proposalId: 'no-such-proposal' }), 'PROPOSAL.NOT_FOUND')
    expectError(await guardian('getProject', { projectId: 'no-such-project' }), 'PROJECT.NOT_FOUND')
    expectError(await guardian('report', { commentId: 'no-such-comment' }), 'COMMENT.NOT_FOUND')
    expectError(await staff('moderationQueue', { communityId: 'nowhere' }), 'AUTH.FORBIDDEN')
    expectError(await h.call('proposals', 'threeLists', { communityId: 'nowhere' }, 'demo-admin'), 'COMMUNITY.NOT_FOUND')
    expectError(await h.call('proposals', 'settings', { communityId: C }, 'demo-resident'), 'AUTH.FORBIDDEN')
  })
})
