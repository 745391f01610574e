/** The council's rows of the CASES table (test/functions/cases.ts): a valid input per action and who may run it. */
import { COUNCIL_CONSENT_VERSION } from '../../types/index'
import type { ActionCase, Expected } from './cases'
import { COUNCIL_A, addChildProposal, addCouncilMember, addMeeting, freeItem, openVoteOf } from './council-fixtures'
import { A, type Harness } from './harness'

const F: Expected = 'AUTH.FORBIDDEN'
const managersOfA = { residentA: F, residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
const readersOfA = { residentA: 'ok', residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
const membersOfA = { residentA: 'ok', residentB: F, staffA: 'ok', staffB: F, admin: F } as const
/** the child's guardian (demo-resident = residentA in these fixtures), or staff on the meeting phone */
const guardianOrManagers = readersOfA
/** only the child's guardian */
const guardianOnly = { residentA: 'ok', residentB: F, staffA: F, staffB: F, admin: F } as const

const thisYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()))
let n = 0
const childIdOfMember = async (h: Harness, memberId: string) =>
  (await h.db.collection('council_members').doc(memberId).get()).data.childId as string
const presentMeeting = async (h: Harness, vote = false) => {
  const memberId = await addCouncilMember(h)
  const meetingId = await addMeeting(h, {
    attendance: [memberId],
    items: [freeItem({ itemId: 'item-1', vote: vote ? openVoteOf(false) : null })],
  })
  return { memberId, meetingId }
}

export const COUNCIL_CASES: Record<string, ActionCase> = {
  get: { input: async () => ({ communityId: A }), expect: readersOfA },
  setup: {
    input: async () => ({ communityId: A, name: '栀子街乐活少年儿童议事会', termStart: '2026-01-01', termEnd: '2026-12-31' }),
    expect: managersOfA,
  },
  apply: {
    input: async () => ({
      communityId: A,
      alias: `童${(n++).toString(36)}`,
      birthYear: thisYear() - 9,
      consent: true,
      consentVersion: COUNCIL_CONSENT_VERSION,
    }),
    expect: membersOfA,
  },
  approveMember: { input: async (h) => ({ memberId: await addCouncilMember(h, { status: 'pending' }) }), expect: managersOfA },
  // a child of another guardian: the chair stays set afterwards, and residentA must not become the chair's guardian
  setChair: {
    input: async (h) => ({ councilId: COUNCIL_A, memberId: await addCouncilMember(h, { guardian: 'test-chair-guardian' }) }),
    expect: managersOfA,
  },
  leave: { input: async (h) => ({ memberId: await addCouncilMember(h) }), expect: guardianOrManagers },
  members: { input: async () => ({ communityId: A }), expect: readersOfA },
  submitProposal: {
    input: async (h) => ({ memberId: await addCouncilMember(h), noticed: '楼下的滑梯坏了', idea: '请把滑梯修好', category: '玩耍的地方' }),
    expect: guardianOnly,
  },
  reviewProposal: {
    input: async (h) => ({ proposalId: await addChildProposal(h, await addCouncilMember(h)), decision: 'approve' }),
    expect: managersOfA,
  },
  respond: {
    input: async (h) => ({
      proposalId: await addChildProposal(h, await addCouncilMember(h), { status: 'approved' }),
      kind: 'yes',
      text: '我们下周就修！',
    }),
    expect: managersOfA,
  },
  proposals: { input: async () => ({ communityId: A }), expect: readersOfA },
  staffBoard: { input: async () => ({ communityId: A }), expect: managersOfA },
  createMeeting: {
    input: async () => ({ communityId: A, title: '秋季议事会', startsAt: '2030-09-01T01:30:00.000Z', place: '院坝' }),
    expect: managersOfA,
  },
  addAgendaItem: {
    input: async (h) => ({ meetingId: await addMeeting(h, { status: 'draft' }), title: '暑假活动', durationMinutes: 10 }),
    expect: managersOfA,
  },
  reorderAgenda: {
    input: async (h) => ({ meetingId: await addMeeting(h, { status: 'draft' }), itemIds: ['item-2', 'item-1'] }),
    expect: managersOfA,
  },
  publishAgenda: { input: async (h) => ({ meetingId: await addMeeting(h, { status: 'draft' }) }), expect: managersOfA },
  meetings: { input: async () => ({ communityId: A }), expect: readersOfA },
  agenda: { input: async (h) => ({ meetingId: await addMeeting(h) }), expect: readersOfA },
  recordAttendance: {
    input: async (h) => ({ meetingId: await addMeeting(h), memberIds: [await addCouncilMember(h)], present: true }),
    expect: managersOfA,
  },
  raiseHand: { input: async (h) => presentMeeting(h), expect: guardianOrManagers },
  nextSpeaker: { input: async (h) => ({ meetingId: await addMeeting(h) }), expect: managersOfA },
  openVote: { input: async (h) => ({ meetingId: await addMeeting(h), itemId: 'item-1', secret: false }), expect: managersOfA },
  castVote: { input: async (h) => ({ ...(await presentMeeting(h, true)), itemId: 'item-1', choice: 'yes' }), expect: guardianOrManagers },
  closeVote: { input: async (h) => ({ meetingId: (await presentMeeting(h, true)).meetingId, itemId: 'item-1' }), expect: managersOfA },
  recordDecision: { input: async (h) => ({ meetingId: await addMeeting(h), itemId: 'item-1', text: '大家同意' }), expect: managersOfA },
  publishMinutes: {
    input: async (h) => ({ meetingId: await addMeeting(h), summary: '大家都来了', nextSteps: '下周修滑梯' }),
    expect: managersOfA,
  },
  myChildData: { input: async (h) => ({ childId: await childIdOfMember(h, await addCouncilMember(h)) }), expect: guardianOnly },
  deleteChildData: { input: async (h) => ({ childId: await childIdOfMember(h, await addCouncilMember(h)) }), expect: guardianOnly },
}
