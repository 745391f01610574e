/**
 * Test fixtures for the proposals function, written straight to the emulator through the harness's SDK (so each
 * case starts from a known state without going through other actions). Defaults: community A, a published
 * proposal by `test-author`, nobody supporting it.
 */
import { COLLECTIONS, type InboxDoc, type ProjectDoc, type ProposalDoc } from '../../types/index'
import { A, uniqueId, type Harness } from './harness'

const DAY = 24 * 60 * 60 * 1000

export async function addProposal(h: Harness, fields: Partial<ProposalDoc> = {}): Promise<string> {
  const now = new Date()
  const { _id, ...rest } = fields
  const id = _id ?? uniqueId('test-prop')
  const status = rest.status ?? 'published'
  const listed = !['pending', 'returned', 'refused'].includes(status)
  const doc: Omit<ProposalDoc, '_id'> = {
    communityId: A,
    title: '测试建议',
    description: '这是一条测试用的居民建议。',
    category: '其他',
    place: null,
    photos: [],
    anonymous: false,
    authorName: '测试居民',
    authorIsChild: false,
    status,
    isPublic: listed,
    hidden: false,
    hiddenBy: null,
    reportCount: 0,
    moderation: 'pass',
    supportCount: 0,
    commentCount: 0,
    supportUntil: listed ? new Date(now.getTime() + 30 * DAY) : null,
    thresholdReachedAt: null,
    answerDueAt: null,
    review: null,
    answer: null,
    finalAnsweredAt: null,
    projectId: null,
    timeline: [{ at: now, kind: 'submitted', text: null, audience: 'public' }],
    createdBy: 'test-author',
    updatedBy: 'test-author',
    createdAt: now,
    updatedAt: now,
    publishedAt: listed ? now : null,
    ...rest,
  }
  await h.db.collection(COLLECTIONS.proposals).doc(id).set({ data: doc })
  return id
}

/** An active project over one implementing proposal (created too). */
export async function addProject(h: Harness, fields: Partial<ProjectDoc> = {}): Promise<{ projectId: string; proposalId: string }> {
  const now = new Date()
  const projectId = fields._id ?? uniqueId('test-project')
  const proposalId = await addProposal(h, { status: 'implementing', projectId, communityId: fields.communityId ?? A })
  const { _id, ...rest } = fields
  const doc: Omit<ProjectDoc, '_id'> = {
    communityId: A,
    title: '测试项目',
    summary: null,
    owner: '社区居委会',
    proposalIds: [proposalId],
    progress: 10,
    status: 'active',
    dueDate: null,
    cost: null,
    timeline: [{ at: now, text: '立项', progress: 0, photo: null }],
    outcome: null,
    createdBy: 'demo-staff',
    updatedBy: 'demo-staff',
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    ...rest,
  }
  await h.db.collection(COLLECTIONS.projects).doc(projectId).set({ data: doc })
  return { projectId, proposalId }
}

export async function addInboxItem(h: Harness, openid: string): Promise<string> {
  const id = uniqueId('test-inbox')
  const doc: Omit<InboxDoc, '_id'> = {
    openid,
    communityId: A,
    kind: 'proposal.answer',
    title: '测试消息',
    body: '测试',
    page: 'packages/proposals/pages/inbox/index',
    read: false,
    createdAt: new Date(),
    readAt: null,
  }
  await h.db.collection(COLLECTIONS.inbox).doc(id).set({ data: doc })
  return id
}
