/**
 * The proposals demo (issue 5), called from seedDemo: per-community settings, two dozen neighbours of 栀子街社区
 * who support things, and proposals in every state — including the completed 上学路安全 project proposed by the
 * children's council (from the source articles: councils of children redesigning their routes to school).
 * Idempotent (deterministic `_id`s, doc(id).set). Counters match their records: supportCount = supports,
 * commentCount = visible comments, reportCount = reports.
 */
import { demoClock, toDaytime } from './seed-demo-clock'
import { inboxId } from '../cloudfunctions/_kernel/inbox'
import {
  COLLECTIONS,
  DEFAULT_PROPOSAL_SETTINGS,
  DEMO_COMMUNITIES,
  PROPOSAL_PAGES,
  type InboxDoc,
  type MembershipDoc,
  type PersonDoc,
  type ProjectDoc,
  type ProposalCommentDoc,
  type ProposalDoc,
  type ProposalReportDoc,
  type ProposalSettingsDoc,
  type ProposalSupportDoc,
  type ProposalTimelineDoc,
} from '../types/index'

const DAY = 24 * 60 * 60 * 1000
const ZHIZIJIE = DEMO_COMMUNITIES.zhizijie.communityId
const XINHUA = DEMO_COMMUNITIES.xinhua.communityId

const NEIGHBOUR_NAMES = [
  '赵大爷',
  '孙阿姨',
  '周老师',
  '吴师傅',
  '郑大姐',
  '冯叔',
  '陈奶奶',
  '褚哥',
  '卫姐',
  '蒋爷爷',
  '沈阿姨',
  '韩师傅',
  '杨老师',
  '朱大哥',
  '秦阿姨',
  '尤叔',
  '许奶奶',
  '何姐',
  '吕师傅',
  '施大爷',
  '张阿姨',
  '孔老师',
  '曹叔',
  '严姐',
]
export const DEMO_NEIGHBOURS = NEIGHBOUR_NAMES.map((name, i) => ({ openid: `demo-neighbour-${String(i + 1).padStart(2, '0')}`, name }))

export const DEMO_PROPOSAL_IDS = {
  pending: 'demo-prop-door',
  returned: 'demo-prop-road',
  refused: 'demo-prop-ad',
  published: 'demo-prop-seats',
  overdue: 'demo-prop-lights',
  evaluating: 'demo-prop-charging',
  accepted: 'demo-prop-canteen',
  rejected: 'demo-prop-paid-parking',
  implementing: 'demo-prop-sink',
  completed: 'demo-prop-school-route',
  withdrawn: 'demo-prop-flea',
  hidden: 'demo-prop-bbq',
  xinhua: 'demo-prop-xinhua-books',
} as const
export const DEMO_PROJECT_IDS = { route: 'demo-project-school-route', sink: 'demo-project-sink' } as const

