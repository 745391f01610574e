/**
 * The events demo (issue 4), called from seedDemo: in 栀子街社区 an open-air film night, a full 暑期课堂 with a
 * waitlist, a lottery course still taking registrations, 院落大学 series (智能手机课 for seniors, 书法班), an ended
 * 包粽子 afternoon to rate, and a draft; in 新华社区 a reading morning. Idempotent (deterministic `_id`s,
 * doc(id).set). Counters match their records: confirmedCount = confirmed sign-ups, waitlistCount = waitlisted, … .
 */
import { demoClock, demoTitles, festivalOf, toDaytime } from './seed-demo-clock'
import { createHash } from 'node:crypto'
import {
  COLLECTIONS,
  DEMO_COMMUNITIES,
  initialEventState,
  inShanghai,
  shanghaiYear,
  type EventDoc,
  type RatingDoc,
  type SeriesDoc,
  type SignupDoc,
} from '../types/index'
import { DEMO_NEIGHBOURS } from './seed-demo-proposals'

const DAY = 24 * 60 * 60 * 1000
const ZHIZIJIE = DEMO_COMMUNITIES.zhizijie.communityId
const XINHUA = DEMO_COMMUNITIES.xinhua.communityId

export const DEMO_EVENT_IDS = {
  movie: 'demo-event-movie',
  summer: 'demo-event-summer-science',
  lottery: 'demo-event-picture-books',
  phone1: 'demo-event-phone-1',
  phone2: 'demo-event-phone-2',
  phone3: 'demo-event-phone-3',
  calligraphy: 'demo-event-calligraphy',
  zongzi: 'demo-event-zongzi',
  draft: 'demo-event-sports-volunteers',
  xinhua: 'demo-event-xinhua-reading',
} as const
export const DEMO_SERIES_IDS = { phone: 'series-demo-yuanba-phone', calligraphy: 'series-demo-yuanba-calligraphy' } as const

const KIDS = [
  '朵朵',
  '豆豆',
  '乐乐',
  '果果',
  '天天',
  '小雨',
  '阳阳',
  '糖糖',
  '跳跳',
  '可可',
  '壮壮',
  '妞妞',
  '航航',
  '圆圆',
  '米粒',
  '安安',
  '笑笑',
  '皮皮',
  '甜甜',
  '浩浩',
  '依依',
  '团团',
  '毛毛',
]

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

