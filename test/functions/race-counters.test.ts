/**
 * Races for every counter a person can move, in one style (`race.ts`): contenders start together, the late ones land
 * while the early ones are in flight, and after each round the counters equal the records.
 *  - supports vs the threshold: the count equals the support records, the threshold is reached exactly once;
 *  - sign-ups vs cancellations vs a capacity change (public actions only): counters equal records, never more
 *    confirmed than places, no free place while someone waits, waitlist positions exactly 1…n in arrival order;
 *  - child-link redemption: one code by many accounts, and one account with many codes — exactly one link each,
 *    link records equal linked children.
 * (Votes vs the close of the vote: `race-votes.test.ts`.)
 */
import { COLLECTIONS, createChildLinkCodeOutput, mySignupsOutput, type EventDoc, type SignupDoc } from '../../types/index'
import { addLinkCode, addUnlinkedChild } from './cases'
import { addEvent, countersAndRecords } from './events-fixtures'
import { A, C, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { addProposal } from './proposals-fixtures'
import { race, rounds, unexpected } from './race'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

/** `n` fresh residents of a community, straight into the store. */
function residents(communityId: string, n: number, prefix = uniqueId('racer')): string[] {
  const now = new Date()
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`)
  h.emu.store.insert(
    COLLECTIONS.people,
    ids.map((id) => ({
      _id: id,
      nickname: null,
      avatarFileId: null,
      isDistrictAdmin: false,
      isChild: false,
      createdAt: now,
      updatedAt: now,
    })),
  )
  h.emu.store.insert(
    COLLECTIONS.memberships,
    ids.map((id) => ({
      _id: `${communityId}_${id}`,
      communityId,
      openid: id,
      role: 'resident',
      joinedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  )
  return ids
}

describe('supports race the threshold', () => {
  it('the count equals the records and the threshold is reached exactly once, round after round', async () => {
    const threshold = 12
    expectOk(await h.call('proposals', 'updateSettings', { communityId: C, supportThreshold: threshold }, 'demo-admin'))
    await rounds(6, async (round) => {
      const proposalId = await addProposal(h, { communityId: C, createdBy: 'test-author' })
      const people = residents(C, 24)
      // 10 support first (two short of the threshold); then 8 newcomers support while 6 of the first take theirs back
      for (const p of people.slice(0, 10)) expectOk(await h.call('proposals', 'support', { proposalId }, p))
      const support = (p: string) => () => h.call('proposals', 'support', { proposalId }, p)
      const takeBack = (p: string) => () => h.call('proposals', 'unsupport', { proposalId }, p)
      const raced = await race(people.slice(10, 18).map(support), people.slice(0, 6).map(takeBack), round % 3)
      expect(unexpected(raced, [])).toEqual([])
      const doc = (await docsOf(h.emu, COLLECTIONS.proposals)).find((p) => p._id === proposalId)!
      const records = (await docsOf(h.emu, COLLECTIONS.proposalSupports)).filter((s) => s.proposalId === proposalId)
      expect({ round, count: doc.supportCount }).toEqual({ round, count: records.length })
      expect(records).toHaveLength(12)
      // reached at most once (whether the count touched 12 on the way depends on the interleaving), and recorded once
      const reached = doc.timeline.filter((e: any) => e.kind === 'threshold').length
      expect(reached).toBeLessThanOrEqual(1)
      expect(reached).toBe(doc.thresholdReachedAt ? 1 : 0)
      const told = (await h.emu.dump(COLLECTIONS.inbox)).filter(
        (m: any) => m.kind === 'proposal.threshold' && String(m.page).includes(proposalId),
      )
      expect(told).toHaveLength(reached)
      // a burst past the threshold from below reaches it exactly once
      const more = residents(C, 6)
      await race(more.map(support))
      const after = (await docsOf(h.emu, COLLECTIONS.proposals)).find((p) => p._id === proposalId)!
      expect(after.supportCount).toBe(18)
      expect(after.timeline.filter((e: any) => e.kind === 'threshold')).toHaveLength(1)
    })
  }, 240_000)
})

describe('sign-ups race cancellations and a capacity change', () => {
  /** The invariants after every round, from the stored records only. */
  async function checkEvent(eventId: string, round: number) {
    const { counters, records, event, signups } = await countersAndRecords(h, eventId)
    expect({ round, counters }).toEqual({ round, counters: records })
    const ev = event as EventDoc
    expect(records.confirmed).toBeLessThanOrEqual(ev.capacity)
    if (records.waitlisted > 0) expect({ round, freePlaces: ev.capacity - records.confirmed }).toEqual({ round, freePlaces: 0 })
    // one sign-up per person
    expect(new Set(signups.map((s) => s.participantId)).size).toBe(signups.length)
    // positions 1…n in arrival order, as each waiting person sees it
    const waiting = (signups as SignupDoc[]).filter((s) => s.status === 'waitlisted').sort((a, b) => a.seq - b.seq)
    for (const [i, s] of waiting.entries()) {
      const mine = expectOk(await h.call('events', 'mySignups', {}, s.ownerOpenid!), mySignupsOutput)
      const own = mine.tickets.map((t) => t.signup).find((m) => m.signupId === s._id)
      expect({ round, position: own?.position }).toEqual({ round, position: i + 1 })
    }
  }

  it('counters equal records, never oversold, no free place while someone waits, exact positions', async () => {
    await rounds(5, async (round) => {
      const eventId = await addEvent(h, { capacity: 6 })
      const people = residents(A, 24)
      // 10 signed up before the race: 6 places, 4 waiting
      for (const p of people.slice(0, 10)) expectOk(await h.call('events', 'signUp', { eventId }, p))
      const signUp = (p: string) => () => h.call('events', 'signUp', { eventId }, p)
      const cancel = (p: string) => () => h.call('events', 'cancel', { eventId }, p)
      const capacity = (n: number) => () => h.call('events', 'update', { eventId, capacity: n }, 'demo-staff')
      // newcomers sign up; then some of the confirmed and waiting cancel and staff change the capacity (up, or down
      // as far as allowed), while the newcomers are still in flight
      const raced = await race(
        people.slice(10, 24).map(signUp),
        [...people.slice(0, 3).map(cancel), ...people.slice(7, 9).map(cancel), capacity(round % 2 === 0 ? 9 : 4)],
        round % 3,
      )
      // a capacity below the places given is refused, never half-applied
      expect(unexpected(raced, ['EVENT.INVALID_STATE', 'EVENT.BUSY'])).toEqual([])
      await checkEvent(eventId, round)
    })
  }, 300_000)
})

describe('child-link redemption races', () => {
  it('one code redeemed by many accounts at once links exactly one', async () => {
    await rounds(4, async (round) => {
      const guardian = uniqueId('test-guardian')
      await h.addMember(A, guardian)
      const childId = await addUnlinkedChild(h, guardian)
      const { code } = expectOk(await h.call('communities', 'createChildLinkCode', { childId }, guardian), createChildLinkCodeOutput)
      const kids = Array.from({ length: 8 }, () => uniqueId('test-kid'))
      const raced = await race(kids.map((k) => () => h.call('communities', 'linkChildAccount', { code }, k)))
      expect(raced.outcomes.filter((o) => o === 'ok')).toHaveLength(1)
      expect(unexpected(raced, ['CHILD.LINK_CODE_INVALID', 'CHILD.ALREADY_LINKED', 'CHILD.BUSY'])).toEqual([])
      const winner = kids[raced.outcomes.indexOf('ok')]
      const child = (await docsOf(h.emu, COLLECTIONS.children)).find((c) => c._id === childId)!
      const accounts = (await docsOf(h.emu, COLLECTIONS.childAccounts)).filter((a) => a.childId === childId)
      expect({ round, openid: child.openid, accounts: accounts.map((a) => a._id) }).toEqual({
        round,
        openid: winner,
        accounts: [winner],
      })
      const people = (await docsOf(h.emu, COLLECTIONS.people)).filter((p) => kids.includes(p._id) && p.isChild)
      expect(people.map((p) => p._id)).toEqual([winner])
    })
  }, 120_000)

  it('one account redeeming codes of different children at once is linked to exactly one', async () => {
    await rounds(4, async (round) => {
      const kid = uniqueId('test-kid')
      const children = await Promise.all(Array.from({ length: 5 }, () => addUnlinkedChild(h, uniqueId('test-guardian'))))
      const codes = await Promise.all(children.map((c) => addLinkCode(h, c)))
      const raced = await race(codes.map((code) => () => h.call('communities', 'linkChildAccount', { code }, kid)))
      expect(raced.outcomes.filter((o) => o === 'ok')).toHaveLength(1)
      expect(unexpected(raced, ['CHILD.ACCOUNT_ALREADY_LINKED', 'CHILD.BUSY'])).toEqual([])
      const linked = (await docsOf(h.emu, COLLECTIONS.children)).filter((c) => c.openid === kid)
      const accounts = (await docsOf(h.emu, COLLECTIONS.childAccounts)).filter((a) => a._id === kid)
      expect({ round, linked: linked.length, accounts: accounts.length, same: accounts[0]?.childId === linked[0]?._id }).toEqual({
        round,
        linked: 1,
        accounts: 1,
        same: true,
      })
      // the losing codes are still unused
      const left = (await docsOf(h.emu, COLLECTIONS.childLinks)).filter((l) => codes.includes(l._id))
      expect(left).toHaveLength(4)
    })
  }, 120_000)
})