export function demoProposalDocuments(now: Date = new Date()) {
  const { ago, ahead } = demoClock(now) // daytime in Chengdu
  const window = DEFAULT_PROPOSAL_SETTINGS.supportWindowDays
  const answerDays = DEFAULT_PROPOSAL_SETTINGS.answerDays

  const settings: ProposalSettingsDoc[] = [
    {
      _id: ZHIZIJIE,
      communityId: ZHIZIJIE,
      ...DEFAULT_PROPOSAL_SETTINGS,
      categories: [...DEFAULT_PROPOSAL_SETTINGS.categories],
      updatedBy: 'demo-staff',
      updatedAt: ago(50),
    },
    {
      _id: XINHUA,
      communityId: XINHUA,
      ...DEFAULT_PROPOSAL_SETTINGS,
      categories: [...DEFAULT_PROPOSAL_SETTINGS.categories],
      review: 'post',
      supportThreshold: 10,
      updatedBy: 'demo-staff-xinhua',
      updatedAt: ago(50),
    },
  ]

  const people: PersonDoc[] = DEMO_NEIGHBOURS.map((n) => ({
    _id: n.openid,
    nickname: n.name,
    avatarFileId: null,
    isDistrictAdmin: false,
    isChild: false,
    createdAt: ago(40),
    updatedAt: ago(40),
  }))
  const memberships: MembershipDoc[] = DEMO_NEIGHBOURS.map((n) => ({
    _id: `${ZHIZIJIE}_${n.openid}`,
    communityId: ZHIZIJIE,
    openid: n.openid,
    role: 'resident',
    joinedAt: ago(40),
    createdAt: ago(40),
    updatedAt: ago(40),
  }))

  const entry = (
    at: Date,
    kind: ProposalTimelineDoc['kind'],
    text: string | null = null,
    audience: ProposalTimelineDoc['audience'] = 'public',
  ): ProposalTimelineDoc => ({
    at,
    kind,
    text,
    audience,
  })

  const base = (
    _id: string,
    fields: Pick<ProposalDoc, 'title' | 'description' | 'category' | 'createdBy' | 'authorName' | 'status' | 'createdAt'> &
      Partial<ProposalDoc>,
  ): ProposalDoc => ({
    _id,
    communityId: ZHIZIJIE,
    place: null,
    photos: [],
    anonymous: false,
    authorIsChild: false,
    isPublic: false,
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    moderation: 'pass',
    supportCount: 0,
    commentCount: 0,
    supportUntil: null,
    thresholdReachedAt: null,
    answerDueAt: null,
    review: null,
    answer: null,
    finalAnsweredAt: null,
    projectId: null,
    timeline: [entry(fields.createdAt, 'submitted')],
    updatedBy: fields.createdBy,
    updatedAt: fields.createdAt,
    publishedAt: null,
    ...fields,
  })
  /** Published `days` ago by staff review one hour after submission. */
  const published = (submittedDaysAgo: number) => {
    const at = new Date(ago(submittedDaysAgo).getTime() + 3600_000)
    return {
      isPublic: true,
      publishedAt: at,
      supportUntil: new Date(at.getTime() + window * DAY),
      review: { decision: 'publish' as const, reason: null, at },
      publishedEntry: entry(at, 'published'),
    }
  }

  const ids = DEMO_PROPOSAL_IDS
  const p = {
    seats: published(6),
    lights: published(40),
    charging: published(30),
    canteen: published(45),
    parking: published(35),
    sink: published(55),
    route: published(58),
    flea: published(9),
    bbq: published(4),
  }
  const reached = (at: Date) => ({ thresholdReachedAt: at, answerDueAt: new Date(at.getTime() + answerDays * DAY) })

  const proposals: ProposalDoc[] = [
    base(ids.pending, {
      title: '12 号院单元门禁经常坏',
      description: '12 号院 2 单元的门禁这个月坏了三次，晚上门关不上，外人随便进出。希望物业换一个质量好一点的门禁，并留一个报修电话。',
      category: '物业管理',
      place: '栀子街 12 号院 2 单元',
      createdBy: 'demo-guardian',
      authorName: '李先生',
      status: 'pending',
      createdAt: ago(0, 5),
    }),
    base(ids.returned, {
      title: '建议把路修一下',
      description: '路不好走，下雨天到处是水，老年人容易摔跤。',
      category: '便民服务',
      createdBy: 'demo-resident',
      authorName: '王阿姨',
      status: 'returned',
      createdAt: ago(3),
      updatedAt: ago(2),
      updatedBy: 'demo-staff',
      review: { decision: 'return', reason: '请写清楚是哪一段路、哪里积水，最好附上照片，方便我们转给街道。', at: ago(2) },
      timeline: [
        entry(ago(3), 'submitted'),
        entry(ago(2), 'returned', '请写清楚是哪一段路、哪里积水，最好附上照片，方便我们转给街道。', 'private'),
      ],
    }),
    base(ids.refused, {
      title: '欢迎到我店里办卡',
      description: '本店新开业，办卡充值优惠多多，欢迎各位邻居光临。',
      category: '其他',
      createdBy: 'demo-neighbour-24',
      authorName: '严姐',
      status: 'refused',
      createdAt: ago(8),
      updatedAt: ago(7),
      updatedBy: 'demo-staff',
      review: { decision: 'reject', reason: '这是商业广告，不是社区公共事务的建议。', at: ago(7) },
      timeline: [entry(ago(8), 'submitted'), entry(ago(7), 'refused', '这是商业广告，不是社区公共事务的建议。', 'private')],
    }),
    base(ids.published, {
      title: '14 号院坝增设休息座椅',
      description:
        '14 号院坝是大家摆龙门阵、带娃的地方，但只有两张石凳，老人站久了吃不消。建议在黄葛树下加四到六张带靠背的长椅，再装一个遮阳棚。',
      category: '便民服务',
      place: '栀子街 14 号院坝',
      createdBy: 'demo-resident',
      authorName: '王阿姨',
      status: 'published',
      createdAt: ago(6),
      ...p.seats,
      supportCount: 5,
      commentCount: 2,
      updatedAt: ago(1),
      timeline: [entry(ago(6), 'submitted'), p.seats.publishedEntry],
    }),
    base(ids.overdue, {
      title: '夜间楼道照明不足',
      description: '12 号、14 号院好几个楼道的灯坏了很久，晚上上下楼要打手电，老人和孩子容易摔。建议统一换成声控 LED 灯，并定期检查。',
      category: '平安建设',
      place: '栀子街 12 号、14 号院楼道',
      createdBy: 'demo-neighbour-01',
      authorName: '赵大爷',
      status: 'published',
      createdAt: ago(40),
      ...p.lights,
      ...reached(ago(20)),
      supportCount: 22,
      updatedAt: ago(20),
      timeline: [entry(ago(40), 'submitted'), p.lights.publishedEntry, entry(ago(20), 'threshold', '附议达到 20 人，进入必答清单')],
    }),
    base(ids.evaluating, {
      title: '建一个电动自行车集中充电棚',
      description: '楼道里飞线充电很危险。建议在东门空地建一个带计时收费的集中充电棚，解决大家充电难，也消除火灾隐患。',
      category: '交通停车',
      place: '栀子街东门空地',
      createdBy: 'demo-neighbour-02',
      authorName: '孙阿姨',
      status: 'evaluating',
      createdAt: ago(30),
      ...p.charging,
      ...reached(ago(5)),
      supportCount: 21,
      updatedAt: ago(2),
      updatedBy: 'demo-staff',
      answer: {
        decision: 'evaluating',
        explanation: '已联系供电部门和物业现场查看场地，正在核算费用，两周内答复。',
        cost: null,
        dueDate: null,
        answeredAt: ago(2),
      },
      timeline: [
        entry(ago(30), 'submitted'),
        p.charging.publishedEntry,
        entry(ago(5), 'threshold', '附议达到 20 人，进入必答清单'),
        entry(ago(2), 'answered', '评估中：已联系供电部门和物业现场查看场地，正在核算费用，两周内答复。'),
      ],
    }),
    base(ids.accepted, {
      title: '社区食堂增加老年助餐',
      description: '院子里独居老人多，中午做饭麻烦。建议社区食堂开设老年助餐，60 岁以上优惠，行动不便的可以送餐上门。',
      category: '医养康复',
      createdBy: 'demo-neighbour-03',
      authorName: '周老师',
      status: 'accepted',
      createdAt: ago(45),
      ...p.canteen,
      ...reached(ago(30)),
      supportCount: 20,
      updatedAt: ago(20),
      updatedBy: 'demo-staff',
      finalAnsweredAt: ago(20),
      answer: {
        decision: 'accepted',
        explanation: '采纳。社区将与长者食堂合作开设老年助餐，申请居民自治金支持。',
        cost: 8000,
        dueDate: new Date(ahead(60).getTime()).toISOString().slice(0, 10),
        answeredAt: ago(20),
      },
      timeline: [
        entry(ago(45), 'submitted'),
        p.canteen.publishedEntry,
        entry(ago(30), 'threshold', '附议达到 20 人，进入必答清单'),
        entry(ago(20), 'answered', '已采纳：社区将与长者食堂合作开设老年助餐，申请居民自治金支持。'),
      ],
    }),
    base(ids.rejected, {
      title: '院内划收费停车位',
      description: '院子里乱停车，建议把消防通道两边划成收费车位，收的钱用于院落维修。',
      category: '交通停车',
      createdBy: 'demo-neighbour-04',
      authorName: '吴师傅',
      status: 'rejected',
      createdAt: ago(35),
      ...p.parking,
      supportCount: 3,
      updatedAt: ago(15),
      updatedBy: 'demo-staff',
      finalAnsweredAt: ago(15),
      answer: {
        decision: 'rejected',
        explanation: '消防通道两侧按规定不能划车位。停车问题已列入本周六院坝议事会议题，欢迎大家来商量别的办法。',
        cost: null,
        dueDate: null,
        answeredAt: ago(15),
      },
      timeline: [
        entry(ago(35), 'submitted'),
        p.parking.publishedEntry,
        entry(ago(15), 'answered', '未采纳：消防通道两侧按规定不能划车位。停车问题已列入本周六院坝议事会议题，欢迎大家来商量别的办法。'),
      ],
    }),
    base(ids.implementing, {
      title: '垃圾分类亭加装洗手池',
      description: '倒完厨余垃圾手上脏，希望在分类亭旁边装一个洗手池。',
      category: '环境卫生',
      place: '栀子街 12 号院垃圾分类亭',
      createdBy: 'demo-neighbour-05',
      authorName: '郑大姐',
      status: 'implementing',
      createdAt: ago(55),
      ...p.sink,
      ...reached(ago(45)),
      supportCount: 20,
      updatedAt: ago(25),
      updatedBy: 'demo-staff',
      finalAnsweredAt: ago(40),
      answer: { decision: 'accepted', explanation: '采纳，由物业实施，社区监督。', cost: 3000, dueDate: null, answeredAt: ago(40) },
      projectId: DEMO_PROJECT_IDS.sink,
      timeline: [
        entry(ago(55), 'submitted'),
        p.sink.publishedEntry,
        entry(ago(45), 'threshold', '附议达到 20 人，进入必答清单'),
        entry(ago(40), 'answered', '已采纳：采纳，由物业实施，社区监督。'),
        entry(ago(30), 'project', '纳入项目「12 号院分类亭洗手池」'),
      ],
    }),
    base(ids.completed, {
      title: '上学路安全：校门口要有护栏和斑马线',
      description:
        '我们是栀子街社区儿童议事会的小朋友。每天上学要走栀子街到三圣小学这一段，路口车很多，人行道有一段没有护栏，校门口也没有斑马线。' +
        '我们画了上学路线图，标出了 5 个危险点，希望大人们帮我们把这条路变安全。',
      category: '儿童友好',
      place: '栀子街—三圣小学上学路',
      // a council decision handed off (0033): a child's own account does not post in the resident forum
      createdBy: 'demo-staff',
      authorName: '儿童议事会',
      authorIsChild: true,
      status: 'completed',
      createdAt: ago(58),
      ...p.route,
      ...reached(ago(50)),
      supportCount: 26,
      commentCount: 1,
      updatedAt: ago(3),
      updatedBy: 'demo-staff',
      finalAnsweredAt: ago(45),
      answer: {
        decision: 'accepted',
        explanation: '采纳。社区联合街道、交警和学校一起改造这段上学路：补护栏、画斑马线、设护学岗。',
        cost: 45000,
        dueDate: new Date(ago(5).getTime()).toISOString().slice(0, 10),
        answeredAt: ago(45),
      },
      projectId: DEMO_PROJECT_IDS.route,
      timeline: [
        entry(ago(58), 'submitted'),
        p.route.publishedEntry,
        entry(ago(50), 'threshold', '附议达到 20 人，进入必答清单'),
        entry(ago(45), 'answered', '已采纳：社区联合街道、交警和学校一起改造这段上学路：补护栏、画斑马线、设护学岗。'),
        entry(ago(40), 'project', '纳入项目「栀子街上学路安全改造」'),
        entry(ago(3), 'completed', '三圣小学门口新画斑马线和彩色减速带，补齐 120 米人行道护栏，早晚高峰有志愿者护学岗。'),
      ],
    }),
    base(ids.withdrawn, {
      title: '周末办跳蚤市场',
      description: '想在院坝办一个周末跳蚤市场，大家把闲置东西拿出来换一换。',
      category: '文体活动',
      createdBy: 'demo-neighbour-06',
      authorName: '冯叔',
      status: 'withdrawn',
      createdAt: ago(9),
      ...p.flea,
      updatedAt: ago(7),
      timeline: [entry(ago(9), 'submitted'), p.flea.publishedEntry, entry(ago(7), 'withdrawn')],
    }),
    base(ids.hidden, {
      title: '楼下烧烤摊太吵',
      description: '每天晚上十二点还在烤，油烟大、声音大，应该让他们马上搬走，不搬就去砸了。',
      category: '环境卫生',
      createdBy: 'demo-neighbour-07',
      authorName: '陈奶奶',
      status: 'published',
      createdAt: ago(4),
      ...p.bbq,
      hidden: true,
      hiddenBy: 'reports',
      reportCount: 3,
      updatedAt: ago(1),
      timeline: [entry(ago(4), 'submitted'), p.bbq.publishedEntry],
    }),
    base(ids.xinhua, {
      communityId: XINHUA,
      title: '社区图书角增加儿童绘本',
      description: '图书角的书大多是大人看的，希望多添一些适合 3–8 岁孩子的绘本。',
      category: '文化教育',
      createdBy: 'demo-staff-xinhua',
      authorName: '刘社工',
      status: 'published',
      createdAt: ago(2),
      isPublic: true,
      publishedAt: ago(2),
      supportUntil: new Date(ago(2).getTime() + window * DAY),
      timeline: [entry(ago(2), 'submitted'), entry(ago(2), 'published')],
    }),
  ]

  // Supports: neighbours in order, then demo-resident / demo-guardian where it makes a good demo.
  const supporters: Record<string, string[]> = {
    [ids.published]: DEMO_NEIGHBOURS.slice(10, 15).map((n) => n.openid),
    [ids.overdue]: DEMO_NEIGHBOURS.slice(1, 23).map((n) => n.openid),
    [ids.evaluating]: [...DEMO_NEIGHBOURS.slice(2, 22).map((n) => n.openid), 'demo-resident'],
    [ids.accepted]: DEMO_NEIGHBOURS.slice(4, 24).map((n) => n.openid),
    [ids.rejected]: DEMO_NEIGHBOURS.slice(10, 13).map((n) => n.openid),
    [ids.implementing]: DEMO_NEIGHBOURS.slice(0, 4)
      .concat(DEMO_NEIGHBOURS.slice(5, 21))
      .map((n) => n.openid),
    [ids.completed]: [...DEMO_NEIGHBOURS.map((n) => n.openid), 'demo-resident', 'demo-guardian'],
  }
  const supports: ProposalSupportDoc[] = []
  for (const proposal of proposals) {
    const list = supporters[proposal._id] ?? []
    if (list.length !== proposal.supportCount)
      throw new Error(`seed: ${proposal._id} has ${list.length} supporters, supportCount ${proposal.supportCount}`)
    list.forEach((openid, i) =>
      supports.push({
        _id: `${proposal._id}_${openid}`,
        proposalId: proposal._id,
        communityId: proposal.communityId,
        openid,
        createdAt: toDaytime(new Date((proposal.publishedAt ?? proposal.createdAt).getTime() + (i + 1) * 3600_000)),
      }),
    )
  }

  const comment = (
    _id: string,
    proposalId: string,
    by: string,
    authorName: string,
    body: string,
    at: Date,
    extra: Partial<ProposalCommentDoc> = {},
  ): ProposalCommentDoc => ({
    _id,
    proposalId,
    communityId: ZHIZIJIE,
    body,
    authorName,
    moderation: 'pass',
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
    ...extra,
  })
  const comments: ProposalCommentDoc[] = [
    comment('demo-comment-seats-1', ids.published, 'demo-neighbour-11', '沈阿姨', '赞成！下午带孙子在院坝玩，连坐的地方都没有。', ago(5)),
    comment('demo-comment-seats-2', ids.published, 'demo-neighbour-12', '韩师傅', '长椅最好是木头的，夏天石凳太烫。', ago(4)),
    comment('demo-comment-seats-3', ids.published, 'demo-neighbour-13', '杨老师', '有需要买椅子的可以加微信找我团购。', ago(1), {
      moderation: 'review',
    }),
    comment('demo-comment-route-1', ids.completed, 'demo-guardian', '李先生', '现在早上送孩子放心多了，谢谢孩子们，也谢谢社区！', ago(2)),
  ]

  const reports: ProposalReportDoc[] = DEMO_NEIGHBOURS.slice(15, 18).map((n, i) => ({
    _id: `${ids.hidden}_${n.openid}`,
    targetKind: 'proposal',
    targetId: ids.hidden,
    proposalId: ids.hidden,
    communityId: ZHIZIJIE,
    openid: n.openid,
    reason: '言语过激',
    createdAt: ago(2, i),
  }))

  const projects: ProjectDoc[] = [
    {
      _id: DEMO_PROJECT_IDS.route,
      communityId: ZHIZIJIE,
      title: '栀子街上学路安全改造',
      summary: '根据儿童议事会画的上学路线图，对 5 个危险点逐一改造。',
      owner: '栀子街社区居委会 · 张社工',
      proposalIds: [ids.completed],
      progress: 100,
      status: 'completed',
      dueDate: new Date(ago(5).getTime()).toISOString().slice(0, 10),
      cost: 45000,
      timeline: [
        { at: ago(40), text: '项目立项，负责人：栀子街社区居委会 · 张社工', progress: 0, photo: null },
        { at: ago(30), text: '与交警、学校现场踏勘，确认 5 个危险点的改造方案。', progress: 20, photo: null },
        { at: ago(15), text: '人行道护栏安装完成 120 米。', progress: 60, photo: null },
        { at: ago(8), text: '校门口斑马线和彩色减速带施划完成，护学岗志愿者排班上岗。', progress: 90, photo: null },
        {
          at: ago(3),
          text: '项目完成：三圣小学门口新画斑马线和彩色减速带，补齐 120 米人行道护栏，早晚高峰有志愿者护学岗。',
          progress: 100,
          photo: null,
        },
      ],
      outcome: {
        text: '三圣小学门口新画斑马线和彩色减速带，补齐 120 米人行道护栏，早晚高峰有志愿者护学岗。儿童议事会回访：上学路上的 5 个危险点全部消除。',
        photos: [],
        completedAt: ago(3),
      },
      createdBy: 'demo-staff',
      updatedBy: 'demo-staff',
      createdAt: ago(40),
      updatedAt: ago(3),
      completedAt: ago(3),
    },
    {
      _id: DEMO_PROJECT_IDS.sink,
      communityId: ZHIZIJIE,
      title: '12 号院分类亭洗手池',
      summary: null,
      owner: '物业服务中心 · 刘经理',
      proposalIds: [ids.implementing],
      progress: 60,
      status: 'active',
      dueDate: new Date(ahead(10).getTime()).toISOString().slice(0, 10),
      cost: 3000,
      timeline: [
        { at: ago(30), text: '项目立项，负责人：物业服务中心 · 刘经理', progress: 0, photo: null },
        { at: ago(25), text: '上下水管道已接通，等待安装洗手池台面。', progress: 60, photo: null },
      ],
      outcome: null,
      createdBy: 'demo-staff',
      updatedBy: 'demo-staff',
      createdAt: ago(30),
      updatedAt: ago(25),
      completedAt: null,
    },
  ]

  const message = (
    eventKey: string,
    openid: string,
    fields: Pick<InboxDoc, 'kind' | 'title' | 'body' | 'page' | 'createdAt'> & Partial<InboxDoc>,
  ): InboxDoc => ({
    _id: inboxId(eventKey, openid),
    openid,
    communityId: ZHIZIJIE,
    read: false,
    readAt: null,
    ...fields,
  })
  const routePage = `${PROPOSAL_PAGES.detail}?proposalId=${ids.completed}`
  const routeOutcome = (openid: string) =>
    message(`${ids.completed}:outcome:${DEMO_PROJECT_IDS.route}`, openid, {
      kind: 'proposal.outcome',
      title: '你关注的建议已办结',
      body: `「上学路安全：校门口要有护栏和斑马线」已通过项目「栀子街上学路安全改造」完成。成效：${projects[0].outcome!.text}`,
      page: routePage,
      createdAt: ago(3),
    })
  const inbox: InboxDoc[] = [
    message(`${ids.returned}:review:seed`, 'demo-resident', {
      kind: 'proposal.review',
      title: '你的建议需要补充修改',
      body: '「建议把路修一下」需要补充修改后再提交。原因：请写清楚是哪一段路、哪里积水，最好附上照片，方便我们转给街道。',
      page: `${PROPOSAL_PAGES.detail}?proposalId=${ids.returned}`,
      createdAt: ago(2),
    }),
    routeOutcome('demo-child'),
    routeOutcome('demo-guardian'),
    routeOutcome('demo-resident'),
  ]

  return { settings, people, memberships, proposals, supports, comments, reports, projects, inbox }
}

