/**
 * A year of plausible activity for both demo communities, so the workbench's charts mean something: each month a few
 * seasonal events (春联 in January, 端午 in June, 中秋 in September …) and 院落大学 courses by age group, held in the
 * daytime (Asia/Shanghai), with neighbours' sign-ups, check-ins and ratings; residents' proposals moving through the
 * three lists (supports, threshold, answers on time or late, projects completed). Everything lies in the past (up to
 * yesterday), so no timer, reminder or to-do is triggered by it. Then the insights rollups for the year are computed
 * by the same code the timer runs. Idempotent: deterministic ids written with doc(id).set.
 *
 * Called from `npm start`'s first-run seeding (scripts/start.ts), not from seedDemo: the function-test harness seeds
 * the demo for every suite and stays small.
 */
import { COLLECTIONS, DEMO_COMMUNITIES, initialEventState, inShanghai, parseShanghai } from '../types/index'
import { rollUpCommunity, rollUpDistrict } from '../cloudfunctions/insights/triggers'

const DAY = 86_400_000

/** Seasonal activities by month (1–12) and the day of the month they are held: titles that fit their dates. */
const ACTIVITIES: Record<number, [title: string, day: number][]> = {
  1: [
    ['腊八粥邻里分享会', 15],
    ['迎新春 · 写春联送福字', 25],
  ],
  2: [
    ['春节邻里团年饭', 3],
    ['元宵节猜灯谜', 20],
  ],
  3: [
    ['学雷锋志愿服务日', 5],
    ['植树节 · 院坝添新绿', 12],
  ],
  4: [
    ['清明踏青 · 院坝茶话会', 4],
    ['世界读书日 · 共读一本书', 23],
  ],
  5: [
    ['劳动节 · 楼道大扫除', 2],
    ['母亲节手作花束', 9],
  ],
  6: [
    ['六一儿童游园会', 1],
    ['端午节 · 包粽子做香囊', 17],
  ],
  7: [
    ['防溺水安全课', 8],
    ['夏日纳凉电影夜', 18],
  ],
  8: [
    ['高温天送清凉', 5],
    ['七夕 · 邻里手工坊', 16],
  ],
  9: [
    ['开学季 · 交通安全课', 2],
    ['中秋节 · 做月饼赏月', 23],
  ],
  10: [
    ['国庆 · 院坝升旗仪式', 1],
    ['重阳节 · 敬老长桌宴', 18],
  ],
  11: [
    ['秋冬消防演练', 9],
    ['银杏树下读书会', 20],
  ],
  12: [
    ['冬至 · 包饺子喝羊肉汤', 21],
    ['年终邻里联欢会', 28],
  ],
}
/** 院落大学 courses by age group (the course target counts them per group). */
const COURSES: { title: string; ageMin: number | null; ageMax: number | null; summer?: boolean }[] = [
  { title: '院落大学 · 儿童绘本共读', ageMin: 6, ageMax: 12 },
  { title: '院落大学 · 少儿书法', ageMin: 6, ageMax: 12 },
  { title: '院落大学 · 长者智能手机课', ageMin: 60, ageMax: null },
  { title: '院落大学 · 太极拳', ageMin: 50, ageMax: null },
  { title: '院落大学 · 川剧脸谱体验', ageMin: 13, ageMax: 17 },
  { title: '院落大学 · 竹编手工', ageMin: 18, ageMax: null },
]
const SUMMER: { title: string; ageMin: number; ageMax: number }[] = [
  { title: '暑期课堂 · 科学小实验', ageMin: 6, ageMax: 12 },
  { title: '暑期课堂 · 游泳安全', ageMin: 6, ageMax: 12 },
]
/** Proposals by season. */
const PROPOSALS: Record<number, string[]> = {
  1: ['楼道感应灯坏了请维修', '春节期间加强消防巡查'],
  2: ['院坝增设电动车充电桩', '垃圾分类点加个洗手池'],
  3: ['小区门口人行道需要修补', '增加儿童游乐设施'],
  4: ['院坝花坛改成共享菜园', '单元门禁经常失灵'],
  5: ['雨季前清理下水道', '增设快递柜'],
  6: ['夏天院坝加装遮阳棚', '晚上广场舞音量调小'],
  7: ['高温天开放社区纳凉点', '游泳池安全提示牌'],
  8: ['暑假儿童托管班', '院坝增设饮水点'],
  9: ['开学高峰路口安排志愿者', '增加老年人休息座椅'],
  10: ['重阳节为独居老人上门探访', '健身器材维修'],
  11: ['冬季楼道防滑措施', '增设自行车棚'],
  12: ['年底前修好漏水的屋顶', '春运期间组织拼车信息'],
}

