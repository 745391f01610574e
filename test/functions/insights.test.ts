/**
 * insights on the emulator: after a seeded month of activity and the rollup timer, the community and district views
 * equal a recomputation from the raw records (the pure functions over a dump of the database); the timer is
 * idempotent; who may read what; the to-do list and the export.
 */
import { communityFigures, monthFigures, monthsOf } from '../../cloudfunctions/insights/domain/figures'
import { dayOf, daysBetween, rollupDays, rollupMonth, type CommunityRecords } from '../../cloudfunctions/insights/domain/rollup'
import { COLLECTIONS, DISTRICT_FIGURE_KEYS, inShanghai, insightsContract } from '../../types/index'
import { A, B, expectError, expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
const DAY = 86_400_000
const now = new Date()
const FROM = inShanghai(now).subtract(35, 'day').format('YYYY-MM-DD')
const TO = dayOf(now)

/** A month of activity in A (and a little in B), written as records with counters equal to them. */
async function seedActivity() {
  const put = (c: string, id: string, data: Record<string, unknown>) => h.db.collection(c).doc(id).set({ data })
  let r = 1
  const rand = () => (r = (r * 48271) % 2147483647) / 2147483647
  for (const [communityId, n] of [
    [A, 24],
    [B, 6],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const start = new Date(now.getTime() - (i + 1) * DAY - 3 * 3600_000)
      const eventId = `ins-${communityId}-e${i}`
      const capacity = 8 + Math.floor(rand() * 12)
      const people = Math.floor(rand() * (capacity + 4))
      const confirmed = Math.min(people, capacity)
      const course = i % 3 === 0
      for (let p = 0; p < people; p++) {
        const participantId = `ins-person-${communityId}-${(i * 7 + p) % 60}`
        await put(COLLECTIONS.eventSignups, `${eventId}_${participantId}`, {
          ticketCode: `T${communityId.slice(-3)}${i}x${p}`,
          eventId,
          communityId,
          participantId,
          kind: 'self',
          ownerOpenid: participantId,
          displayName: '居民',
          birthYear: rand() < 0.3 ? 2012 + Math.floor(rand() * 8) : rand() < 0.5 ? 1950 : null,
          status: p < confirmed ? 'confirmed' : rand() < 0.5 ? 'waitlisted' : 'cancelled',
          pendingAt: start,
          seq: p + 1,
          createdAt: start,
          updatedAt: start,
        })
      }
      await put(COLLECTIONS.events, eventId, {
        communityId,
        title: course ? '院落大学 · 书法' : '院坝茶话会',
        category: course ? '课程' : '活动',
        status: i % 11 === 5 ? 'cancelled' : 'published',
        startAt: start,
        endAt: new Date(start.getTime() + 7200_000),
        capacity,
        confirmedCount: confirmed,
        waitlistCount: Math.max(0, people - confirmed),
        noShowCount: Math.floor(confirmed / 5),
        ratingCount: Math.floor(confirmed / 2),
        ratingSum: Math.floor(confirmed / 2) * 4,
        ageMin: course ? 6 : null,
        ageMax: course ? 12 : null,
        allocation: 'first_come',
        signupClosesAt: start,
        createdAt: start,
        updatedAt: start,
        venueCode: `INS${communityId.slice(-3)}${i}`,
      })
    }
    for (let i = 0; i < 15; i++) {
      const created = new Date(now.getTime() - (30 - i) * DAY)
      const id = `ins-${communityId}-p${i}`
      const threshold = i % 2 === 0 ? new Date(created.getTime() + 2 * DAY) : null
      const answeredAt = threshold && i % 4 === 0 ? new Date(threshold.getTime() + (i % 8 === 0 ? 20 : 3) * DAY) : null
      await put(COLLECTIONS.proposals, id, {
        communityId,
        title: `建议${i}`,
        status: 'published',
        authorIsChild: false,
        createdBy: `ins-person-${communityId}-${i % 9}`,
        createdAt: created,
        publishedAt: created,
        thresholdReachedAt: threshold,
        answerDueAt: threshold ? new Date(threshold.getTime() + 15 * DAY) : null,
        answer: answeredAt ? { decision: 'accepted', explanation: '好', cost: null, dueDate: null, answeredAt } : null,
        finalAnsweredAt: answeredAt,
        timeline: answeredAt ? [{ at: answeredAt, kind: 'answered', text: null, audience: 'public' }] : [],
        hidden: false,
        isPublic: true,
        updatedAt: answeredAt ?? created,
      })
      for (let s = 0; s < i % 7; s++) {
        const openid = `ins-person-${communityId}-${(i * 7 + s) % 60}`
        await put(COLLECTIONS.proposalSupports, `${id}_${openid}`, {
          proposalId: id,
          communityId,
          openid,
          createdAt: new Date(created.getTime() + s * 3600_000),
        })
      }
    }
    await put(COLLECTIONS.projects, `ins-${communityId}-j`, {
      communityId,
      title: '项目',
      proposalIds: [`ins-${communityId}-p0`, `ins-${communityId}-p4`],
      status: 'completed',
      progress: 100,
      createdAt: new Date(now.getTime() - 12 * DAY),
      completedAt: new Date(now.getTime() - 2 * DAY),
      updatedAt: new Date(now.getTime() - 2 * DAY),
    })
  }
}

async function rawRecords(communityId: string): Promise<CommunityRecords> {
  const of = <T extends { communityId: string }>(docs: T[]) => docs.filter((d) => d.communityId === communityId)
  return {
    events: of(await docsOf(h.emu, COLLECTIONS.events)),
    signups: of(await docsOf(h.emu, COLLECTIONS.eventSignups)),
    proposals: of(await docsOf(h.emu, COLLECTIONS.proposals)),
    supports: of(await docsOf(h.emu, COLLECTIONS.proposalSupports)),
    projects: of(await docsOf(h.emu, COLLECTIONS.projects)),
    councilMembers: of(await docsOf(h.emu, COLLECTIONS.councilMembers)),
    councilProposals: of(await docsOf(h.emu, COLLECTIONS.councilProposals)),
  }
}

beforeAll(async () => {
  h = await startHarness()
  await seedActivity()
  const res = await h.emu.fireTrigger('insights', 'rollup')
  expect(res).toMatchObject({ ok: true })
}, 120_000)
afterAll(async () => {
  await h?.stop()
})

describe('insights equal a recomputation from the raw records', () => {
  it('community view (staff of A)', async () => {
    const got = expectOk(
      await h.as('staffA')('insights', 'community', { communityId: A, from: FROM, to: TO }),
      insightsContract.community.output,
    )
    const expected = communityFigures(rollupDays(A, daysBetween(FROM, TO), await rawRecords(A), now), FROM, TO)
    expect(got.figures).toEqual(expected)
    expect(got.figures['events.held']).toBeGreaterThan(10) // the seeded month is really in there
    expect(typeof got.figures['participation.signedUp']).toBe('number')
    expect(got.months.map((m) => m.month)).toEqual(monthsOf(FROM, TO))
  })

  it('district view (the admin): each community and the total from month rollups', async () => {
    const got = expectOk(await h.as('admin')('insights', 'district', { from: FROM, to: TO }), insightsContract.district.output)
    const months = monthsOf(FROM, TO)
    for (const communityId of [A, B]) {
      // months are whole in the district view: recompute every day of them
      const days = daysBetween(`${months[0]}-01`, TO)
      const dayDocs = rollupDays(communityId, days, await rawRecords(communityId), now)
      const expected = monthFigures(
        months.map((m) => rollupMonth(communityId, m, dayDocs, now)),
        months,
        DISTRICT_FIGURE_KEYS,
      )
      const row = got.communities.find((c) => c.communityId === communityId)!
      expect({ communityId, figures: row.figures }).toEqual({ communityId, figures: expected })
    }
    const heldA = got.communities.find((c) => c.communityId === A)!.figures['events.held'] as number
    const heldB = got.communities.find((c) => c.communityId === B)!.figures['events.held'] as number
    expect(got.total['events.held']).toBe(heldA + heldB)
  })

  it('the timer is idempotent: a second run writes the same rollups', async () => {
    const strip = (docs: any[]) => docs.map(({ rolledUpAt: _r, ...d }) => d).sort((a, b) => (a._id < b._id ? -1 : 1))
    const before = strip(await h.emu.dump(COLLECTIONS.insightsDaily))
    expect(before.some((d) => d._id === `${A}_${TO}`)).toBe(true)
    await h.emu.fireTrigger('insights', 'rollup')
    await h.emu.fireTrigger('insights', 'rollupToday')
    expect(strip(await h.emu.dump(COLLECTIONS.insightsDaily))).toEqual(before)
  })
})

describe('who reads insights', () => {
  const period = { from: FROM, to: TO }
  it('community: staff of that community and the admin; nobody else', async () => {
    expectOk(await h.as('staffA')('insights', 'community', { communityId: A, ...period }))
    expectOk(await h.as('admin')('insights', 'community', { communityId: B, ...period }))
    expectError(await h.as('staffA')('insights', 'community', { communityId: B, ...period }), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffB')('insights', 'community', { communityId: A, ...period }), 'AUTH.FORBIDDEN')
    expectError(await h.as('residentA')('insights', 'community', { communityId: A, ...period }), 'AUTH.FORBIDDEN')
  })
  it('district: the admin only', async () => {
    for (const p of ['staffA', 'staffB', 'residentA', 'residentB'] as const)
      expectError(await h.as(p)('insights', 'district', period), 'AUTH.FORBIDDEN')
  })
  it('to-dos and the export: staff of the community; the district export: the admin', async () => {
    expectOk(await h.as('staffA')('insights', 'todo', { communityId: A }), insightsContract.todo.output)
    expectError(await h.as('residentA')('insights', 'todo', { communityId: A }), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffB')('insights', 'todo', { communityId: A }), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffA')('insights', 'export', period), 'AUTH.FORBIDDEN')
    expectError(await h.as('residentA')('insights', 'export', { communityId: A, ...period }), 'AUTH.FORBIDDEN')
  })
  it('a period backwards or over 400 days → INPUT.INVALID', async () => {
    expectError(await h.as('admin')('insights', 'district', { from: TO, to: FROM }), 'INPUT.INVALID')
    expectError(await h.as('admin')('insights', 'district', { from: '2024-01-01', to: '2025-12-31' }), 'INPUT.INVALID')
  })
})

describe('the to-do list and the export', () => {
  it('lists a proposal waiting for review and an overdue must-answer, nearest deadline first', async () => {
    const put = (id: string, data: Record<string, unknown>) => h.db.collection(COLLECTIONS.proposals).doc(id).set({ data })
    await put('todo-review', {
      communityId: A,
      title: '待审核的建议',
      status: 'pending',
      createdAt: new Date(),
      updatedAt: new Date(),
      hidden: false,
    })
    await put('todo-overdue', {
      communityId: A,
      title: '逾期的必答建议',
      status: 'published',
      createdAt: new Date(now.getTime() - 30 * DAY),
      updatedAt: new Date(),
      hidden: false,
      thresholdReachedAt: new Date(now.getTime() - 20 * DAY),
      answerDueAt: new Date(now.getTime() - 5 * DAY),
      finalAnsweredAt: null,
    })
    const { items, count } = expectOk(await h.as('staffA')('insights', 'todo', { communityId: A }), insightsContract.todo.output)
    expect(count).toBe(items.length)
    const overdue = items.find((i) => i.id === 'todo-overdue')!
    expect(overdue).toMatchObject({
      kind: 'proposalAnswer',
      overdue: true,
      page: '/packages/proposals-staff/pages/answer/index?proposalId=todo-overdue',
    })
    expect(items.find((i) => i.id === 'todo-review')).toMatchObject({ kind: 'proposalReview', dueAt: null })
    const dated = items.filter((i) => i.dueAt).map((i) => i.dueAt!)
    expect([...dated].sort()).toEqual(dated)
    expect(items.indexOf(overdue)).toBeLessThan(items.findIndex((i) => i.id === 'todo-review'))
  })

  it('exports an .xlsx with the figures and a definitions sheet, and the export is audited', async () => {
    const res = expectOk(await h.as('staffA')('insights', 'export', { communityId: A, from: FROM, to: TO }), insightsContract.export.output)
    expect(res.fileName).toMatch(/\.xlsx$/)
    const audit = await docsOf(h.emu, COLLECTIONS.auditLog)
    expect(audit.some((e) => e.action === 'insights.export' && e.kind === 'export' && e.communityId === A)).toBe(true)
    const admin = expectOk(await h.as('admin')('insights', 'export', { from: FROM, to: TO }), insightsContract.export.output)
    expect(admin.fileId).toMatch(/^cloud:\/\//)
  })
})