async function put(db: any, collection: string, doc: { _id: string }): Promise<void> {
  const { _id, ...data } = doc
  await db.collection(collection).doc(_id).set({ data })
}

/** Write the proposals demo; then recount 栀子街社区's members (its neighbours joined). */
export async function seedDemoProposals(
  db: any,
  now: Date = new Date(),
): Promise<{ proposals: number; projects: number; supports: number }> {
  const docs = demoProposalDocuments(now)
  await Promise.all(docs.settings.map((d) => put(db, COLLECTIONS.proposalSettings, d)))
  await Promise.all(docs.people.map((d) => put(db, COLLECTIONS.people, d)))
  await Promise.all(docs.memberships.map((d) => put(db, COLLECTIONS.memberships, d)))
  await Promise.all(docs.proposals.map((d) => put(db, COLLECTIONS.proposals, d)))
  await Promise.all(docs.supports.map((d) => put(db, COLLECTIONS.proposalSupports, d)))
  await Promise.all(docs.comments.map((d) => put(db, COLLECTIONS.proposalComments, d)))
  await Promise.all(docs.reports.map((d) => put(db, COLLECTIONS.proposalReports, d)))
  await Promise.all(docs.projects.map((d) => put(db, COLLECTIONS.projects, d)))
  await Promise.all(docs.inbox.map((d) => put(db, COLLECTIONS.inbox, d)))
  const members = (await db.collection(COLLECTIONS.memberships).where({ communityId: ZHIZIJIE }).count()) as { total: number }
  await db
    .collection(COLLECTIONS.communities)
    .doc(ZHIZIJIE)
    .update({ data: { memberCount: members.total } })
  return { proposals: docs.proposals.length, projects: docs.projects.length, supports: docs.supports.length }
}