let state = 20260601
const rand = () => (state = (state * 48271) % 2147483647) / 2147483647
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]

function daytime(day: string): Date {
  const slot = pick(['09:30', '10:00', '14:30', '15:00', '16:00'])
  return parseShanghai(`${day} ${slot}`)
}

export interface YearSummary {
  events: number
  signups: number
  proposals: number
  supports: number
  rollupDays: number
}

export async function seedDemoYear(db: any, now: Date = new Date()): Promise<YearSummary> {
  const summary: YearSummary = { events: 0, signups: 0, proposals: 0, supports: 0, rollupDays: 0 }
  const put = (collection: string, { _id, ...data }: { _id: string } & Record<string, unknown>) =>
    db.collection(collection).doc(_id).set({ data })
  const today = inShanghai(now).startOf('day')
  const first = today.subtract(365, 'day')
  for (const [size, community] of [
    [1, DEMO_COMMUNITIES.zhizijie],
    [0.7, DEMO_COMMUNITIES.xinhua],
  ] as const) {
    const communityId = community.communityId
    const neighbours = Array.from({ length: Math.round(80 * size) }, (_, i) => ({
      id: `demo-year-${community.code}-${i}`,
      birthYear: i % 5 === 0 ? 2012 + (i % 10) : i % 4 === 0 ? 1950 + (i % 12) : null,
      name: pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄']) + pick(['阿姨', '叔叔', '大爷', '婆婆', '同学', '女士', '先生']),
    }))
    const writes: Promise<unknown>[] = []
    const flush = async () => {
      await Promise.all(writes.splice(0))
    }
    for (let m = 0; m < 12; m++) {
      const monthStart = first.add(m, 'month').startOf('month')
      const month = monthStart.month() + 1
      const dayIn = (d: number) => monthStart.date(Math.min(d, monthStart.daysInMonth())).format('YYYY-MM-DD')
      const plan: { title: string; category: string; ageMin: number | null; ageMax: number | null; day: string }[] = []
      for (const [title, day] of ACTIVITIES[month]) plan.push({ title, category: '活动', ageMin: null, ageMax: null, day: dayIn(day) })
      // courses: children's and elders' twice a month most months (the target), others once
      const courses = [COURSES[0], COURSES[1], COURSES[2], COURSES[3], ...(m % 2 === 0 ? [COURSES[4]] : []), COURSES[5]]
      for (const [k, c] of courses.entries())
        plan.push({ title: c.title, category: '课程', ageMin: c.ageMin, ageMax: c.ageMax, day: dayIn(3 + k * 4) })
      if (month === 7 || month === 8)
        for (const [k, c] of SUMMER.entries())
          plan.push({ title: c.title, category: '暑期课堂', ageMin: c.ageMin, ageMax: c.ageMax, day: dayIn(10 + k * 7) })
      if (rand() < 0.3 * (1 - size + 0.3)) plan.pop() // 新华 sometimes misses one

      for (const [k, p] of plan.entries()) {
        const startAt = daytime(p.day)
        if (startAt.getTime() >= today.toDate().getTime()) continue
        const eventId = `demo-year-${community.code}-${monthStart.format('YYYYMM')}-${k}`
        const capacity = p.category === '活动' ? 30 : 15
        const eligible = neighbours.filter((n) => {
          const age = n.birthYear === null ? 18 : startAt.getFullYear() - n.birthYear
          return (p.ageMin === null || age >= p.ageMin) && (p.ageMax === null || age <= p.ageMax)
        })
        const wanted = Math.min(eligible.length, Math.round(capacity * (0.5 + rand() * 0.7)))
        const chosen = [...eligible].sort(() => rand() - 0.5).slice(0, wanted)
        let confirmed = 0
        let waitlisted = 0
        let checkedIn = 0
        let noShows = 0
        let ratingCount = 0
        let ratingSum = 0
        for (const [seq, n] of chosen.entries()) {
          const isConfirmed = confirmed < capacity
          const came = isConfirmed && rand() < 0.88
          const rating = came && rand() < 0.5 ? (rand() < 0.8 ? 5 : rand() < 0.7 ? 4 : 3) : null
          if (isConfirmed) confirmed++
          else waitlisted++
          if (came) checkedIn++
          else if (isConfirmed) noShows++
          if (rating) (ratingCount++, (ratingSum += rating))
          const at = new Date(startAt.getTime() - (2 + Math.floor(rand() * 5)) * DAY)
          writes.push(
            put(COLLECTIONS.eventSignups, {
              _id: `${eventId}_${n.id}`,
              eventId,
              communityId,
              participantId: n.id,
              kind: 'self',
              ownerOpenid: n.id,
              displayName: n.name,
              birthYear: n.birthYear,
              status: isConfirmed ? 'confirmed' : 'waitlisted',
              pendingAt: at,
              decidedAt: at,
              seq: seq + 1,
              joinPosition: isConfirmed ? null : seq + 1 - capacity,
              rejectCode: null,
              source: 'self',
              proxyBy: null,
              ticketCode: `Y${community.code.slice(0, 2).toUpperCase()}${monthStart.format('YYMM')}${k}${String(seq).padStart(2, '0')}`,
              checkedInAt: came ? startAt : null,
              checkInBy: came ? 'staff' : null,
              noShow: isConfirmed && !came,
              rated: rating !== null,
              confirmedAt: isConfirmed ? at : null,
              promotedAt: null,
              cancelledAt: null,
              cancelledBy: null,
              createdAt: at,
              updatedAt: startAt,
            }),
          )
          summary.signups++
        }
        const opens = new Date(startAt.getTime() - 10 * DAY)
        writes.push(
          put(COLLECTIONS.events, {
            _id: eventId,
            communityId,
            title: p.title,
            description: `${p.title}，欢迎邻居们参加。`,
            category: p.category,
            place: pick(['院坝', '社区活动室', '党群服务中心二楼', '小广场']),
            startAt,
            endAt: new Date(startAt.getTime() + 2 * 3600_000),
            capacity,
            signupOpensAt: opens,
            signupClosesAt: new Date(startAt.getTime() - 3600_000),
            cancelBefore: null,
            ageMin: p.ageMin,
            ageMax: p.ageMax,
            allocation: 'first_come',
            openTo: 'residents',
            seriesId: null,
            quotas: [],
            status: 'published',
            moderation: 'pass',
            venueCode: `Y${community.code.slice(0, 2).toUpperCase()}${monthStart.format('YYMM')}${k}`,
            ...initialEventState(),
            seq: chosen.length,
            confirmedCount: confirmed,
            waitlistCount: waitlisted,
            checkedInCount: checkedIn,
            noShowCount: noShows,
            ratingCount,
            ratingSum,
            reminderSentAt: opens,
            noShowsRecordedAt: startAt,
            alert80At: null,
            alert100At: confirmed >= capacity ? startAt : null,
            publishedAt: opens,
            createdBy: 'demo-staff',
            updatedBy: 'demo-staff',
            createdAt: opens,
            updatedAt: startAt,
          }),
        )
        summary.events++
      }

      for (const [k, title] of PROPOSALS[month].entries()) {
        const createdAt = daytime(dayIn(2 + k * 9))
        if (createdAt.getTime() >= today.subtract(20, 'day').toDate().getTime()) continue // recent ones come from seed-demo-proposals
        const id = `demo-year-${community.code}-p${monthStart.format('YYYYMM')}-${k}`
        const author = pick(neighbours)
        const supporters = [...neighbours].sort(() => rand() - 0.5).slice(0, 3 + Math.floor(rand() * 12))
        const threshold = supporters.length >= 10 ? new Date(createdAt.getTime() + 6 * DAY) : null
        const due = threshold ? new Date(threshold.getTime() + 15 * DAY) : null
        const answeredAt = threshold
          ? new Date(threshold.getTime() + (rand() < 0.8 ? 5 + Math.floor(rand() * 9) : 17 + Math.floor(rand() * 6)) * DAY)
          : null
        const accepted = answeredAt !== null && rand() < 0.7
        const done = accepted && rand() < 0.6
        const projectId = accepted ? `${id}-project` : null
        const publishedAt = new Date(createdAt.getTime() + DAY)
        const timeline = [
          { at: createdAt, kind: 'submitted', text: null, audience: 'public' },
          { at: publishedAt, kind: 'published', text: null, audience: 'public' },
          ...(threshold ? [{ at: threshold, kind: 'threshold', text: null, audience: 'public' }] : []),
          ...(answeredAt
            ? [
                {
                  at: answeredAt,
                  kind: 'answered',
                  text: accepted ? '已采纳，将列入项目。' : '经评估暂不实施，原因已公示。',
                  audience: 'public',
                },
              ]
            : []),
          ...(projectId ? [{ at: answeredAt, kind: 'project', text: null, audience: 'public' }] : []),
          ...(done ? [{ at: new Date(answeredAt!.getTime() + 30 * DAY), kind: 'completed', text: null, audience: 'public' }] : []),
        ]
        const status = done ? 'completed' : accepted ? 'implementing' : answeredAt ? 'rejected' : 'published'
        writes.push(
          put(COLLECTIONS.proposals, {
            _id: id,
            communityId,
            title,
            description: `${title}。希望社区能够关注。`,
            category: pick(['环境卫生', '设施维修', '安全', '文化活动']),
            place: null,
            photos: [],
            anonymous: false,
            authorName: author.name,
            authorIsChild: false,
            status,
            isPublic: true,
            hidden: false,
            hiddenBy: null,
            reportCount: 0,
            moderation: 'pass',
            supportCount: supporters.length,
            commentCount: 0,
            supportUntil: new Date(publishedAt.getTime() + 30 * DAY),
            thresholdReachedAt: threshold,
            answerDueAt: due,
            review: { decision: 'publish', reason: null, at: publishedAt },
            answer: answeredAt
              ? {
                  decision: accepted ? 'accepted' : 'rejected',
                  explanation: accepted ? '已采纳，将列入项目。' : '经评估暂不实施，原因已公示。',
                  cost: null,
                  dueDate: null,
                  answeredAt,
                }
              : null,
            finalAnsweredAt: answeredAt,
            projectId,
            timeline,
            createdBy: author.id,
            updatedBy: 'demo-staff',
            createdAt,
            updatedAt: timeline[timeline.length - 1].at,
            publishedAt,
          }),
        )
        for (const [s, n] of supporters.entries()) {
          writes.push(
            put(COLLECTIONS.proposalSupports, {
              _id: `${id}_${n.id}`,
              proposalId: id,
              communityId,
              openid: n.id,
              createdAt: new Date(publishedAt.getTime() + s * 9 * 3600_000),
            }),
          )
          summary.supports++
        }
        if (projectId && answeredAt) {
          const completedAt = done ? new Date(answeredAt.getTime() + 30 * DAY) : null
          writes.push(
            put(COLLECTIONS.projects, {
              _id: projectId,
              communityId,
              title,
              summary: null,
              owner: '社区居委会',
              proposalIds: [id],
              progress: done ? 100 : 40,
              status: done ? 'completed' : 'active',
              dueDate: null,
              cost: null,
              timeline: [{ at: answeredAt, text: '项目启动', progress: 0, photo: null }],
              outcome: done ? { text: '已完成，居民满意。', photos: [], completedAt } : null,
              createdBy: 'demo-staff',
              updatedBy: 'demo-staff',
              createdAt: answeredAt,
              updatedAt: completedAt ?? answeredAt,
              completedAt,
            }),
          )
        }
        summary.proposals++
      }
      await flush()
    }
  }
  // the rollups of the year, as the timer computes them
  const ctx: any = { db, _: db.command, now, openid: '', log: console }
  const from = first.startOf('month').format('YYYY-MM-DD')
  const to = today.format('YYYY-MM-DD')
  for (const c of [DEMO_COMMUNITIES.zhizijie, DEMO_COMMUNITIES.xinhua])
    summary.rollupDays += await rollUpCommunity(ctx, c.communityId, from, to)
  await rollUpDistrict(ctx, from, to)
  return summary
}
