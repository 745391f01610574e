/**
 * The demo: two communities from the source articles, six demo people, a few notices. Idempotent — deterministic
 * `_id`s written with doc(id).set — so it can run on every start. `db` is a wx-server-sdk database (cloud.database()).
 */
import { demoClock, demoTitles, nextHolidayOf } from './seed-demo-clock'
import {
  COLLECTIONS,
  searchEntry,
  DEMO_COMMUNITIES,
  shanghaiYear,
  type ChildAccountDoc,
  type ChildDoc,
  type CommunityDoc,
  type MembershipDoc,
  type NoticeDoc,
  type PersonDoc,
} from '../types/index'
import { demoProposalDocuments, seedDemoProposals } from './seed-demo-proposals'
import { demoEventDocuments, seedDemoEvents } from './seed-demo-events'
import { demoCouncilDocuments, seedDemoCouncil } from './seed-demo-council'

const DAY = 24 * 60 * 60 * 1000
const ZHIZIJIE = DEMO_COMMUNITIES.zhizijie.communityId
const XINHUA = DEMO_COMMUNITIES.xinhua.communityId

export interface SeedSummary {
  communities: number
  people: number
  memberships: number
  children: number
  notices: number
}

export function demoDocuments(now: Date = new Date()) {
  // daytime in Chengdu, and titles that fit the season (seed-demo-clock)
  const { ago, ahead } = demoClock(now)
  const titles = demoTitles(now)
  const holiday = nextHolidayOf(now)

  const communities: CommunityDoc[] = [
    {
      _id: ZHIZIJIE,
      code: DEMO_COMMUNITIES.zhizijie.code,
      name: '栀子街社区',
      district: '锦江区',
      street: '三圣街道',
      memberCount: 4,
      posterFileId: null,
      createdAt: ago(60),
      updatedAt: ago(60),
    },
    {
      _id: XINHUA,
      code: DEMO_COMMUNITIES.xinhua.code,
      name: '新华社区',
      district: '高新区',
      street: '中和街道',
      memberCount: 1,
      posterFileId: null,
      createdAt: ago(60),
      updatedAt: ago(60),
    },
  ]

  const person = (openid: string, nickname: string, extra: Partial<PersonDoc> = {}): PersonDoc => ({
    _id: openid,
    nickname,
    avatarFileId: null,
    isDistrictAdmin: false,
    isChild: false,
    createdAt: ago(30),
    updatedAt: ago(30),
    ...extra,
  })
  const people: PersonDoc[] = [
    person('demo-resident', '王阿姨'),
    person('demo-guardian', '李先生'),
    person('demo-child', '小明', { isChild: true }),
    person('demo-staff', '张社工'),
    person('demo-staff-xinhua', '刘社工'),
    person('demo-admin', '陈科长', { isDistrictAdmin: true }),
  ]

  const membership = (communityId: string, openid: string, role: MembershipDoc['role'], days: number): MembershipDoc => ({
    _id: `${communityId}_${openid}`,
    communityId,
    openid,
    role,
    joinedAt: ago(days),
    createdAt: ago(days),
    updatedAt: ago(days),
  })
  const memberships: MembershipDoc[] = [
    membership(ZHIZIJIE, 'demo-staff', 'staff', 45),
    membership(ZHIZIJIE, 'demo-resident', 'resident', 20),
    membership(ZHIZIJIE, 'demo-guardian', 'resident', 18),
    membership(ZHIZIJIE, 'demo-child', 'resident', 18),
    membership(XINHUA, 'demo-staff-xinhua', 'staff', 40),
  ]

  const children: ChildDoc[] = [
    {
      _id: 'child-demo-child',
      guardianOpenid: 'demo-guardian',
      communityId: ZHIZIJIE,
      alias: '小明',
      birthYear: shanghaiYear(now) - 11,
      openid: 'demo-child',
      createdAt: ago(18),
      updatedAt: ago(18),
    },
  ]

  const notice = (
    _id: string,
    communityId: string,
    by: string,
    fields: Pick<NoticeDoc, 'title' | 'body' | 'category'> & Partial<NoticeDoc>,
  ): NoticeDoc => ({
    _id,
    communityId,
    pinned: false,
    status: 'published',
    publishAt: null,
    expiresAt: null,
    moderation: 'pass',
    readCount: 0,
    createdBy: by,
    updatedBy: by,
    createdAt: fields.publishAt ?? ago(1),
    updatedAt: fields.publishAt ?? ago(1),
    ...fields,
  })
  const notices: NoticeDoc[] = [
    notice('demo-notice-zhizijie-renovation', ZHIZIJIE, 'demo-staff', {
      title: '栀子街老旧院落改造意见征集',
      category: '通知',
      pinned: true,
      publishAt: ago(3),
      body:
        '各位居民朋友：\n栀子街 12 号、14 号院落今年纳入老旧小区改造计划。改造前，社区想先听听大家的想法：' +
        '楼道照明、雨棚、非机动车棚、院坝休息座椅，哪些最需要改？\n请于本月 25 日前在小程序里留言，或到社区党群服务中心填写意见表。' +
        '下周六上午 9:30 在 12 号院坝开议事会，欢迎大家来摆一摆。',
    }),
    notice('demo-notice-zhizijie-yiyuanhui', ZHIZIJIE, 'demo-staff', {
      title: '周六院坝议事会：楼下停车怎么管',
      category: '活动预告',
      publishAt: ago(1, 2),
      body: '本周六上午 9:30，栀子街 14 号院坝。议题：院内停车位分配和外来车辆管理。请每个楼栋至少来一位代表，社区提供茶水。',
    }),
    notice('demo-notice-zhizijie-juzhuzheng', ZHIZIJIE, 'demo-staff', {
      title: '居住证办理指南',
      category: '办事指南',
      publishAt: ago(10),
      body:
        '办理地点：三圣街道便民服务中心一楼 3 号窗口。\n需带材料：身份证原件、租房合同或房产证明、近期一寸照片一张。\n' +
        '办理时间：工作日 9:00–12:00，13:30–17:00。可先在“天府通办”上预约。',
    }),
    notice('demo-notice-zhizijie-electric', ZHIZIJIE, 'demo-staff', {
      title: titles.powerNotice,
      category: '安全提示',
      publishAt: ago(2),
      expiresAt: ahead(30),
      body:
        (titles.powerNotice.startsWith('夏')
          ? '天气炎热，空调用电多。'
          : titles.powerNotice.startsWith('冬')
            ? '天气寒冷，取暖用电多。'
            : '换季了，') + '请不要私拉电线，不要在楼道给电动自行车充电；家中无人时请关闭大功率电器。发现隐患请打社区电话 028-8888 0000。',
    }),
    notice('demo-notice-zhizijie-expired', ZHIZIJIE, 'demo-staff', {
      title: titles.festivalNotice,
      category: '活动预告',
      publishAt: ago(40),
      expiresAt: ago(20),
      body: `${titles.festivalNotice.replace('报名（已结束）', '')}：邀请邻居们一起参加，报名已结束，感谢参与。`,
    }),
    notice('demo-notice-zhizijie-scheduled', ZHIZIJIE, 'demo-staff', {
      title: titles.holidayNotice,
      category: '通知',
      publishAt: ahead(2),
      createdAt: ago(0, 3),
      updatedAt: ago(0, 3),
      body: `${holiday}假期社区党群服务中心每天上午 9:00–12:00 有人值班，急事请拨打值班电话 028-8888 0001。`,
    }),
    notice('demo-notice-zhizijie-draft', ZHIZIJIE, 'demo-staff', {
      title: '社区长者食堂试运营（草稿）',
      category: '通知',
      status: 'draft',
      publishAt: null,
      createdAt: ago(0, 1),
      updatedAt: ago(0, 1),
      body: '长者食堂计划下月试运营，午餐 12 元一份，60 岁以上居民优惠。具体时间待定。',
    }),
    notice('demo-notice-xinhua-grid', XINHUA, 'demo-staff-xinhua', {
      title: '新华社区网格员联系方式',
      category: '通知',
      pinned: true,
      publishAt: ago(5),
      body: '第一网格：刘社工 138 0000 0001；第二网格：赵社工 138 0000 0002。有事找网格员，白天晚上都可以打。',
    }),
    notice('demo-notice-xinhua-reading', XINHUA, 'demo-staff-xinhua', {
      title: '周日亲子阅读会',
      category: '活动预告',
      publishAt: ago(1),
      body: '本周日下午 3 点，社区图书角。适合 6–12 岁孩子和家长一起参加，名额 20 组。',
    }),
    notice('demo-notice-xinhua-ebike', XINHUA, 'demo-staff-xinhua', {
      title: '电动自行车禁止进楼充电',
      category: '安全提示',
      publishAt: ago(4),
      body: '为防止火灾，电动自行车请到小区东门集中充电棚充电，禁止推入楼道和家中充电。',
    }),
    notice('demo-notice-xinhua-draft', XINHUA, 'demo-staff-xinhua', {
      title: '垃圾分类督导志愿者招募（草稿）',
      category: '活动预告',
      status: 'draft',
      publishAt: null,
      body: '每天早 7:00–9:00 在垃圾投放点督导分类，欢迎报名。',
    }),
  ]

  // 小明's own account, linked by demo-guardian: one account, one child (types/documents.ts ChildAccountDoc)
  const childAccounts: ChildAccountDoc[] = children
    .filter((c): c is ChildDoc & { openid: string } => c.openid !== null)
    .map((c) => ({ _id: c.openid, childId: c._id, communityId: c.communityId, linkedAt: c.createdAt, linkedBy: c.guardianOpenid }))

  return { communities, people, memberships, children, childAccounts, notices }
}

