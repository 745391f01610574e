/**
 * Test fixtures for the council function, written straight to the emulator through the harness's SDK. Defaults:
 * the seeded council of community A; a fresh approved member whose guardian is demo-resident (residentA).
 */
import {
  COLLECTIONS,
  COUNCIL_CONSENT_VERSION,
  shanghaiYear,
  type AgendaItemDoc,
  type ChildProposalDoc,
  type CouncilMeetingDoc,
  type CouncilMemberDoc,
} from '../../types/index'
import { A, uniqueId, type Harness } from './harness'

export const COUNCIL_A = `council-${A}`
const DAY = 24 * 60 * 60 * 1000

export async function addCouncilMember(
  h: Harness,
  fields: {
    guardian?: string
    alias?: string
    age?: number
    status?: CouncilMemberDoc['status']
    childOpenid?: string | null
    councilId?: string
    communityId?: string
  } = {},
): Promise<string> {
  const now = new Date()
  const childId = uniqueId('test-child')
  const councilId = fields.councilId ?? COUNCIL_A
  const communityId = fields.communityId ?? A
  const guardian = fields.guardian ?? 'demo-resident'
  const alias = fields.alias ?? '测试娃'
  const birthYear = shanghaiYear(now) - (fields.age ?? 10)
  await h.db
    .collection(COLLECTIONS.children)
    .doc(childId)
    .set({
      data: { guardianOpenid: guardian, communityId, alias, birthYear, openid: fields.childOpenid ?? null, createdAt: now, updatedAt: now },
    })
  const memberId = `${councilId}_${childId}`
  const status = fields.status ?? 'approved'
  const member: Omit<CouncilMemberDoc, '_id'> = {
    councilId,
    communityId,
    childId,
    alias,
    birthYear,
    guardianOpenid: guardian,
    status,
    consent: { guardianOpenid: guardian, version: COUNCIL_CONSENT_VERSION, at: now },
    appliedAt: now,
    approvedAt: status === 'approved' ? now : null,
    approvedBy: status === 'approved' ? 'demo-staff' : null,
    leftAt: status === 'left' ? now : null,
    purgeAfter: status === 'left' ? new Date(now.getTime() + 180 * DAY) : null,
    createdAt: now,
    updatedAt: now,
  }
  await h.db.collection(COLLECTIONS.councilMembers).doc(memberId).set({ data: member })
  return memberId
}

export async function addChildProposal(h: Harness, memberId: string, fields: Partial<ChildProposalDoc> = {}): Promise<string> {
  const now = new Date()
  const member = (await h.db.collection(COLLECTIONS.councilMembers).doc(memberId).get()).data as CouncilMemberDoc
  const id = fields._id ?? uniqueId('test-cprop')
  const { _id, ...rest } = fields
  const status = rest.status ?? 'pending'
  const doc: Omit<ChildProposalDoc, '_id'> = {
    councilId: member.councilId,
    communityId: member.communityId,
    memberId,
    childId: member.childId,
    alias: member.alias,
    birthYear: member.birthYear,
    noticed: '滑梯坏了',
    idea: '请修好滑梯',
    category: '玩耍的地方',
    photo: null,
    moderation: 'pass',
    status,
    review: status === 'pending' ? null : { note: null, at: now, by: 'demo-staff' },
    answerDueAt: status === 'pending' ? null : new Date(now.getTime() + 30 * DAY),
    answer: null,
    meetingId: null,
    handoff: null,
    handoffOpen: false,
    actedBy: { actorOpenid: member.guardianOpenid, childId: member.childId, as: 'guardian' },
    createdAt: now,
    updatedAt: now,
    ...rest,
  }
  await h.db.collection(COLLECTIONS.councilProposals).doc(id).set({ data: doc })
  return id
}

export const freeItem = (fields: Partial<AgendaItemDoc> = {}): AgendaItemDoc => ({
  itemId: uniqueId('item'),
  title: '测试议题',
  presenterAlias: null,
  presenterMemberId: null,
  durationMinutes: 10,
  order: 0,
  proposalId: null,
  vote: null,
  decision: null,
  ...fields,
})

export const openVoteOf = (secret = false): NonNullable<AgendaItemDoc['vote']> => ({
  status: 'open',
  secret,
  openedAt: new Date(),
  closedAt: null,
  tally: null,
  present: null,
  memberCount: null,
  quorumMet: null,
  passed: null,
})

export async function addMeeting(h: Harness, fields: Partial<CouncilMeetingDoc> = {}): Promise<string> {
  const now = new Date()
  const id = fields._id ?? uniqueId('test-meeting')
  const { _id, ...rest } = fields
  const doc: Omit<CouncilMeetingDoc, '_id'> = {
    councilId: COUNCIL_A,
    communityId: A,
    title: '测试议事会',
    startsAt: new Date(now.getTime() + DAY),
    place: '院坝',
    status: 'published',
    items: [freeItem({ itemId: 'item-1', order: 0 }), freeItem({ itemId: 'item-2', order: 1 })],
    attendance: [],
    speakingSeconds: 120,
    speaking: { current: null, queue: [], turns: {} },
    minutes: null,
    publishedAt: now,
    createdBy: 'demo-staff',
    updatedBy: 'demo-staff',
    createdAt: now,
    updatedAt: now,
    ...rest,
  }
  await h.db.collection(COLLECTIONS.councilMeetings).doc(id).set({ data: doc })
  return id
}
