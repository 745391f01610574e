/**
 * Council votes on the emulator: 200 members tapping at once (and twice) → one vote each; a closed vote refuses
 * more; quorum at exactly half and at one more; a secret vote never reveals who voted what.
 */
import { COLLECTIONS, meetingViewSchema } from '../../types/index'
import { addCouncilMember, addMeeting, freeItem, openVoteOf } from './council-fixtures'
import { expectError, expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'

const okData = (res: any): any => expectOk(res)

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

/** A community of its own with its own council, so member counts are exactly what each test sets up. */
async function freshCouncil(tag: string) {
  const communityId = `test-community-${tag}`
  const councilId = `council-${communityId}`
  const staff = `test-staff-${tag}`
  const now = new Date()
  await h.db
    .collection(COLLECTIONS.communities)
    .doc(communityId)
    .set({
      data: {
        code: `t${tag}`,
        name: '测试社区',
        district: '武侯区',
        street: '玉林街道',
        memberCount: 0,
        posterFileId: null,
        createdAt: now,
        updatedAt: now,
      },
    })
  await h.addMember(communityId, staff, 'staff')
  await h.db
    .collection(COLLECTIONS.councils)
    .doc(councilId)
    .set({
      data: {
        communityId,
        name: '测试议事会',
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
        minAge: 6,
        maxAge: 17,
        answerDays: 30,
        retentionDays: 180,
        memberCount: 0,
        createdBy: staff,
        updatedBy: staff,
        createdAt: now,
        updatedAt: now,
      },
    })
  const addMembers = (n: number, prefix: string) =>
    Promise.all(
      Array.from({ length: n }, (_, i) => addCouncilMember(h, { councilId, communityId, guardian: `${prefix}-${i}`, alias: `成员${i}` })),
    )
  return { communityId, councilId, staff, addMembers }
}

describe('concurrent votes', () => {
  it('200 members tapping at once, each twice → exactly one vote each', async () => {
    const c = await freshCouncil('v200')
    const members = await c.addMembers(200, 'test-g200')
    const meetingId = await addMeeting(h, {
      councilId: c.councilId,
      communityId: c.communityId,
      attendance: members,
      items: [freeItem({ itemId: 'item-1', vote: openVoteOf(false) })],
    })
    const taps = members.flatMap((memberId, i) => {
      const cast = (choice: string) => h.call('council', 'castVote', { meetingId, itemId: 'item-1', memberId, choice }, `test-g200-${i}`)
      return [cast(i % 3 === 0 ? 'no' : 'yes'), cast('abstain')]
    })
    const results = await Promise.all(taps)
    const bad = results.filter((r) => r.ok !== true)
    expect(bad).toEqual([])
    expect(results.filter((r) => r.ok === true && (r.data as any).counted).length).toBe(200)
    const votes = (await docsOf(h.emu, COLLECTIONS.councilVotes)).filter((v) => v.meetingId === meetingId)
    expect(votes).toHaveLength(200)
    expect(new Set(votes.map((v) => v.memberId)).size).toBe(200)

    const closed = expectOk(await h.call('council', 'closeVote', { meetingId, itemId: 'item-1' }, c.staff), meetingViewSchema)
    const tally = closed.items[0].vote!.tally!
    expect(tally.yes + tally.no + tally.abstain).toBe(200)
    expect(closed.items[0].vote).toMatchObject({ present: 200, quorumMet: true })
    // a closed vote refuses more
    expectError(
      await h.call('council', 'castVote', { meetingId, itemId: 'item-1', memberId: members[0], choice: 'yes' }, 'test-g200-0'),
      'COUNCIL.VOTE_NOT_OPEN',
    )
    expectError(await h.call('council', 'closeVote', { meetingId, itemId: 'item-1' }, c.staff), 'COUNCIL.VOTE_NOT_OPEN')
  }, 120_000)
})

describe('quorum: more than half of the members present', () => {
  it.each([
    [4, 2, false], // exactly half
    [4, 3, true], // one more
    [5, 2, false],
    [5, 3, true],
    [1, 1, true],
  ])('%i members, %i present → quorum %s', async (n, present, expected) => {
    const c = await freshCouncil(`q${n}${present}`)
    const members = await c.addMembers(n, `test-gq${n}${present}`)
    const meetingId = await addMeeting(h, {
      councilId: c.councilId,
      communityId: c.communityId,
      attendance: members.slice(0, present),
      items: [freeItem({ itemId: 'item-1', vote: openVoteOf(false) })],
    })
    for (let i = 0; i < present; i++) {
      okData(
        await h.call(
          'council',
          'castVote',
          { meetingId, itemId: 'item-1', memberId: members[i], choice: 'yes' },
          `test-gq${n}${present}-${i}`,
        ),
      )
    }
    // an absent member cannot vote
    if (present < n)
      expectError(
        await h.call(
          'council',
          'castVote',
          { meetingId, itemId: 'item-1', memberId: members[n - 1], choice: 'yes' },
          `test-gq${n}${present}-${n - 1}`,
        ),
        'COUNCIL.NOT_PRESENT',
      )
    const closed = expectOk(await h.call('council', 'closeVote', { meetingId, itemId: 'item-1' }, c.staff), meetingViewSchema)
    expect(closed.items[0].vote).toMatchObject({
      quorumMet: expected,
      passed: expected,
      present,
      tally: { yes: present, no: 0, abstain: 0 },
    })
  })
})

describe('secret ballots', () => {
  it('never reveal who voted what — not in any answer, not in the stored vote records', async () => {
    const c = await freshCouncil('secret')
    const members = await c.addMembers(3, 'test-gs')
    const meetingId = await addMeeting(h, {
      councilId: c.councilId,
      communityId: c.communityId,
      attendance: members,
      items: [freeItem({ itemId: 'item-1' })],
    })
    okData(await h.call('council', 'openVote', { meetingId, itemId: 'item-1', secret: true }, c.staff))
    const choices = ['yes', 'no', 'yes']
    for (let i = 0; i < 3; i++)
      okData(await h.call('council', 'castVote', { meetingId, itemId: 'item-1', memberId: members[i], choice: choices[i] }, `test-gs-${i}`))
    const closed = expectOk(await h.call('council', 'closeVote', { meetingId, itemId: 'item-1' }, c.staff), meetingViewSchema)
    expect(closed.items[0].vote).toMatchObject({ secret: true, tally: { yes: 2, no: 1, abstain: 0 }, ballots: null })
    const agenda = expectOk(await h.call('council', 'agenda', { meetingId }, c.staff), meetingViewSchema)
    expect(agenda.items[0].vote!.ballots).toBeNull()

    const records = (await docsOf(h.emu, COLLECTIONS.councilVotes)).filter((v) => v.meetingId === meetingId)
    expect(records).toHaveLength(3)
    for (const r of records) expect(r.choice).toBeNull()
    const ballots = (await docsOf(h.emu, COLLECTIONS.councilBallots)).filter((b) => b.meetingId === meetingId)
    expect(ballots).toHaveLength(3)
    for (const b of ballots) expect(Object.keys(b).sort()).toEqual(['_id', 'choice', 'itemId', 'meetingId'])
    // the guardian's export says that the child voted, not how
    const childId = records[1].childId
    const exported = okData(await h.call('council', 'myChildData', { childId }, 'test-gs-1'))
    expect(JSON.stringify(exported.records[COLLECTIONS.councilVotes])).not.toMatch(/"no"|"yes"/)
  })
})
