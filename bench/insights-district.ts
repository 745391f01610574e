/**
 * Insights figure (npm run bench:insights): the district view (`insights.district`, a year, every community side by
 * side) and one community's view (`insights.community`, a year) through the function runner, on the emulator (strict
 * indexes, SQLite WAL file). Data: 100 communities over a year — 25,000 households, 2,000 events, 200,000 sign-ups,
 * 20,000 proposals with 60,000 supports — inserted straight into the store; the rollups are computed from those
 * records with the same pure functions the timer uses (cloudfunctions/insights/domain/rollup.ts) and stored as
 * the timer stores them (365 day documents and 13 month documents per community, and one district document per month).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT, startEmulator } from '../emulator'
import { daysBetween, districtMonth, rollupDays, rollupMonth, type CommunityRecords } from '../cloudfunctions/insights/domain/rollup'
import { monthsOf } from '../cloudfunctions/insights/domain/figures'
import { inShanghai, insightsContract } from '../types/index'
import { answerOf } from '../test/functions/results'
import { summary, time } from './stats'

const COMMUNITIES = 100
const HOUSEHOLDS = 25_000
const EVENTS = 2_000
const SIGNUPS = 200_000
const PROPOSALS = 20_000
const RUNS = Number(process.env.BENCH_RUNS ?? 60)
const DAY = 86_400_000

let seed = 7
const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647
const pick = (n: number) => Math.floor(rand() * n)

async function main() {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cloudfunctions', 'insights', 'index.js')))
    throw new Error('run `npm run build:cloud` first')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-bench-insights-'))
  const emu = await startEmulator({ port: 0, dataDir: dir, strictIndexes: true, log: () => {} })
  try {
    const t0 = performance.now()
    const now = new Date()
    const to = inShanghai(now).format('YYYY-MM-DD')
    const from = inShanghai(now).subtract(364, 'day').format('YYYY-MM-DD')
    const start = new Date(`${from}T00:00:00+08:00`).getTime()
    const cid = (c: number) => `bench-c${String(c).padStart(3, '0')}`
    const records: CommunityRecords[] = Array.from({ length: COMMUNITIES }, () => ({
      events: [],
      signups: [],
      proposals: [],
      supports: [],
      projects: [],
      councilMembers: [],
      councilProposals: [],
    }))
    const at = () => new Date(start + pick(365) * DAY + (9 + pick(10)) * 3600_000)

    emu.store.insert(
      'communities',
      Array.from({ length: COMMUNITIES }, (_, c) => ({
        _id: cid(c),
        code: `bench-${c}`,
        name: `社区${String(c).padStart(3, '0')}`,
        district: '锦江区',
        street: '三圣街道',
        memberCount: HOUSEHOLDS / COMMUNITIES,
        posterFileId: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    emu.store.insert(
      'memberships',
      Array.from({ length: HOUSEHOLDS }, (_, i) => ({
        _id: `${cid(i % COMMUNITIES)}_bench-h${i}`,
        communityId: cid(i % COMMUNITIES),
        openid: `bench-h${i}`,
        role: 'resident',
        joinedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    emu.store.insert('people', [
      {
        _id: 'bench-admin',
        nickname: '区管理员',
        avatarFileId: null,
        isDistrictAdmin: true,
        isChild: false,
        createdAt: now,
        updatedAt: now,
      },
    ])
    emu.store.insert('memberships', [
      {
        _id: `${cid(0)}_bench-staff`,
        communityId: cid(0),
        openid: 'bench-staff',
        role: 'staff',
        joinedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    ])

    const events: any[] = []
    for (let i = 0; i < EVENTS; i++) {
      const c = i % COMMUNITIES
      const startAt = at()
      const course = i % 3 === 0
      const e = {
        _id: `bench-e${i}`,
        communityId: cid(c),
        title: course ? '院落大学' : '院坝活动',
        category: course ? '课程' : '活动',
        status: 'published',
        startAt,
        endAt: new Date(startAt.getTime() + 2 * 3600_000),
        capacity: 100,
        ageMin: course ? [3, 6, 13, 18, 60][i % 5] : null,
        ageMax: course ? [5, 12, 17, 59, null][i % 5] : null,
        confirmedCount: 0,
        waitlistCount: 0,
        noShowCount: 0,
        ratingCount: 0,
        ratingSum: 0,
        venueCode: `BENCH${i}`,
        allocation: 'first_come',
      }
      events.push(e)
      records[c].events.push(e as any)
    }
    const signups: any[] = []
    for (let i = 0; i < SIGNUPS; i++) {
      const e = events[i % EVENTS]
      const c = (i % EVENTS) % COMMUNITIES
      const household = c + COMMUNITIES * pick(HOUSEHOLDS / COMMUNITIES)
      const confirmed = e.confirmedCount < e.capacity
      if (confirmed) e.confirmedCount += 1
      else e.waitlistCount += 1
      if (confirmed && rand() < 0.6) {
        e.ratingCount += 1
        e.ratingSum += 3 + pick(3)
      }
      const s = {
        _id: `${e._id}_p${i}`,
        eventId: e._id,
        communityId: e.communityId,
        participantId: rand() < 0.2 ? `bench-child-${household}` : `bench-h${household}`,
        birthYear: rand() < 0.2 ? 2010 + pick(12) : null,
        status: confirmed ? 'confirmed' : 'waitlisted',
        seq: i,
        ticketCode: `BT${i}`,
        pendingAt: e.startAt,
        createdAt: e.startAt,
      }
      signups.push(s)
      records[c].signups.push(s as any)
      if (signups.length === 20_000) emu.store.insert('event_signups', signups.splice(0))
    }
    if (signups.length) emu.store.insert('event_signups', signups.splice(0))
    emu.store.insert('events', events)

    const proposals: any[] = []
    const supports: any[] = []
    for (let i = 0; i < PROPOSALS; i++) {
      const c = i % COMMUNITIES
      const createdAt = at()
      const threshold = rand() < 0.3 ? new Date(createdAt.getTime() + (1 + pick(10)) * DAY) : null
      const answeredAt = threshold && rand() < 0.8 ? new Date(threshold.getTime() + (1 + pick(25)) * DAY) : null
      const p = {
        _id: `bench-p${i}`,
        communityId: cid(c),
        title: `建议${i}`,
        status: 'published',
        authorIsChild: false,
        createdBy: `bench-h${c + COMMUNITIES * pick(250)}`,
        createdAt,
        publishedAt: createdAt,
        thresholdReachedAt: threshold,
        answerDueAt: threshold ? new Date(threshold.getTime() + 15 * DAY) : null,
        answer: answeredAt ? { decision: 'accepted', answeredAt } : null,
        finalAnsweredAt: answeredAt,
        timeline: [],
        isPublic: true,
        hidden: false,
        updatedAt: answeredAt ?? createdAt,
      }
      proposals.push(p)
      records[c].proposals.push(p as any)
      for (let s = 0; s < 3; s++) {
        const openid = `bench-h${c + COMMUNITIES * pick(250)}`
        const sup = {
          _id: `${p._id}_${openid}_${s}`,
          proposalId: p._id,
          communityId: cid(c),
          openid,
          createdAt: new Date(createdAt.getTime() + s * 3600_000),
        }
        supports.push(sup)
        records[c].supports.push(sup as any)
      }
    }
    emu.store.insert('proposals', proposals)
    emu.store.insert('proposal_supports', supports)
    const rawMs = performance.now() - t0

    const t1 = performance.now()
    const days = daysBetween(from, to)
    let rollupDocs = 0
    const allMonthDocs: any[] = []
    for (let c = 0; c < COMMUNITIES; c++) {
      const dayDocs = rollupDays(cid(c), days, records[c], now)
      const monthDocs = monthsOf(from, to).map((m) => rollupMonth(cid(c), m, dayDocs, now))
      emu.store.insert('insights_daily', [...dayDocs, ...monthDocs])
      allMonthDocs.push(...monthDocs)
      rollupDocs += dayDocs.length + monthDocs.length
    }
    const districtDocs = monthsOf(from, to).map((m) => districtMonth(m, allMonthDocs, now))
    emu.store.insert('insights_daily', districtDocs)
    rollupDocs += districtDocs.length
    const rollupMs = performance.now() - t1

    const district = () => emu.invoke('insights', { action: 'district', input: { from, to } }, { openid: 'bench-admin' })
    const first = answerOf(await district(), insightsContract.district.output)
    if (!first.ok || first.data.communities.length !== COMMUNITIES)
      throw new Error(`insights.district failed: ${JSON.stringify(first).slice(0, 400)}`)
    if (first.data.total['events.held'] !== EVENTS)
      throw new Error(`expected ${EVENTS} events held, got ${first.data.total['events.held']}`)
    await time(5, district)
    const districtView = summary(await time(RUNS, district))

    const community = () =>
      emu.invoke('insights', { action: 'community', input: { communityId: cid(0), from, to } }, { openid: 'bench-staff' })
    const one = answerOf(await community(), insightsContract.community.output)
    if (!one.ok) throw new Error(`insights.community failed: ${JSON.stringify(one).slice(0, 400)}`)
    await time(5, community)
    const communityView = summary(await time(RUNS, community))

    console.log(
      JSON.stringify(
        {
          communities: COMMUNITIES,
          households: HOUSEHOLDS,
          events: EVENTS,
          signups: SIGNUPS,
          proposals: PROPOSALS,
          rollupDocs,
          rawMs: Math.round(rawMs),
          rollupMs: Math.round(rollupMs),
          districtView,
          communityView,
        },
        null,
        2,
      ),
    )
    console.log(
      `\ninsights over a year, ${COMMUNITIES} communities (${SIGNUPS.toLocaleString('en')} sign-ups, ${PROPOSALS.toLocaleString('en')} proposals; ${rollupDocs.toLocaleString('en')} rollups), function runner, warm:\n` +
        `  insights.district p95 ${districtView.p95} ms (median ${districtView.median}) · insights.community p95 ${communityView.p95} ms (median ${communityView.median})`,
    )
  } finally {
    await emu.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
