/**
 * The children's council demo (issue 6): 栀子街's 乐活少年儿童议事会 with 小明 (demo-child, guardian demo-guardian)
 * approved, two more members (乐乐 the elected chair) and one pending application, child proposals in every stage, a
 * past meeting with votes, decisions and minutes, and an upcoming one with a published agenda. Idempotent
 * (deterministic _ids, set).
 */
import { demoClock, demoTitles, seasonOf } from './seed-demo-clock'
import {
  COLLECTIONS,
  COUNCIL_CONSENT_VERSION,
  DEMO_COMMUNITIES,
  shanghaiYear,
  type ChildDoc,
  type ChildProposalDoc,
  type CouncilBallotDoc,
  type CouncilDoc,
  type CouncilMeetingDoc,
  type CouncilMemberDoc,
  type CouncilVoteDoc,
  type ProjectDoc,
  type ProposalDoc,
} from '../types/index'

const DAY = 24 * 60 * 60 * 1000
const A = DEMO_COMMUNITIES.zhizijie.communityId
export const DEMO_COUNCIL_ID = `council-${A}`
export const DEMO_MEMBER_XIAOMING = `${DEMO_COUNCIL_ID}_child-demo-child`

export function demoCouncilDocuments(now: Date = new Date()) {
  const { ago, ahead } = demoClock(now) // daytime in Chengdu
  const year = shanghaiYear(now)

  const council: CouncilDoc = {
    _id: DEMO_COUNCIL_ID,
    communityId: A,
    name: '栀子街乐活少年儿童议事会',
    termStart: `${year}-01-01`,
    termEnd: `${year}-12-31`,
    minAge: 6,
    maxAge: 17,
    answerDays: 30,
    retentionDays: 180,
    memberCount: 3,
    createdBy: 'demo-staff',
    updatedBy: 'demo-staff',
    createdAt: ago(50),
    updatedAt: ago(50),
  }

  const child = (id: string, guardian: string, alias: string, age: number, openid: string | null = null): ChildDoc => ({
    _id: id,
    guardianOpenid: guardian,
    communityId: A,
    alias,
    birthYear: year - age,
    openid,
    createdAt: ago(40),
    updatedAt: ago(40),
  })
  const children: ChildDoc[] = [
    child('child-demo-xiaoyu', 'demo-parent-1', '小雨', 9),
    child('child-demo-lele', 'demo-parent-2', '乐乐', 12),
    child('child-demo-duoduo', 'demo-parent-3', '朵朵', 7),
  ]
  const member = (
    c: Pick<ChildDoc, '_id' | 'guardianOpenid' | 'alias' | 'birthYear'>,
    status: CouncilMemberDoc['status'],
    days: number,
  ): CouncilMemberDoc => ({
    _id: `${DEMO_COUNCIL_ID}_${c._id}`,
    councilId: DEMO_COUNCIL_ID,
    communityId: A,
    childId: c._id,
    alias: c.alias,
    birthYear: c.birthYear,
    guardianOpenid: c.guardianOpenid,
    status,
    consent: { guardianOpenid: c.guardianOpenid, version: COUNCIL_CONSENT_VERSION, at: ago(days) },
    appliedAt: ago(days),
    approvedAt: status === 'approved' ? ago(days - 1) : null,
    approvedBy: status === 'approved' ? 'demo-staff' : null,
    leftAt: null,
    purgeAfter: null,
    createdAt: ago(days),
    updatedAt: ago(days),
  })
  const xiaoming = { _id: 'child-demo-child', guardianOpenid: 'demo-guardian', alias: '小明', birthYear: year - 11, openid: 'demo-child' }
  const members: CouncilMemberDoc[] = [
    member(xiaoming, 'approved', 17),
    member(children[0], 'approved', 30),
    member(children[1], 'approved', 30),
    member(children[2], 'pending', 1),
  ]
  const [mXiaoming, mXiaoyu, mLele] = members
  // 乐乐 (12) was elected chair at the start of the term: staff named them, so the demo shows 👑 and 主席
  council.chair = { memberId: mLele._id, setBy: 'demo-staff', setAt: ago(29) }

  const proposal = (
    id: string,
    m: CouncilMemberDoc,
    days: number,
    fields: Partial<ChildProposalDoc> & Pick<ChildProposalDoc, 'noticed' | 'idea' | 'category'>,
  ): ChildProposalDoc => ({
    _id: id,
    councilId: DEMO_COUNCIL_ID,
    communityId: A,
    memberId: m._id,
    childId: m.childId,
    alias: m.alias,
    birthYear: m.birthYear,
    photo: null,
    moderation: 'pass',
    status: 'approved',
    review: { note: null, at: ago(days - 1), by: 'demo-staff' },
    answerDueAt: new Date(ago(days - 1).getTime() + 30 * DAY),
    answer: null,
    meetingId: null,
    handoff: null,
    handoffOpen: false,
    actedBy: { actorOpenid: m.guardianOpenid, childId: m.childId, as: 'guardian' },
    createdAt: ago(days),
    updatedAt: ago(days - 1),
    ...fields,
  })
  const PAST = 'council-meeting-demo-past'
  const NEXT = 'council-meeting-demo-next'
  const answer = (kind: 'yes' | 'later' | 'no', text: string, days: number) => ({ kind, text, at: ago(days), by: 'demo-staff' })
  const proposals: ChildProposalDoc[] = [
    proposal('council-proposal-demo-pending', mXiaoming, 1, {
      noticed: '放学的时候，学校门口的车好多，我们过马路很害怕。',
      idea: '可以请志愿者叔叔阿姨在路口帮我们过马路吗？',
      category: '上学路上',
      status: 'pending',
      review: null,
      answerDueAt: null,
      actedBy: { actorOpenid: 'demo-child', childId: 'child-demo-child', as: 'child' },
    }),
    proposal('council-proposal-demo-rejected', mXiaoming, 20, {
      noticed: '小区里没有地方放烟花。',
      idea: '在院坝里修一个放烟花的地方。',
      category: '玩耍的地方',
      status: 'rejected',
      review: { note: '院坝离楼太近，放烟花不安全', at: ago(19), by: 'demo-staff' },
      answer: answer('no', '谢谢小明！烟花离房子太近会着火，院坝不能放。春节社区会组织大家去公园看灯会，欢迎你来！', 15),
    }),
    proposal('council-proposal-demo-approved', mXiaoyu, 35, {
      noticed: '14 号院的垃圾桶旁边总是很臭，还有苍蝇。',
      idea: '给垃圾桶加盖子，每天多清理一次。',
      category: '干净的社区',
      // reviewed 34 days ago, still unanswered: overdue on staff's board
    }),
    proposal('council-proposal-demo-agenda', mXiaoming, 6, {
      noticed: '院坝的篮球架坏了，篮筐歪了。',
      idea: '请社区修好篮球架，周末我们想打球。',
      category: '玩耍的地方',
      meetingId: NEXT,
    }),
    proposal('council-proposal-demo-answered', mLele, 25, {
      noticed: '晚上回家的小路很黑，看不清。',
      idea: '在小路上装几盏路灯。',
      category: '安全',
      answer: answer('later', '乐乐你好，装路灯要和物业一起商量费用，我们下个月给你答复进展。', 10),
    }),
    proposal('council-proposal-demo-handoff', mXiaoming, 40, {
      noticed: '院坝里没有我们坐的地方，大人的椅子太高了。',
      idea: '在院坝里放几张小朋友坐的小椅子。',
      category: '玩耍的地方',
      meetingId: PAST,
      answer: answer('yes', '小明，议事会大家都赞成！社区会在下个月买 6 张小椅子放在院坝里。', 12),
      handoff: { proposalId: 'demo-proposal-council-chairs', at: ago(12), doneNotifiedAt: null },
      handoffOpen: true,
    }),
    proposal('council-proposal-demo-done', mXiaoyu, 45, {
      noticed: '花坛里的花都枯了。',
      idea: '我们小朋友一起种花！',
      category: '大自然',
      meetingId: PAST,
      answer: answer('yes', '小雨，大家一起种花的主意太棒了！社区准备好了花苗和小铲子。', 12),
      handoff: { proposalId: 'demo-proposal-council-flowers', at: ago(12), doneNotifiedAt: ago(2) },
      handoffOpen: false,
    }),
  ]

  const residentProposal = (
    id: string,
    title: string,
    description: string,
    status: ProposalDoc['status'],
    projectId: string | null,
  ): ProposalDoc => ({
    _id: id,
    communityId: A,
    title,
    description,
    category: '儿童友好',
    place: '栀子街 12 号院坝',
    photos: [],
    anonymous: false,
    authorName: '儿童议事会',
    authorIsChild: true,
    status,
    isPublic: true,
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    moderation: 'pass',
    supportCount: 0,
    commentCount: 0,
    supportUntil: null,
    thresholdReachedAt: null,
    answerDueAt: null,
    review: { decision: 'publish', reason: null, at: ago(12) },
    answer: { decision: 'accepted', explanation: '儿童议事会决定，社区采纳。', cost: null, dueDate: null, answeredAt: ago(12) },
    finalAnsweredAt: ago(12),
    projectId,
    timeline: [{ at: ago(12), kind: 'published', text: '来自儿童议事会的决定', audience: 'public' }],
    createdBy: 'demo-staff',
    updatedBy: 'demo-staff',
    createdAt: ago(12),
    updatedAt: ago(2),
    publishedAt: ago(12),
  })
  const residentProposals: ProposalDoc[] = [
    residentProposal(
      'demo-proposal-council-chairs',
      '院坝里放小朋友的小椅子',
      '孩子们的主意：在院坝里放几张小朋友坐的小椅子。',
      'accepted',
      null,
    ),
    residentProposal(
      'demo-proposal-council-flowers',
      '孩子们一起种花坛',
      '孩子们的主意：小朋友一起在花坛种花。',
      'completed',
      'demo-project-council-flowers',
    ),
  ]
  const projects: ProjectDoc[] = [
    {
      _id: 'demo-project-council-flowers',
      communityId: A,
      title: '孩子们一起种花坛',
      summary: '儿童议事会提议',
      owner: '栀子街社区',
      proposalIds: ['demo-proposal-council-flowers'],
      progress: 100,
      status: 'completed',
      dueDate: null,
      cost: 300,
      timeline: [{ at: ago(5), text: '花苗种好了', progress: 100, photo: null }],
      outcome: { text: '12 个孩子种下 60 株月季和太阳花。', photos: [], completedAt: ago(2) },
      createdBy: 'demo-staff',
      updatedBy: 'demo-staff',
      createdAt: ago(11),
      updatedAt: ago(2),
      completedAt: ago(2),
    },
  ]

  const present = [mXiaoming._id, mXiaoyu._id, mLele._id]
  const closedVote = (secret: boolean, tally: { yes: number; no: number; abstain: number }) => ({
    status: 'closed' as const,
    secret,
    openedAt: ago(14),
    closedAt: ago(14),
    tally,
    present: 3,
    memberCount: 3,
    quorumMet: true,
    passed: tally.yes > tally.no,
  })
  const meetings: CouncilMeetingDoc[] = [
    {
      _id: PAST,
      councilId: DEMO_COUNCIL_ID,
      communityId: A,
      title: demoTitles(now).pastMeeting,
      startsAt: ago(14),
      place: '栀子街社区党群服务中心二楼',
      status: 'closed',
      items: [
        {
          itemId: 'item-demo-chairs',
          title: '在院坝里放小朋友坐的小椅子',
          presenterAlias: '小明',
          presenterMemberId: mXiaoming._id,
          durationMinutes: 10,
          order: 0,
          proposalId: 'council-proposal-demo-handoff',
          vote: closedVote(false, { yes: 3, no: 0, abstain: 0 }),
          decision: {
            text: '全体赞成，请社区买 6 张小椅子',
            nextStep: '社区下个月采购',
            handoffProposalId: 'demo-proposal-council-chairs',
            at: ago(14),
            by: 'demo-staff',
          },
        },
        {
          itemId: 'item-demo-flowers',
          title: '我们小朋友一起种花',
          presenterAlias: '小雨',
          presenterMemberId: mXiaoyu._id,
          durationMinutes: 10,
          order: 1,
          proposalId: 'council-proposal-demo-done',
          vote: closedVote(true, { yes: 2, no: 0, abstain: 1 }),
          decision: {
            text: '通过，周末一起种花',
            nextStep: '社区准备花苗',
            handoffProposalId: 'demo-proposal-council-flowers',
            at: ago(14),
            by: 'demo-staff',
          },
        },
        {
          itemId: 'item-demo-name',
          title: '给议事会选一个口号',
          presenterAlias: null,
          presenterMemberId: null,
          durationMinutes: 5,
          order: 2,
          proposalId: null,
          vote: null,
          decision: { text: '口号：我的社区我做主', nextStep: null, handoffProposalId: null, at: ago(14), by: 'demo-staff' },
        },
      ],
      attendance: present,
      speakingSeconds: 120,
      speaking: { current: null, queue: [], turns: { [mXiaoming._id]: 2, [mXiaoyu._id]: 1, [mLele._id]: 1 } },
      minutes: {
        summary: '3 位成员全部到会。大家讨论了院坝小椅子、种花和议事会口号，三项都通过了。',
        nextSteps: '社区下个月买小椅子；本周六一起种花。',
        attendanceCount: 3,
        publishedAt: ago(13),
        by: 'demo-staff',
      },
      publishedAt: ago(20),
      createdBy: 'demo-staff',
      updatedBy: 'demo-staff',
      createdAt: ago(21),
      updatedAt: ago(13),
    },
    {
      _id: NEXT,
      councilId: DEMO_COUNCIL_ID,
      communityId: A,
      title: `${seasonOf(ahead(5))}议事会`,
      startsAt: ahead(5),
      place: '栀子街 12 号院坝',
      status: 'published',
      items: [
        {
          itemId: 'item-demo-basket',
          title: '修好院坝的篮球架',
          presenterAlias: '小明',
          presenterMemberId: mXiaoming._id,
          durationMinutes: 10,
          order: 0,
          proposalId: 'council-proposal-demo-agenda',
          vote: null,
          decision: null,
        },
        {
          itemId: 'item-demo-summer',
          title: '暑假一起做什么活动',
          presenterAlias: null,
          presenterMemberId: null,
          durationMinutes: 15,
          order: 1,
          proposalId: null,
          vote: null,
          decision: null,
        },
      ],
      attendance: [],
      speakingSeconds: 120,
      speaking: { current: null, queue: [], turns: {} },
      minutes: null,
      publishedAt: ago(3),
      createdBy: 'demo-staff',
      updatedBy: 'demo-staff',
      createdAt: ago(4),
      updatedAt: ago(3),
    },
  ]
  const votes: CouncilVoteDoc[] = present
    .map((memberId): CouncilVoteDoc => {
      const m = members.find((x) => x._id === memberId)!
      return {
        _id: `${PAST}_item-demo-chairs_${memberId}`,
        meetingId: PAST,
        itemId: 'item-demo-chairs',
        communityId: A,
        memberId,
        childId: m.childId,
        secret: false,
        choice: 'yes',
        actedBy: { actorOpenid: 'demo-staff', childId: m.childId, as: 'staff' },
        createdAt: ago(14),
      }
    })
    .concat(
      present.map((memberId): CouncilVoteDoc => {
        const m = members.find((x) => x._id === memberId)!
        return {
          _id: `${PAST}_item-demo-flowers_${memberId}`,
          meetingId: PAST,
          itemId: 'item-demo-flowers',
          communityId: A,
          memberId,
          childId: m.childId,
          secret: true,
          choice: null,
          actedBy: { actorOpenid: 'demo-staff', childId: m.childId, as: 'staff' },
          createdAt: ago(14),
        }
      }),
    )
  const ballots: CouncilBallotDoc[] = [
    { _id: 'ballot-demo-1', meetingId: PAST, itemId: 'item-demo-flowers', choice: 'yes' },
    { _id: 'ballot-demo-2', meetingId: PAST, itemId: 'item-demo-flowers', choice: 'abstain' },
    { _id: 'ballot-demo-3', meetingId: PAST, itemId: 'item-demo-flowers', choice: 'yes' },
  ]
  return { council, children, members, proposals, residentProposals, projects, meetings, votes, ballots }
}

async function put(db: any, collection: string, doc: { _id: string }): Promise<void> {
  const { _id, ...data } = doc
  await db.collection(collection).doc(_id).set({ data })
}

export async function seedDemoCouncil(db: any, now: Date = new Date()): Promise<number> {
  const d = demoCouncilDocuments(now)
  const writes: [string, { _id: string }[]][] = [
    [COLLECTIONS.councils, [d.council]],
    [COLLECTIONS.children, d.children],
    [COLLECTIONS.councilMembers, d.members],
    [COLLECTIONS.councilProposals, d.proposals],
    [COLLECTIONS.proposals, d.residentProposals],
    [COLLECTIONS.projects, d.projects],
    [COLLECTIONS.councilMeetings, d.meetings],
    [COLLECTIONS.councilVotes, d.votes],
    [COLLECTIONS.councilBallots, d.ballots],
  ]
  let count = 0
  for (const [collection, docs] of writes) {
    await Promise.all(docs.map((doc) => put(db, collection, doc)))
    count += docs.length
  }
  return count
}
