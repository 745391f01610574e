/**
 * Erase and export walk every page: a child with more records than one read returns (1,000 votes, proposals and
 * council inbox entries each, and more meetings than the 100 a meeting list shows) is exported whole, deleted whole by
 * the guardian, and purged whole by the retention timer; an event's sign-up export has every row.
 */
import { COLLECTIONS, exportOutput } from '../../types/index'
import { addChildProposal, addCouncilMember, addMeeting, freeItem } from './council-fixtures'
import { addEvent } from './events-fixtures'
import { A, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const MANY = 1_050 // more than one read (the SDK returns at most 1,000)
const MEETINGS = 105 // more than listMeetings' 100

/** Insert docs straight through the SDK, 100 at a time. */
async function insertAll(collection: string, docs: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 100)
    await Promise.all(docs.slice(i, i + 100).map((data) => h.db.collection(collection).add({ data })))
}

/** A member with MANY votes, proposals and council inbox entries, present in MEETINGS meetings. */
async function memberWithLongHistory(guardian: string, status: 'approved' | 'left' = 'approved') {
  await h.addMember(A, guardian)
  const memberId = await addCouncilMember(h, { guardian, status })
  const member = (await h.db.collection(COLLECTIONS.councilMembers).doc(memberId).get()).data
  const childId = member.childId as string
  const now = new Date()
  const tag = uniqueId('hist')
  await insertAll(
    COLLECTIONS.councilVotes,
    Array.from({ length: MANY }, (_, i) => ({
      _id: `${tag}-m${i}_item_${memberId}`,
      meetingId: `${tag}-m${i}`,
      itemId: 'item',
      communityId: A,
      memberId,
      childId,
      secret: false,
      choice: 'yes',
      actedBy: { actorOpenid: guardian, childId, as: 'guardian' },
      createdAt: now,
    })),
  )
  // proposals: one through the fixture (so the shape is right), the rest copies of it
  const first = await addChildProposal(h, memberId, { status: 'approved' })
  const { _id, ...proposal } = (await h.db.collection(COLLECTIONS.councilProposals).doc(first).get()).data
  await insertAll(
    COLLECTIONS.councilProposals,
    Array.from({ length: MANY - 1 }, (_, i) => ({ ...proposal, noticed: `第${i}个` })),
  )
  await insertAll(
    COLLECTIONS.inbox,
    Array.from({ length: MANY }, (_, i) => ({
      openid: guardian,
      communityId: A,
      childId,
      kind: 'council.answer',
      title: `回复${i}`,
      body: '大人回复了你',
      page: '/x',
      read: false,
      createdAt: now,
      readAt: null,
    })),
  )
  for (let i = 0; i < MEETINGS; i += 15) {
    await Promise.all(
      Array.from({ length: Math.min(15, MEETINGS - i) }, (_, j) =>
        addMeeting(h, {
          startsAt: new Date(now.getTime() - (i + j + 1) * 86_400_000),
          attendance: [memberId],
          items: [freeItem({ itemId: 'item-1' })],
        }),
      ),
    )
  }
  return { memberId, childId }
}

const left = async (collection: string, field: string, value: string) =>
  (await h.emu.dump(collection)).filter((d) => d[field] === value).length
const meetingsMentioning = async (memberId: string) =>
  (await docsOf(h.emu, COLLECTIONS.councilMeetings)).filter((m) => m.attendance.includes(memberId)).length

describe('a long history is exported and erased whole', () => {
  it('the guardian’s export has every record; deleting the child leaves none', async () => {
    const guardian = uniqueId('test-guardian-long')
    const { memberId, childId } = await memberWithLongHistory(guardian)
    const exported = expectOk(await h.call('council', 'myChildData', { childId }, guardian)) as any
    expect({
      votes: exported.records[COLLECTIONS.councilVotes].length,
      proposals: exported.records[COLLECTIONS.councilProposals].length,
      inbox: exported.records[COLLECTIONS.inbox].length,
      meetings: exported.records[COLLECTIONS.councilMeetings].length,
    }).toEqual({ votes: MANY, proposals: MANY, inbox: MANY, meetings: MEETINGS })

    expectOk(await h.call('council', 'deleteChildData', { childId }, guardian))
    expect({
      votes: await left(COLLECTIONS.councilVotes, 'memberId', memberId),
      proposals: await left(COLLECTIONS.councilProposals, 'childId', childId),
      inbox: await left(COLLECTIONS.inbox, 'childId', childId),
      meetings: await meetingsMentioning(memberId),
    }).toEqual({ votes: 0, proposals: 0, inbox: 0, meetings: 0 })
  }, 240_000)

  it('the retention timer purges a former member whole', async () => {
    const guardian = uniqueId('test-guardian-left')
    const { memberId, childId } = await memberWithLongHistory(guardian, 'left')
    await h.db
      .collection(COLLECTIONS.councilMembers)
      .doc(memberId)
      .update({ data: { purgeAfter: new Date(Date.now() - 60_000) } })
    await h.emu.fireTrigger('council', 'daily')
    expect({
      member: await left(COLLECTIONS.councilMembers, '_id', memberId),
      votes: await left(COLLECTIONS.councilVotes, 'memberId', memberId),
      proposals: await left(COLLECTIONS.councilProposals, 'childId', childId),
      inbox: await left(COLLECTIONS.inbox, 'childId', childId),
      meetings: await meetingsMentioning(memberId),
    }).toEqual({ member: 0, votes: 0, proposals: 0, inbox: 0, meetings: 0 })
  }, 240_000)
})

describe('the sign-up export', () => {
  it('has every row of an event with more sign-ups than one page', async () => {
    const n = 250
    const eventId = await addEvent(h, { capacity: n, confirmedCount: n, seq: n } as any)
    const now = new Date()
    await insertAll(
      COLLECTIONS.eventSignups,
      Array.from({ length: n }, (_, i) => ({
        _id: `${eventId}_p${i}`,
        eventId,
        communityId: A,
        participantId: `p${i}`,
        kind: 'self',
        ownerOpenid: `p${i}`,
        displayName: `居民${i}`,
        birthYear: null,
        status: 'confirmed',
        pendingAt: now,
        seq: i + 1,
        joinPosition: null,
        rejectCode: null,
        source: 'self',
        proxyBy: null,
        ticketCode: `T${String(i).padStart(9, '0')}`,
        checkedInAt: null,
        checkInBy: null,
        noShow: false,
        rated: false,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const out = expectOk(await h.call('events', 'export', { eventId }, 'demo-staff'), exportOutput)
    expect(out.rows).toBe(n)
  }, 120_000)
})