export function demoEventDocuments(now: Date = new Date()) {
  const year = shanghaiYear(now)
  /** A Chengdu wall-clock time `days` from today, e.g. at(3, 19, 30). */
  const at = (days: number, hour: number, minute = 0) =>
    inShanghai(now).add(days, 'day').hour(hour).minute(minute).second(0).millisecond(0).toDate()
  const { ago } = demoClock(now) // daytime in Chengdu
  const titles = demoTitles(now)
  let ticket = 0
  const nextTicket = () => `DEMO${String(++ticket).padStart(6, '0')}`

  const event = (
    _id: string,
    communityId: string,
    fields: Partial<EventDoc> &
      Pick<
        EventDoc,
        'title' | 'description' | 'category' | 'place' | 'startAt' | 'endAt' | 'capacity' | 'signupOpensAt' | 'signupClosesAt' | 'venueCode'
      >,
  ): EventDoc => ({
    _id,
    communityId,
    cancelBefore: null,
    ageMin: null,
    ageMax: null,
    allocation: 'first_come',
    openTo: 'residents',
    seriesId: null,
    quotas: [],
    status: 'published',
    moderation: 'pass',
    ...initialEventState(),
    publishedAt: ago(3),
    cancelledAt: null,
    createdBy: communityId === XINHUA ? 'demo-staff-xinhua' : 'demo-staff',
    updatedBy: communityId === XINHUA ? 'demo-staff-xinhua' : 'demo-staff',
    createdAt: ago(4),
    updatedAt: ago(3),
    ...fields,
  })

  const signups: SignupDoc[] = []
  /** Adds sign-ups in order (seq 1, 2, …) and sets the event's counters from them. */
  const fill = (e: EventDoc, people: Array<Partial<SignupDoc> & Pick<SignupDoc, 'participantId' | 'displayName' | 'status'>>) => {
    people.forEach((p, i) => {
      const createdAt = toDaytime(new Date(e.signupOpensAt.getTime() + (i + 1) * 7 * 60_000))
      signups.push({
        _id: `${e._id}_${p.participantId}`,
        eventId: e._id,
        communityId: e.communityId,
        kind: 'self',
        ownerOpenid: p.participantId,
        birthYear: null,
        pendingAt: createdAt,
        seq: i + 1,
        joinPosition: null,
        rejectCode: null,
        source: 'self',
        proxyBy: null,
        ticketCode: nextTicket(),
        checkedInAt: null,
        checkInBy: null,
        noShow: false,
        rated: false,
        confirmedAt: p.status === 'confirmed' ? createdAt : null,
        promotedAt: null,
        cancelledAt: null,
        cancelledBy: null,
        createdAt,
        updatedAt: createdAt,
        ...p,
      })
    })
    const mine = signups.filter((s) => s.eventId === e._id)
    e.seq = mine.length
    e.confirmedCount = mine.filter((s) => s.status === 'confirmed').length
    e.waitlistCount = mine.filter((s) => s.status === 'waitlisted').length
    e.registeredCount = mine.filter((s) => s.status === 'registered').length
    e.checkedInCount = mine.filter((s) => s.checkedInAt !== null).length
    e.noShowCount = mine.filter((s) => s.noShow).length
  }
  const neighbour = (i: number) => DEMO_NEIGHBOURS[i % DEMO_NEIGHBOURS.length]
  /** A child booked at the community desk (代报名) for a neighbour, who sees it under 我的票. */
  const kid = (i: number, age: number, status: SignupDoc['status']) => ({
    participantId: `demo-kid-${String(i + 1).padStart(2, '0')}`,
    displayName: KIDS[i % KIDS.length],
    kind: 'walk_in' as const,
    ownerOpenid: neighbour(i).openid,
    birthYear: year - age,
    source: 'proxy' as const,
    proxyBy: 'demo-staff',
    status,
  })

  const series: SeriesDoc[] = [
    {
      _id: DEMO_SERIES_IDS.phone,
      communityId: ZHIZIJIE,
      title: '院落大学·智能手机课',
      note: null,
      createdBy: 'demo-staff',
      createdAt: ago(40),
      updatedAt: ago(40),
    },
    {
      _id: DEMO_SERIES_IDS.calligraphy,
      communityId: ZHIZIJIE,
      title: '院落大学·书法班',
      note: '我们改进了：上次反映墨汁不够、座位太挤，本期每人一套笔墨，名额从 30 减到 20。',
      createdBy: 'demo-staff',
      createdAt: ago(60),
      updatedAt: ago(10),
    },
  ]

  const movie = event(DEMO_EVENT_IDS.movie, ZHIZIJIE, {
    title: '院坝露天电影：《哪吒之魔童闹海》',
    description: '周末晚上在 12 号院坝放露天电影，社区准备了小板凳和驱蚊水。欢迎带上家里的老人和孩子一起来看。下雨改到党群服务中心二楼。',
    category: '活动',
    place: '栀子街 12 号院坝',
    startAt: at(3, 18, 30),
    endAt: at(3, 20, 45),
    capacity: 60,
    signupOpensAt: ago(2),
    signupClosesAt: at(3, 18, 0),
    venueCode: 'ZzjMovie',
  })
  fill(movie, [
    { participantId: 'demo-resident', displayName: '王阿姨', status: 'confirmed' },
    ...Array.from({ length: 12 }, (_, i) => ({
      participantId: neighbour(i).openid,
      displayName: neighbour(i).name,
      status: 'confirmed' as const,
    })),
  ])

  const summer = event(DEMO_EVENT_IDS.summer, ZHIZIJIE, {
    title: titles.scienceClass,
    description:
      '大学生志愿者带孩子们做水火箭、彩虹实验和简易电路。免费，共 20 个名额，请家长按时接送。报满后可以候补，有人取消按顺序递补。',
    category: titles.scienceClass.startsWith('暑期') ? '暑期课堂' : '课程',
    place: '社区党群服务中心二楼活动室',
    startAt: at(7, 9, 30),
    endAt: at(7, 11, 30),
    capacity: 20,
    ageMin: 6,
    ageMax: 12,
    cancelBefore: at(6, 18, 0),
    signupOpensAt: ago(3),
    signupClosesAt: at(6, 18, 0),
    venueCode: 'ZzjSci01',
    alert80At: ago(3),
    alert100At: ago(3),
  })
  fill(
    summer,
    Array.from({ length: 23 }, (_, i) => kid(i, 6 + (i % 7), i < 20 ? 'confirmed' : 'waitlisted')),
  )

  const lotterySeed = sha256(`yuanba-demo:${DEMO_EVENT_IDS.lottery}`).slice(0, 32)
  const lottery = event(DEMO_EVENT_IDS.lottery, ZHIZIJIE, {
    title: '亲子绘本共读（抽签）',
    description:
      '每周六下午，图书角的老师带家长和孩子一起读绘本、做手工。报名人数多，报名截止后公开抽签：种子已公布哈希，抽签后任何人都能复算结果。3–5 岁保留 5 个名额。',
    category: '课程',
    place: '社区图书角',
    startAt: at(4, 15, 0),
    endAt: at(4, 16, 30),
    capacity: 10,
    ageMin: 3,
    ageMax: 8,
    allocation: 'lottery',
    quotas: [{ ageMin: 3, ageMax: 5, places: 5 }],
    signupOpensAt: ago(1),
    signupClosesAt: at(2, 20, 0),
    venueCode: 'ZzjBook1',
    lotterySeed,
    seedCommitment: sha256(lotterySeed),
  })
  fill(
    lottery,
    Array.from({ length: 14 }, (_, i) => ({
      ...kid(i + 3, 3 + (i % 6), 'registered' as const),
      participantId: `demo-reader-${String(i + 1).padStart(2, '0')}`,
    })),
  )

  const phone = (id: string, days: number, venueCode: string) =>
    event(id, ZHIZIJIE, {
      title: '智能手机课：视频通话和防诈骗',
      description: '院落大学长者班：手把手教微信视频通话、看病挂号、识别诈骗电话。带上自己的手机，志愿者一对一帮忙。',
      category: '课程',
      place: '社区党群服务中心一楼',
      startAt: at(days, 14, 30),
      endAt: at(days, 16, 0),
      capacity: 25,
      ageMin: 60,
      openTo: 'anyone',
      seriesId: DEMO_SERIES_IDS.phone,
      signupOpensAt: ago(2),
      signupClosesAt: at(days, 12, 0),
      venueCode,
    })
  const phone1 = phone(DEMO_EVENT_IDS.phone1, 1, 'ZzjPhone1')
  fill(
    phone1,
    Array.from({ length: 8 }, (_, i) => ({
      participantId: neighbour(i + 12).openid,
      displayName: neighbour(i + 12).name,
      status: 'confirmed' as const,
    })),
  )
  const phone2 = phone(DEMO_EVENT_IDS.phone2, 8, 'ZzjPhone2')
  const phone3 = phone(DEMO_EVENT_IDS.phone3, 15, 'ZzjPhone3')

  const calligraphy = event(DEMO_EVENT_IDS.calligraphy, ZHIZIJIE, {
    title: '书法班：楷书入门',
    description: '院落大学书法班，零基础可以参加。本期每人一套笔墨纸砚，课后作品在院坝展出。',
    category: '课程',
    place: '社区书画室',
    startAt: at(5, 9, 30),
    endAt: at(5, 11, 0),
    capacity: 20,
    ageMin: 18,
    seriesId: DEMO_SERIES_IDS.calligraphy,
    signupOpensAt: ago(2),
    signupClosesAt: at(4, 20, 0),
    venueCode: 'ZzjCalli1',
  })

  const zongzi = event(DEMO_EVENT_IDS.zongzi, ZHIZIJIE, {
    title: titles.festivalEvent,
    description: `邻居们一起${festivalOf(new Date(now.getTime() - 3 * DAY)).making}，做好的分给院里的独居老人。`,
    category: '活动',
    place: '栀子街 14 号院坝',
    startAt: at(-3, 14, 0),
    endAt: at(-3, 16, 0),
    capacity: 30,
    signupOpensAt: ago(10),
    signupClosesAt: at(-3, 12, 0),
    venueCode: 'ZzjZongzi',
    reminderSentAt: ago(4),
    noShowsRecordedAt: at(-3, 16, 10),
  })
  const checked = (d: number) => at(-3, 13, 50 + d)
  fill(zongzi, [
    { participantId: 'demo-resident', displayName: '王阿姨', status: 'confirmed', checkedInAt: checked(1), checkInBy: 'venue' },
    ...Array.from({ length: 5 }, (_, i) => ({
      participantId: neighbour(i + 5).openid,
      displayName: neighbour(i + 5).name,
      status: 'confirmed' as const,
      checkedInAt: checked(i + 2),
      checkInBy: 'staff' as const,
      rated: i < 3,
    })),
    { participantId: neighbour(11).openid, displayName: neighbour(11).name, status: 'confirmed', noShow: true },
  ])
  const ratings: RatingDoc[] = [5, 4, 4].map((score, i) => ({
    _id: `${zongzi._id}_${neighbour(i + 5).openid}`,
    eventId: zongzi._id,
    communityId: ZHIZIJIE,
    seriesId: null,
    participantId: neighbour(i + 5).openid,
    raterOpenid: neighbour(i + 5).openid,
    score,
    tags: i === 0 ? ['热闹', '有意义'] : ['组织得好'],
    comment: i === 0 ? '材料很新鲜，给老人送去很有意义。' : '',
    moderation: 'pass',
    createdAt: at(-3, 17, i * 10),
  }))
  zongzi.ratingCount = ratings.length
  zongzi.ratingSum = ratings.reduce((s, r) => s + r.score, 0)

  const draft = event(DEMO_EVENT_IDS.draft, ZHIZIJIE, {
    title: '社区运动会志愿者招募（草稿）',
    description: '下月社区趣味运动会需要 15 名志愿者：场地布置、计分、医疗点引导。',
    category: '志愿服务',
    place: '三圣街道文体中心',
    startAt: at(20, 8, 30),
    endAt: at(20, 12, 0),
    capacity: 15,
    ageMin: 16,
    signupOpensAt: at(5, 9, 0),
    signupClosesAt: at(18, 20, 0),
    venueCode: 'ZzjVolun1',
    status: 'draft',
    publishedAt: null,
    createdAt: ago(0.1),
    updatedAt: ago(0.1),
  })

  const xinhua = event(DEMO_EVENT_IDS.xinhua, XINHUA, {
    title: '周日亲子阅读会',
    description: '社区图书角，适合 6–12 岁孩子和家长一起参加。',
    category: '活动',
    place: '新华社区图书角',
    startAt: at(6, 15, 0),
    endAt: at(6, 16, 30),
    capacity: 20,
    ageMin: 6,
    ageMax: 12,
    signupOpensAt: ago(1),
    signupClosesAt: at(6, 12, 0),
    venueCode: 'XhRead01',
  })

  return { events: [movie, summer, lottery, phone1, phone2, phone3, calligraphy, zongzi, draft, xinhua], signups, series, ratings }
}

async function put(db: any, collection: string, doc: { _id: string }): Promise<void> {
  const { _id, ...data } = doc
  await db.collection(collection).doc(_id).set({ data })
}

export async function seedDemoEvents(db: any, now: Date = new Date()): Promise<{ events: number; signups: number }> {
  const docs = demoEventDocuments(now)
  await Promise.all(docs.series.map((d) => put(db, COLLECTIONS.eventSeries, d)))
  await Promise.all(docs.events.map((d) => put(db, COLLECTIONS.events, d)))
  for (let i = 0; i < docs.signups.length; i += 20)
    await Promise.all(docs.signups.slice(i, i + 20).map((d) => put(db, COLLECTIONS.eventSignups, d)))
  await Promise.all(docs.ratings.map((d) => put(db, COLLECTIONS.eventRatings, d)))
  return { events: docs.events.length, signups: docs.signups.length }
}
