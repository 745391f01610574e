/**
 * The children's council through the real SDK on the emulator: the whole journey (apply with consent → approve →
 * the child, through the guardian, proposes → review → agenda → vote → decision → answer → the child sees it),
 * consent, acting as the child, meeting mode, guardian export and deletion, the retention timer.
 */
import {
  COLLECTIONS,
  COUNCIL_CONSENT_VERSION,
  childDataOutput,
  childProposalViewSchema,
  councilContract,
  councilMemberViewSchema,
  meetingViewSchema,
  proposalsOutput,
  shanghaiYear,
  staffBoardOutput,
} from '../../types/index'
import { COUNCIL_A, addChildProposal, addCouncilMember, addMeeting, freeItem, openVoteOf } from './council-fixtures'
import { A, expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { asEnvelope, docsOf, sentMessages } from './results'

const okData = (res: any): any => expectOk(res)

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const year = () => shanghaiYear(new Date())
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = () => require('wx-server-sdk')
const fileExists = async (fileID: string) => (await cloud().getTempFileURL({ fileList: [fileID] })).fileList[0].status === 0
const propose = { noticed: '楼下的滑梯坏了', idea: '请把滑梯修好', category: '玩耍的地方' }
const guardian = (action: string, input: unknown) => h.call('council', action, input, 'demo-guardian')
const staff = (action: string, input: unknown) => h.call('council', action, input, 'demo-staff')

describe('the journey: apply → approve → propose → review → agenda → vote → decide → answer', () => {
  it('works end to end, and the child sees the adult’s answer', async () => {
    const applied = expectOk(
      await guardian('apply', {
        communityId: A,
        alias: '小华',
        birthYear: year() - 10,
        consent: true,
        consentVersion: COUNCIL_CONSENT_VERSION,
      }),
      councilMemberViewSchema,
    )
    expect(applied).toMatchObject({ alias: '小华', age: 10, label: '小华 · 10岁', status: 'pending', viewer: { isGuardian: true } })
    const member = (await h.db.collection(COLLECTIONS.councilMembers).doc(applied.memberId).get()).data
    expect(member.consent).toMatchObject({ guardianOpenid: 'demo-guardian', version: COUNCIL_CONSENT_VERSION })
    expect(member.consent.at).toBeInstanceOf(Date)

    // not a member yet: cannot propose
    const early = await guardian('submitProposal', {
      memberId: applied.memberId,
      noticed: '滑梯坏了',
      idea: '修滑梯',
      category: '玩耍的地方',
    })
    expectError(early, 'COUNCIL.MEMBER_INVALID_STATE')

    const approved = expectOk(await staff('approveMember', { memberId: applied.memberId }), councilMemberViewSchema)
    expect(approved.status).toBe('approved')
    expectError(await staff('approveMember', { memberId: applied.memberId }), 'COUNCIL.MEMBER_INVALID_STATE')

    // 以小华的身份: the guardian submits; the record says who acted
    const submitted = expectOk(
      await guardian('submitProposal', {
        memberId: applied.memberId,
        noticed: '院坝的秋千链子生锈了',
        idea: '换一条新链子',
        category: '安全',
      }),
      childProposalViewSchema,
    )
    expect(submitted).toMatchObject({ label: '小华 · 10岁', stage: 'pending', private: { submittedBy: 'guardian', status: 'pending' } })
    const stored = (await h.db.collection(COLLECTIONS.councilProposals).doc(submitted.proposalId).get()).data
    expect(stored.actedBy).toEqual({ actorOpenid: 'demo-guardian', childId: applied.childId, as: 'guardian' })

    // before review nobody else sees it
    const residentView = expectOk(await h.as('residentA')('council', 'proposals', { communityId: A }), proposalsOutput)
    expect(residentView.public.map((p) => p.proposalId)).not.toContain(submitted.proposalId)

    const reviewed = expectOk(
      await staff('reviewProposal', { proposalId: submitted.proposalId, decision: 'approve' }),
      childProposalViewSchema,
    )
    expect(reviewed.stage).toBe('approved')
    const due = Date.parse(reviewed.private!.answerDueAt!) - Date.now()
    expect(due).toBeGreaterThan(29 * 86400_000)
    expect(due).toBeLessThanOrEqual(30 * 86400_000)
    const afterReview = expectOk(await h.as('residentA')('council', 'proposals', { communityId: A }), proposalsOutput)
    const seen = afterReview.public.find((p) => p.proposalId === submitted.proposalId)!
    expect(seen).toMatchObject({ label: '小华 · 10岁', private: null })

    // the meeting
    const meeting = expectOk(
      await staff('createMeeting', {
        communityId: A,
        title: '秋季议事会',
        startsAt: new Date(Date.now() + 86400_000).toISOString(),
        place: '院坝',
      }),
      meetingViewSchema,
    )
    const withItem = expectOk(
      await staff('addAgendaItem', { meetingId: meeting.meetingId, proposalId: submitted.proposalId, durationMinutes: 10 }),
      meetingViewSchema,
    )
    expect(withItem.items[0]).toMatchObject({ title: '换一条新链子', presenter: '小华', fromProposal: true })
    const twoItems = expectOk(
      await staff('addAgendaItem', { meetingId: meeting.meetingId, title: '暑假活动', durationMinutes: 5, order: 0 }),
      meetingViewSchema,
    )
    expect(twoItems.items.map((i) => i.title)).toEqual(['暑假活动', '换一条新链子'])
    const reordered = expectOk(
      await staff('reorderAgenda', { meetingId: meeting.meetingId, itemIds: [...twoItems.items].reverse().map((i) => i.itemId) }),
      meetingViewSchema,
    )
    expect(reordered.items.map((i) => i.title)).toEqual(['换一条新链子', '暑假活动'])
    expectError(await h.as('residentA')('council', 'agenda', { meetingId: meeting.meetingId }), 'COUNCIL.MEETING_NOT_FOUND') // draft
    const outboxBefore = (await sentMessages(h.emu)).length
    expectOk(await staff('publishAgenda', { meetingId: meeting.meetingId }), meetingViewSchema)
    const publicAgenda = expectOk(await h.as('residentA')('council', 'agenda', { meetingId: meeting.meetingId }), meetingViewSchema)
    expect(publicAgenda).toMatchObject({ status: 'published', staff: null })
    await h.emu.fireTrigger('events', 'fanout') // the agenda notices are queued; the fan-out timer sends them
    const outbox = (await sentMessages(h.emu)).slice(outboxBefore)
    expect(outbox.map((m) => m.touser)).toEqual(expect.arrayContaining(['demo-guardian', 'demo-child']))

    const itemId = reordered.items[0].itemId
    const members = okData(await staff('members', { communityId: A })).all as { memberId: string; status: string }[]
    const approvedIds = members.filter((m) => m.status === 'approved').map((m) => m.memberId)
    expectOk(await staff('recordAttendance', { meetingId: meeting.meetingId, memberIds: approvedIds, present: true }), meetingViewSchema)
    expectOk(await staff('openVote', { meetingId: meeting.meetingId, itemId, secret: false }), meetingViewSchema)
    expect(okData(await guardian('castVote', { meetingId: meeting.meetingId, itemId, memberId: applied.memberId, choice: 'yes' }))).toEqual(
      { counted: true },
    )
    expect(okData(await guardian('castVote', { meetingId: meeting.meetingId, itemId, memberId: applied.memberId, choice: 'no' }))).toEqual({
      counted: false,
    })
    const closed = expectOk(await staff('closeVote', { meetingId: meeting.meetingId, itemId }), meetingViewSchema)
    expect(closed.items[0].vote).toMatchObject({ status: 'closed', tally: { yes: 1, no: 0, abstain: 0 }, quorumMet: true, passed: true })
    expect(closed.items[0].vote!.ballots).toEqual([{ label: '小华 · 10岁', choice: 'yes' }])
    expectError(
      await guardian('castVote', { meetingId: meeting.meetingId, itemId, memberId: applied.memberId, choice: 'yes' }),
      'COUNCIL.VOTE_NOT_OPEN',
    )

    const decided = expectOk(
      await staff('recordDecision', { meetingId: meeting.meetingId, itemId, text: '换新链子', nextStep: '社区下周换', handOff: true }),
      meetingViewSchema,
    )
    expect(decided.items[0].decision).toMatchObject({ text: '换新链子', handedOff: true })
    const handedOff = (await h.db.collection(COLLECTIONS.councilProposals).doc(submitted.proposalId).get()).data
    const resident = (await h.db.collection(COLLECTIONS.proposals).doc(handedOff.handoff.proposalId).get()).data
    expect(resident).toMatchObject({ status: 'accepted', isPublic: true, authorName: '儿童议事会', communityId: A })
    expect(JSON.stringify(resident)).not.toMatch(/小华|demo-guardian/)

    const minutes = expectOk(
      await staff('publishMinutes', { meetingId: meeting.meetingId, summary: '大家都来了', nextSteps: '换链子' }),
      meetingViewSchema,
    )
    expect(minutes).toMatchObject({ status: 'closed', minutes: { attendanceCount: approvedIds.length } })

    // the adult's answer reaches the child (through the guardian and the child's inbox + subscribe message)
    const answered = expectOk(
      await staff('respond', { proposalId: submitted.proposalId, kind: 'yes', text: '小华，下周就换新链子！' }),
      childProposalViewSchema,
    )
    expect(answered.answer).toMatchObject({ kind: 'yes', text: '小华，下周就换新链子！' })
    const mine = expectOk(await guardian('proposals', { communityId: A }), proposalsOutput).mine.find(
      (p) => p.proposalId === submitted.proposalId,
    )!
    expect(mine.answer?.text).toBe('小华，下周就换新链子！')
    expect(mine.stage).toBe('handed_off')
    await h.emu.fireTrigger('events', 'fanout') // notices are queued; the fan-out timer delivers them
    const inbox = await docsOf(h.emu, COLLECTIONS.inbox)
    expect(inbox.some((i) => i.openid === 'demo-guardian' && i.kind === 'council.answer' && i.childId === applied.childId)).toBe(true)

    // the resident proposal is completed → the daily timer tells the child once
    await h.db
      .collection(COLLECTIONS.proposals)
      .doc(handedOff.handoff.proposalId)
      .update({ data: { status: 'completed' } })
    await h.emu.fireTrigger('council', 'daily')
    await h.emu.fireTrigger('council', 'daily')
    await h.emu.fireTrigger('events', 'fanout')
    const done = (await docsOf(h.emu, COLLECTIONS.inbox)).filter((i) => i.kind === 'council.done' && i.childId === applied.childId)
    expect(done.map((i) => i.openid)).toEqual(['demo-guardian'])
    const final = expectOk(await guardian('proposals', { communityId: A }), proposalsOutput).mine.find(
      (p) => p.proposalId === submitted.proposalId,
    )!
    expect(final.stage).toBe('done')
  })
})

describe('consent', () => {
  const base = () => ({ communityId: A, alias: '无同意', birthYear: year() - 9, consentVersion: COUNCIL_CONSENT_VERSION })
  it('an application without consent (missing, false, an old version) stores nothing', async () => {
    for (const input of [base(), { ...base(), consent: false }, { ...base(), consent: 'yes' }]) {
      const before = await h.snapshot()
      expectError(await guardian('apply', input), 'INPUT.INVALID')
      expect(await h.snapshot()).toEqual(before)
    }
    const before = await h.snapshot()
    expectError(
      await guardian('apply', { ...base(), consent: true, consentVersion: 'council-consent-2020-01' }),
      'COUNCIL.CONSENT_OUTDATED',
    )
    expect(await h.snapshot()).toEqual(before)
  })
  it('an age outside the council’s range stores nothing', async () => {
    const before = await h.snapshot()
    expectError(await guardian('apply', { ...base(), birthYear: year() - 4, consent: true }), 'COUNCIL.AGE_OUT_OF_RANGE')
    expect(await h.snapshot()).toEqual(before)
  })
  it('a guardian applies for an already linked child by id, and only for their own', async () => {
    const linked = okData(await h.as('residentA')('communities', 'addChild', { communityId: A, alias: '豆豆', birthYear: year() - 8 }))
    expectError(
      await guardian('apply', { communityId: A, childId: linked.childId, consent: true, consentVersion: COUNCIL_CONSENT_VERSION }),
      'COUNCIL.CHILD_NOT_FOUND',
    )
    const ok = expectOk(
      await h.as('residentA')('council', 'apply', {
        communityId: A,
        childId: linked.childId,
        consent: true,
        consentVersion: COUNCIL_CONSENT_VERSION,
      }),
      councilMemberViewSchema,
    )
    expect(ok).toMatchObject({ childId: linked.childId, status: 'pending' })
    // applying twice changes nothing
    const again = okData(
      await h.as('residentA')('council', 'apply', {
        communityId: A,
        childId: linked.childId,
        consent: true,
        consentVersion: COUNCIL_CONSENT_VERSION,
      }),
    )
    expect(again.memberId).toBe(ok.memberId)
  })
})

describe('acting as the child', () => {
  it('the child’s own linked account acts for itself; another guardian cannot', async () => {
    const memberId = 'council-community-zhizijie_child-demo-child'
    const own = okData(
      await h.call(
        'council',
        'submitProposal',
        { memberId, noticed: '楼下没有垃圾分类的图', idea: '画一张分类图贴在楼下', category: '干净的社区' },
        'demo-child',
      ),
    )
    expect(own.private.submittedBy).toBe('child')
    expectError(
      await h.as('residentA')('council', 'submitProposal', { memberId, noticed: 'x', idea: 'y', category: '其他' }),
      'AUTH.FORBIDDEN',
    )
    expectError(await staff('submitProposal', { memberId, noticed: 'x', idea: 'y', category: '其他' }), 'AUTH.FORBIDDEN')
  })
})

describe('a child’s own account linked after the child joined', () => {
  it('acts as the member at once (resolved from children): proposal, 举手 and vote say as: child', async () => {
    const parent = uniqueId('test-guardian')
    await h.addMember(A, parent)
    const applied = okData(
      await h.call(
        'council',
        'apply',
        { communityId: A, alias: '后绑', birthYear: year() - 10, consent: true, consentVersion: COUNCIL_CONSENT_VERSION },
        parent,
      ),
    )
    okData(await staff('approveMember', { memberId: applied.memberId }))
    const memberId = applied.memberId as string
    const kid = uniqueId('test-kid')
    await h.addMember(A, kid)
    expectError(await h.call('council', 'submitProposal', { memberId, ...propose }, kid), 'AUTH.FORBIDDEN') // not linked yet

    const { code } = okData(await h.call('communities', 'createChildLinkCode', { childId: applied.childId }, parent))
    okData(await h.call('communities', 'linkChildAccount', { code }, kid))

    const own = expectOk(await h.call('council', 'submitProposal', { memberId, ...propose }, kid), childProposalViewSchema)
    expect(own.private).toMatchObject({ submittedBy: 'child' })
    expect((await h.db.collection(COLLECTIONS.councilProposals).doc(own.proposalId).get()).data.actedBy).toEqual({
      actorOpenid: kid,
      childId: applied.childId,
      as: 'child',
    })
    const mine = okData(await h.call('council', 'members', { communityId: A }, kid)).mine
    expect(mine).toEqual([expect.objectContaining({ memberId, viewer: expect.objectContaining({ isChild: true, isGuardian: false }) })])
    expect(okData(await h.call('council', 'proposals', { communityId: A }, kid)).mine.map((p: any) => p.proposalId)).toContain(
      own.proposalId,
    )

    const meetingId = await addMeeting(h, { attendance: [memberId], items: [freeItem({ itemId: 'item-1', vote: openVoteOf(false) })] })
    expect(okData(await h.call('council', 'raiseHand', { meetingId, memberId }, kid))).toEqual({ queued: true, position: 1 })
    const queued = (await h.db.collection(COLLECTIONS.councilMeetings).doc(meetingId).get()).data.speaking.queue
    expect(queued).toEqual([expect.objectContaining({ memberId, actedBy: { actorOpenid: kid, childId: applied.childId, as: 'child' } })])
    expect(okData(await h.call('council', 'castVote', { meetingId, itemId: 'item-1', memberId, choice: 'yes' }, kid))).toEqual({
      counted: true,
    })
    const vote = (await h.db.collection(COLLECTIONS.councilVotes).doc(`${meetingId}_item-1_${memberId}`).get()).data
    expect(vote.actedBy).toEqual({ actorOpenid: kid, childId: applied.childId, as: 'child' })
  })
})

describe('the elected chair', () => {
  const chairFixture = async () => {
    const parent = uniqueId('test-guardian')
    await h.addMember(A, parent)
    const memberId = await addCouncilMember(h, { guardian: parent, alias: '主席' })
    const council = expectOk(await staff('setChair', { councilId: COUNCIL_A, memberId }), councilContract.setChair.output)
    expect(council.chair).toMatchObject({ memberId, label: '主席 · 10岁' })
    return { parent, memberId }
  }
  afterEach(async () => {
    await h.db
      .collection(COLLECTIONS.councils)
      .doc(COUNCIL_A)
      .update({ data: { chair: null, termEnd: `${year()}-12-31` } })
  })

  it('staff name a chair (who and when recorded); the chair prepares meetings but does not publish, vote, decide or answer', async () => {
    const { parent, memberId } = await chairFixture()
    const stored = (await h.db.collection(COLLECTIONS.councils).doc(COUNCIL_A).get()).data
    expect(stored.chair).toMatchObject({ memberId, setBy: 'demo-staff' })
    expect(stored.chair.setAt).toBeInstanceOf(Date)
    const asChair = (action: string, input: unknown) => h.call('council', action, input, parent)

    const seen = expectOk(await asChair('get', { communityId: A }), councilContract.get.output)
    expect(seen!.viewer).toMatchObject({ canManage: false, canManageAgenda: true, canSetChair: false })
    const residentSees = expectOk(await h.as('residentA')('council', 'get', { communityId: A }), councilContract.get.output)
    expect(residentSees!.chair).toEqual({ memberId: null, label: '主席 · 10岁' })
    expect(residentSees!.viewer.canManageAgenda).toBe(false)

    const meeting = expectOk(
      await asChair('createMeeting', {
        communityId: A,
        title: '孩子们自己的会',
        startsAt: new Date(Date.now() + 86400_000).toISOString(),
        place: '院坝',
      }),
      meetingViewSchema,
    )
    expect(meeting.viewer).toEqual({ canManage: false, canManageAgenda: true })
    expect(meeting.staff).toBeNull()
    const doc = (await h.db.collection(COLLECTIONS.councilMeetings).doc(meeting.meetingId).get()).data
    expect(doc).toMatchObject({ createdBy: parent, byChair: { actorOpenid: parent, as: 'guardian' } })
    const two = expectOk(
      await asChair('addAgendaItem', { meetingId: meeting.meetingId, title: '操场涂鸦', durationMinutes: 10 }),
      meetingViewSchema,
    )
    const three = expectOk(
      await asChair('addAgendaItem', { meetingId: meeting.meetingId, title: '上学路线', durationMinutes: 5 }),
      meetingViewSchema,
    )
    expect(three.items).toHaveLength(2)
    const reordered = expectOk(
      await asChair('reorderAgenda', { meetingId: meeting.meetingId, itemIds: [...three.items].reverse().map((i) => i.itemId) }),
      meetingViewSchema,
    )
    expect(reordered.items.map((i) => i.title)).toEqual(['上学路线', '操场涂鸦'])
    expect(two.items[0].title).toBe('操场涂鸦')
    // the chair sees the draft; residents do not
    expect(okData(await asChair('meetings', { communityId: A })).meetings.map((m: any) => m.meetingId)).toContain(meeting.meetingId)
    expect(okData(await asChair('agenda', { meetingId: meeting.meetingId })).status).toBe('draft')
    expectError(await h.as('residentA')('council', 'agenda', { meetingId: meeting.meetingId }), 'COUNCIL.MEETING_NOT_FOUND')

    // staff-only: publish, meeting mode, votes, decisions, minutes, answers, reviews, naming the chair
    const itemId = reordered.items[0].itemId
    const [pendingProposal, approvedProposal] = [
      await addChildProposal(h, memberId),
      await addChildProposal(h, memberId, { status: 'approved' }),
    ]
    const before = await h.snapshot()
    for (const [action, input] of [
      ['publishAgenda', { meetingId: meeting.meetingId }],
      ['recordAttendance', { meetingId: meeting.meetingId, memberIds: [memberId], present: true }],
      ['openVote', { meetingId: meeting.meetingId, itemId, secret: false }],
      ['closeVote', { meetingId: meeting.meetingId, itemId }],
      ['recordDecision', { meetingId: meeting.meetingId, itemId, text: '同意' }],
      ['publishMinutes', { meetingId: meeting.meetingId, summary: '好', nextSteps: '做' }],
      ['nextSpeaker', { meetingId: meeting.meetingId }],
      ['reviewProposal', { proposalId: pendingProposal, decision: 'approve' }],
      ['respond', { proposalId: approvedProposal, kind: 'yes', text: '好的' }],
      ['setChair', { councilId: COUNCIL_A, memberId: null }],
    ] as const) {
      expect({ action, outcome: (await asChair(action, input)) as any }).toMatchObject({
        action,
        outcome: { ok: false, error: { code: 'AUTH.FORBIDDEN' } },
      })
      expect(await h.snapshot()).toEqual(before)
    }
  })

  it('the chair’s own linked account acts as the chair too', async () => {
    const { memberId } = await chairFixture()
    const childId = (await h.db.collection(COLLECTIONS.councilMembers).doc(memberId).get()).data.childId
    const kid = uniqueId('test-kid')
    await h.addMember(A, kid)
    await h.db
      .collection(COLLECTIONS.children)
      .doc(childId)
      .update({ data: { openid: kid } })
    const meeting = expectOk(
      await h.call(
        'council',
        'createMeeting',
        { communityId: A, title: '小主席的会', startsAt: new Date(Date.now() + 86400_000).toISOString(), place: '活动室' },
        kid,
      ),
      meetingViewSchema,
    )
    expect((await h.db.collection(COLLECTIONS.councilMeetings).doc(meeting.meetingId).get()).data.byChair).toEqual({
      actorOpenid: kid,
      childId,
      as: 'child',
    })
  })

  it('other members, a cleared chair, a chair who left and an ended term have no agenda powers', async () => {
    const { parent, memberId } = await chairFixture()
    const create = (openid: string) =>
      h.call(
        'council',
        'createMeeting',
        { communityId: A, title: '会', startsAt: new Date(Date.now() + 86400_000).toISOString(), place: '院坝' },
        openid,
      )
    expectError(
      await h.as('residentA')('council', 'createMeeting', {
        communityId: A,
        title: '会',
        startsAt: new Date(Date.now() + 86400_000).toISOString(),
        place: '院坝',
      }),
      'AUTH.FORBIDDEN',
    ) // guardian of other members
    // the term ended yesterday: the chair lapses, memberships show as ended, no new chair can be named
    await h.db
      .collection(COLLECTIONS.councils)
      .doc(COUNCIL_A)
      .update({ data: { termEnd: '2000-12-31' } })
    expectError(await create(parent), 'AUTH.FORBIDDEN')
    const ended = okData(await staff('members', { communityId: A }))
    expect(ended.all.find((m: any) => m.memberId === memberId)).toMatchObject({ termEnded: true, isChair: false })
    expect(okData(await staff('get', { communityId: A })).termEnded).toBe(true)
    expectError(await staff('setChair', { councilId: COUNCIL_A, memberId }), 'COUNCIL.MEMBER_INVALID_STATE')
    await h.db
      .collection(COLLECTIONS.councils)
      .doc(COUNCIL_A)
      .update({ data: { termEnd: `${year()}-12-31` } })
    expectOk(await create(parent), meetingViewSchema)
    // cleared by staff
    expect(expectOk(await staff('setChair', { councilId: COUNCIL_A, memberId: null }), councilContract.setChair.output).chair).toBeNull()
    expectError(await create(parent), 'AUTH.FORBIDDEN')
    // a pending member cannot be named; a chair who leaves loses the chair
    expectError(
      await staff('setChair', { councilId: COUNCIL_A, memberId: await addCouncilMember(h, { status: 'pending' }) }),
      'COUNCIL.MEMBER_INVALID_STATE',
    )
    expectError(
      await staff('setChair', { councilId: COUNCIL_A, memberId: 'council-community-zhizijie_no-such-child' }),
      'COUNCIL.MEMBER_NOT_FOUND',
    )
    okData(await staff('setChair', { councilId: COUNCIL_A, memberId }))
    okData(await h.call('council', 'leave', { memberId }, parent))
    expectError(await create(parent), 'AUTH.FORBIDDEN')
  })
})

describe('meeting mode: the speaking queue', () => {
  it('everyone gets a turn: those who have not spoken go first; each turn has its own start time', async () => {
    const [a, b, c] = await Promise.all([
      addCouncilMember(h, { alias: '甲' }),
      addCouncilMember(h, { alias: '乙' }),
      addCouncilMember(h, { alias: '丙' }),
    ])
    const meetingId = await addMeeting(h, { attendance: [a, b, c] })
    const raise = (memberId: string) => h.as('residentA')('council', 'raiseHand', { meetingId, memberId })
    expect(okData(await raise(a))).toEqual({ queued: true, position: 1 })
    expect(okData(await raise(a))).toEqual({ queued: false, position: 1 })
    let view = expectOk(await staff('nextSpeaker', { meetingId }), meetingViewSchema)
    expect(view.staff!.speaking.current!.label).toMatch(/^甲/)
    const firstSince = view.staff!.speaking.current!.since
    await raise(a) // 甲 again, having spoken once
    await raise(b)
    await raise(c)
    view = expectOk(await staff('nextSpeaker', { meetingId }), meetingViewSchema)
    expect(view.staff!.speaking.current!.label).toMatch(/^乙/)
    expect(view.staff!.speaking.current!.since >= firstSince).toBe(true)
    expect(view.staff!.speaking.queue.map((q) => q.label.slice(0, 1))).toEqual(['丙', '甲'])
    view = expectOk(await staff('nextSpeaker', { meetingId }), meetingViewSchema)
    expect(view.staff!.speaking.current!.label).toMatch(/^丙/)
    const absent = await addCouncilMember(h)
    expectError(await raise(absent), 'COUNCIL.NOT_PRESENT')
  })
})

describe('staff board', () => {
  it('counts overdue answers', async () => {
    const memberId = await addCouncilMember(h)
    await addChildProposal(h, memberId, { status: 'approved', answerDueAt: new Date(Date.now() - 86400_000) })
    const board = expectOk(await staff('staffBoard', { communityId: A }), staffBoardOutput)
    expect(board.counts.overdue).toBeGreaterThanOrEqual(2) // the seeded 小雨 proposal and this one
    expect(board.awaitingAnswer[0].private!.overdue).toBe(true)
  })
})

describe('guardian rights', () => {
  it('export: everything about the child as JSON; nobody else may', async () => {
    const exported = expectOk(await guardian('myChildData', { childId: 'child-demo-child' }), childDataOutput)
    expect(exported.child).toMatchObject({ alias: '小明', hasOwnAccount: true })
    expect(exported.records[COLLECTIONS.councilProposals].length).toBeGreaterThanOrEqual(5)
    expect(exported.records[COLLECTIONS.councilVotes].length).toBeGreaterThanOrEqual(2)
    expect(exported.records[COLLECTIONS.councilMeetings].length).toBeGreaterThanOrEqual(2)
    expectError(await h.as('residentA')('council', 'myChildData', { childId: 'child-demo-child' }), 'AUTH.FORBIDDEN')
    expectError(await staff('myChildData', { childId: 'child-demo-child' }), 'AUTH.FORBIDDEN')
  })

  it('delete: removes the child from every collection (checked collection by collection); secret ballots stay counted', async () => {
    const memberId = await addCouncilMember(h, { guardian: 'demo-resident', alias: '删删', childOpenid: 'test-child-own' })
    const childId = (await h.db.collection(COLLECTIONS.councilMembers).doc(memberId).get()).data.childId
    await h.addMember(A, 'test-child-own')
    await h.db
      .collection(COLLECTIONS.people)
      .doc('test-child-own')
      .update({ data: { isChild: true } })
    await h.db
      .collection(COLLECTIONS.childAccounts)
      .doc('test-child-own')
      .set({ data: { childId, communityId: A, linkedAt: new Date(), linkedBy: 'demo-resident' } })
    const photo = (
      await cloud().uploadFile({ cloudPath: `council/${childId}/slide.jpg`, fileContent: Buffer.from('a photo of a broken slide') })
    ).fileID
    expect(await fileExists(photo)).toBe(true)
    const proposalId = await addChildProposal(h, memberId, { status: 'approved', photo })
    // a photo already gone from storage does not stop the deletion
    await addChildProposal(h, memberId, { photo: photo.replace('slide.jpg', 'already-gone.jpg') })
    okData(await staff('respond', { proposalId, kind: 'later', text: '我们想一想' })) // inbox entries with childId
    const meetingId = await addMeeting(h, { attendance: [memberId] })
    okData(await h.as('residentA')('council', 'raiseHand', { meetingId, memberId }))
    await h.db
      .collection(COLLECTIONS.councilMeetings)
      .doc(meetingId)
      .update({
        data: {
          items: [
            {
              itemId: 'item-1',
              title: 't',
              presenterAlias: '删删',
              presenterMemberId: memberId,
              durationMinutes: 5,
              order: 0,
              proposalId,
              vote: {
                status: 'open',
                secret: true,
                openedAt: new Date(),
                closedAt: null,
                tally: null,
                present: null,
                memberCount: null,
                quorumMet: null,
                passed: null,
              },
              decision: null,
            },
          ],
        },
      })
    expect(okData(await h.as('residentA')('council', 'castVote', { meetingId, itemId: 'item-1', memberId, choice: 'yes' }))).toEqual({
      counted: true,
    })

    const res = okData(await h.as('residentA')('council', 'deleteChildData', { childId }))
    expect(res.deleted[COLLECTIONS.children]).toBe(1)
    expect(res.deleted[COLLECTIONS.childAccounts]).toBe(1)
    expect(res.deleted.files).toBe(2)
    expect(await fileExists(photo)).toBe(false) // the stored photo file is gone from storage

    const needles = [childId, memberId, '删删', 'test-child-own']
    for (const name of Object.values(COLLECTIONS)) {
      const text = JSON.stringify(await h.emu.dump(name))
      for (const needle of needles)
        expect({ collection: name, needle, found: text.includes(needle) }).toEqual({ collection: name, needle, found: false })
    }
    expect((await docsOf(h.emu, COLLECTIONS.councilBallots)).filter((b) => b.meetingId === meetingId)).toHaveLength(1)
    expectError(await h.as('residentA')('council', 'myChildData', { childId }), 'COUNCIL.CHILD_NOT_FOUND')
  })

  it('the retention timer deletes a former member’s council data once the period has passed, not before', async () => {
    const memberId = await addCouncilMember(h, { alias: '走了' })
    const photo = (await cloud().uploadFile({ cloudPath: `council/${memberId}/tree.jpg`, fileContent: Buffer.from('a tree') })).fileID
    await addChildProposal(h, memberId, { photo })
    const left = expectOk(await h.as('residentA')('council', 'leave', { memberId }), councilMemberViewSchema)
    expect(left.status).toBe('left')
    await h.emu.fireTrigger('council', 'daily')
    expect((await docsOf(h.emu, COLLECTIONS.councilMembers)).some((m) => m._id === memberId)).toBe(true)
    await h.db
      .collection(COLLECTIONS.councilMembers)
      .doc(memberId)
      .update({ data: { purgeAfter: new Date(Date.now() - 1000) } })
    await h.emu.fireTrigger('council', 'daily')
    expect((await docsOf(h.emu, COLLECTIONS.councilMembers)).some((m) => m._id === memberId)).toBe(false)
    expect((await docsOf(h.emu, COLLECTIONS.councilProposals)).some((p) => p.memberId === memberId)).toBe(false)
    expect(await fileExists(photo)).toBe(false)
  })

  it('a timer event from a client (with a caller) is just an unknown action', async () => {
    const res = asEnvelope(await h.emu.invoke('council', { Type: 'Timer', TriggerName: 'daily' }, { openid: 'demo-resident' }))
    expectError(res, 'ACTION.UNKNOWN')
  })
})

it('every action of the contract has an output schema the answers match (checked above via expectOk)', () => {
  expect(Object.keys(councilContract).length).toBeGreaterThanOrEqual(27)
})
