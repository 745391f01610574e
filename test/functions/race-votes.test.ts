/**
 * Race: council votes against the close of the vote. Members vote while staff close the vote; after the close every
 * acknowledged vote (`counted: true`) is in the tally, the stored records equal the tally, and later votes are refused.
 */
import { COLLECTIONS, meetingViewSchema } from '../../types/index'
import { addCouncilMember, addMeeting, freeItem, openVoteOf } from './council-fixtures'
import { expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'
import { race, rounds, unexpected } from './race'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

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
  return { communityId, councilId, staff }
}

describe.each([false, true])('votes race the close (secret: %s)', (secret) => {
  it('after the close, every acknowledged vote is in the tally and the records equal the tally; later votes are refused', async () => {
    const c = await freshCouncil(`race${secret ? 's' : 'o'}`)
    const n = 10
    const guardians = Array.from({ length: n }, (_, i) => `test-grace-${secret ? 's' : 'o'}-${i}`)
    const members = await Promise.all(
      guardians.map((guardian, i) =>
        addCouncilMember(h, { councilId: c.councilId, communityId: c.communityId, guardian, alias: `成员${i}` }),
      ),
    )
    const choices = ['yes', 'no', 'abstain'] as const
    await rounds(20, async (round) => {
      const meetingId = await addMeeting(h, {
        _id: uniqueId(`test-race-meeting-${round}`),
        councilId: c.councilId,
        communityId: c.communityId,
        attendance: members,
        items: [freeItem({ itemId: 'item-1', vote: openVoteOf(secret) })],
      })
      const vote = (i: number) => () =>
        h.call('council', 'castVote', { meetingId, itemId: 'item-1', memberId: members[i], choice: choices[i % 3] }, guardians[i])
      const close = () => h.call('council', 'closeVote', { meetingId, itemId: 'item-1' }, c.staff)
      // the close starts with the votes, or once one or two have answered: the others are in flight
      const raced = await race(
        members.map((_, i) => vote(i)),
        [close],
        round % 3,
      )
      if (process.env.RACE_DEBUG)
        console.log(
          round,
          raced.outcomes.join(','),
          raced.results
            .slice(0, n)
            .map((r: any) => (r.ok && r.data.counted ? 1 : 0))
            .join(''),
        )
      expect(unexpected(raced, ['COUNCIL.VOTE_NOT_OPEN'])).toEqual([])
      const closeResult = raced.results[n]
      const tally = expectOk(closeResult, meetingViewSchema).items[0].vote!.tally!
      const counted = raced.results.slice(0, n).filter((r) => r.ok === true && (r.data as any).counted === true).length
      const records = (await docsOf(h.emu, COLLECTIONS.councilVotes)).filter((v) => v.meetingId === meetingId)
      const ballots = (await docsOf(h.emu, COLLECTIONS.councilBallots)).filter((b) => b.meetingId === meetingId)
      expect({ round, counted, tallied: tally.yes + tally.no + tally.abstain, records: records.length }).toEqual({
        round,
        counted,
        tallied: counted,
        records: counted,
      })
      if (secret) expect(ballots).toHaveLength(counted)
      // the tally by choice matches what the acknowledged votes chose
      const chose = { yes: 0, no: 0, abstain: 0 }
      raced.results.slice(0, n).forEach((r, i) => r.ok === true && (r.data as any).counted && chose[choices[i % 3]]++)
      expect(tally).toEqual(chose)
      // every later vote is refused
      for (let i = 0; i < n; i++) expectError(await vote(i)(), 'COUNCIL.VOTE_NOT_OPEN')
      // and the stored tally did not move
      const after = expectOk(await h.call('council', 'agenda', { meetingId }, c.staff), meetingViewSchema)
      expect(after.items[0].vote!.tally).toEqual(tally)
    })
  }, 180_000)
})