async function put(db: any, collection: string, doc: { _id: string }): Promise<void> {
  const { _id, ...data } = doc
  await db.collection(collection).doc(_id).set({ data })
}

export async function seedDemo(db: any, now: Date = new Date()): Promise<SeedSummary> {
  const docs = demoDocuments(now)
  await Promise.all(docs.communities.map((d) => put(db, COLLECTIONS.communities, d)))
  await Promise.all(docs.people.map((d) => put(db, COLLECTIONS.people, d)))
  await Promise.all(docs.memberships.map((d) => put(db, COLLECTIONS.memberships, d)))
  await Promise.all(docs.children.map((d) => put(db, COLLECTIONS.children, d)))
  await Promise.all(docs.childAccounts.map((d) => put(db, COLLECTIONS.childAccounts, d)))
  await Promise.all(docs.notices.map((d) => put(db, COLLECTIONS.notices, d)))
  await seedDemoProposals(db, now) // issue 5: proposals, projects, neighbours (scripts/seed-demo-proposals.ts)
  await seedDemoEvents(db, now) // issue 4: events, courses, sign-ups (scripts/seed-demo-events.ts)
  await seedDemoCouncil(db, now) // issue 6: children's council (scripts/seed-demo-council.ts)
  // issue 14: the search entries of what was seeded, as the functions write them when a document is created or edited
  const search = [
    ...docs.notices.map((d) => searchEntry('notice', d, now)),
    ...demoEventDocuments(now).events.map((d) => searchEntry('event', d, now)),
    ...demoProposalDocuments(now).proposals.map((d) => searchEntry('proposal', d, now)),
    ...demoCouncilDocuments(now).residentProposals.map((d) => searchEntry('proposal', d, now)),
  ]
  await Promise.all(search.map((d) => put(db, COLLECTIONS.search, d)))
  return {
    communities: docs.communities.length,
    people: docs.people.length,
    memberships: docs.memberships.length,
    children: docs.children.length,
    notices: docs.notices.length,
  }
}
