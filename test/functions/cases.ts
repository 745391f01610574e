/**
 * One case per action of every function: how to build a valid input (targeting community A) and who may run it.
 * The authorization matrix and the bad-input sweep are both generated from this table; a router action without
 * a case here fails the suite.
 */
import { randomInt } from 'node:crypto'
import { linkCodeFrom } from '../../cloudfunctions/communities/domain/membership-rules'
import { shareCodeFrom } from '../../cloudfunctions/communities/domain/share-codes'
import { COLLECTIONS, type ErrorCode, type FunctionName } from '../../types/index'
import { A, C_CODE, PERSONAS, uniqueId, type Harness, type Persona } from './harness'
import { addInboxItem, addProject, addProposal } from './proposals-fixtures'
import { COUNCIL_CASES } from './council-cases'
import { EVENT_CASES } from './events-cases'
import { INSIGHTS_CASES } from './insights-cases'

export type Expected = 'ok' | ErrorCode
export interface ActionCase {
  /** a valid input; may create fixtures (a fresh draft, a fresh member) so each call starts from the same state */
  input(h: Harness): Promise<Record<string, unknown>>
  expect: Record<Exclude<Persona, 'none'>, Expected>
}

const F: Expected = 'AUTH.FORBIDDEN'
const everyone = { residentA: 'ok', residentB: 'ok', staffA: 'ok', staffB: 'ok', admin: 'ok' } as const
const managersOfA = { residentA: F, residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
const readersOfA = { residentA: 'ok', residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
const membersOfA = { residentA: 'ok', residentB: F, staffA: 'ok', staffB: F, admin: F } as const
/** proposals: only the author (demo-resident, residentA) may edit or withdraw; staff see it but may not. */
const authorOnly = { residentA: 'ok', residentB: F, staffA: F, staffB: F, admin: F } as const

const nobody = { residentA: F, residentB: F, staffA: F, staffB: F, admin: F } as const

/** An unlinked child of community A (fresh, or the fixed one of residentA) and a valid code for a child. */
export async function addUnlinkedChild(h: Harness, guardianOpenid: string, childId = uniqueId('test-child')): Promise<string> {
  const now = new Date()
  await h.db
    .collection(COLLECTIONS.children)
    .doc(childId)
    .set({
      data: { guardianOpenid, communityId: A, alias: '小兰', birthYear: thisYear() - 10, openid: null, createdAt: now, updatedAt: now },
    })
  return childId
}
const residentAChild = (h: Harness) => addUnlinkedChild(h, PERSONAS.residentA, 'test-child-of-resident-a')
export async function addLinkCode(h: Harness, childId: string, createdAt = new Date(), ttlMinutes = 10): Promise<string> {
  const child = (await h.db.collection(COLLECTIONS.children).doc(childId).get()).data
  const code = linkCodeFrom(randomInt)
  await h.db
    .collection(COLLECTIONS.childLinks)
    .doc(code)
    .set({
      data: {
        childId,
        communityId: child.communityId,
        guardianOpenid: child.guardianOpenid,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + ttlMinutes * 60_000),
      },
    })
  return code
}

const thisYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()))

/** Every function of the contract (types/contract.ts) has its rows: a new function does not compile without them. */
export const CASES: Record<FunctionName, Record<string, ActionCase>> = {
  communities: {
    get: { input: async () => ({ communityId: A }), expect: everyone },
    join: { input: async () => ({ code: C_CODE }), expect: everyone },
    mine: { input: async () => ({}), expect: everyone },
    profile: { input: async () => ({}), expect: everyone },
    setProfile: { input: async () => ({ nickname: '院坝邻居' }), expect: everyone },
    addStaff: {
      input: async (h) => {
        const openid = uniqueId('test-member')
        await h.addMember(A, openid)
        return { communityId: A, openid }
      },
      expect: managersOfA,
    },
    listMembers: { input: async () => ({ communityId: A }), expect: managersOfA },
    createPoster: { input: async () => ({ communityId: A, regenerate: true }), expect: managersOfA },
    openShareCode: {
      input: async (h) => {
        const code = shareCodeFrom(randomInt)
        const now = new Date()
        await h.db
          .collection(COLLECTIONS.shareCodes)
          .doc(code)
          .set({
            data: {
              communityId: A,
              kind: 'notice',
              refId: uniqueId('test-notice'),
              posterFileId: null,
              createdBy: 'demo-staff',
              createdAt: now,
              updatedAt: now,
            },
          })
        return { code }
      },
      expect: everyone,
    },
    addChild: { input: async () => ({ communityId: A, alias: '小红', birthYear: thisYear() - 9 }), expect: membersOfA },
    createChildLinkCode: { input: async (h) => ({ childId: await residentAChild(h) }), expect: { ...nobody, residentA: 'ok' } },
    linkChildAccount: {
      // a fresh child of another guardian and its code; residentB (a plain resident) may be linked, so undo the last link's mark
      input: async (h) => {
        await residentAChild(h) // residentA is a guardian: refused as a child account
        await h.db
          .collection(COLLECTIONS.people)
          .doc(PERSONAS.residentB)
          .update({ data: { isChild: false } })
        // one account, one child: free residentB's account from the previous run's child
        await h.db.collection(COLLECTIONS.childAccounts).where({ _id: PERSONAS.residentB }).remove()
        await h.db
          .collection(COLLECTIONS.children)
          .where({ openid: PERSONAS.residentB })
          .update({ data: { openid: null } })
        const childId = await addUnlinkedChild(h, uniqueId('test-guardian'))
        return { code: await addLinkCode(h, childId) }
      },
      expect: { ...nobody, residentB: 'ok' },
    },
  },
  notices: {
    create: {
      input: async () => ({ communityId: A, title: '停水通知', body: '明天上午 9 点到 12 点停水，请提前储水。', category: '通知' }),
      expect: managersOfA,
    },
    update: {
      input: async (h) => ({ noticeId: await h.addNotice({ communityId: A }), title: '停水通知（更新）', pinned: true }),
      expect: managersOfA,
    },
    publish: { input: async (h) => ({ noticeId: await h.addNotice({ communityId: A }) }), expect: managersOfA },
    unpublish: {
      input: async (h) => ({
        noticeId: await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000) }),
      }),
      expect: managersOfA,
    },
    list: { input: async () => ({ communityId: A }), expect: readersOfA },
    get: {
      input: async (h) => ({
        noticeId: await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000) }),
      }),
      expect: readersOfA,
    },
    listForStaff: { input: async () => ({ communityId: A }), expect: managersOfA },
    preview: {
      input: async (h) => ({
        noticeId: await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000) }),
      }),
      expect: everyone,
    },
  },
  proposals: {
    submit: {
      input: async () => ({
        communityId: A,
        title: '院坝加装路灯',
        description: '14 号院坝晚上太黑，建议加装两盏路灯。',
        category: '平安建设',
      }),
      expect: membersOfA,
    },
    update: {
      input: async (h) => ({
        proposalId: await addProposal(h, { status: 'pending', createdBy: 'demo-resident' }),
        title: '院坝加装路灯（补充）',
      }),
      expect: authorOnly,
    },
    withdraw: { input: async (h) => ({ proposalId: await addProposal(h, { createdBy: 'demo-resident' }) }), expect: authorOnly },
    list: { input: async () => ({ communityId: A, status: 'published', category: '便民服务' }), expect: readersOfA },
    mine: { input: async () => ({ communityId: A }), expect: readersOfA },
    get: { input: async (h) => ({ proposalId: await addProposal(h) }), expect: readersOfA },
    support: { input: async (h) => ({ proposalId: await addProposal(h) }), expect: membersOfA },
    unsupport: { input: async (h) => ({ proposalId: await addProposal(h) }), expect: membersOfA },
    comment: { input: async (h) => ({ proposalId: await addProposal(h), body: '赞成，晚上回家确实看不清路。' }), expect: membersOfA },
    report: { input: async (h) => ({ proposalId: await addProposal(h), reason: '与社区无关' }), expect: membersOfA },
    settings: { input: async () => ({ communityId: A }), expect: readersOfA },
    threeLists: { input: async () => ({ communityId: A }), expect: readersOfA },
    getProject: { input: async (h) => ({ projectId: (await addProject(h)).projectId }), expect: readersOfA },
    inbox: { input: async () => ({ limit: 10 }), expect: everyone },
    unreadCount: { input: async () => ({}), expect: everyone },
    preview: { input: async (h) => ({ proposalId: await addProposal(h) }), expect: everyone },
    previewProject: { input: async (h) => ({ projectId: (await addProject(h)).projectId }), expect: everyone },
    markAllRead: { input: async () => ({}), expect: everyone },
    markRead: {
      input: async (h) => ({ inboxId: await addInboxItem(h, 'demo-resident') }),
      expect: {
        residentA: 'ok',
        residentB: 'INBOX.NOT_FOUND',
        staffA: 'INBOX.NOT_FOUND',
        staffB: 'INBOX.NOT_FOUND',
        admin: 'INBOX.NOT_FOUND',
      },
    },
    review: {
      input: async (h) => ({ proposalId: await addProposal(h, { status: 'pending' }), decision: 'return', reason: '请写清楚具体位置' }),
      expect: managersOfA,
    },
    answer: {
      input: async (h) => ({
        proposalId: await addProposal(h),
        decision: 'accepted',
        explanation: '采纳，下月施工。',
        cost: 5000,
        dueDate: '2030-01-31',
      }),
      expect: managersOfA,
    },
    createProject: {
      input: async (h) => ({
        communityId: A,
        proposalIds: [await addProposal(h, { status: 'accepted' })],
        title: '院坝照明改造',
        owner: '社区居委会',
        summary: '加装路灯两盏',
        dueDate: '2030-03-01',
        cost: 5000,
      }),
      expect: managersOfA,
    },
    updateProgress: {
      input: async (h) => ({ projectId: (await addProject(h)).projectId, progress: 50, text: '路灯已到货' }),
      expect: managersOfA,
    },
    complete: {
      input: async (h) => ({ projectId: (await addProject(h)).projectId, outcome: '两盏路灯已亮，院坝晚上不再黑。' }),
      expect: managersOfA,
    },
    moderationQueue: { input: async () => ({ communityId: A }), expect: managersOfA },
    hide: { input: async (h) => ({ proposalId: await addProposal(h) }), expect: managersOfA },
    unhide: {
      input: async (h) => ({ proposalId: await addProposal(h, { hidden: true, hiddenBy: 'reports', reportCount: 3 }) }),
      expect: managersOfA,
    },
    mustAnswer: { input: async () => ({ communityId: A }), expect: managersOfA },
    updateSettings: { input: async () => ({ communityId: A, supportThreshold: 20, answerDays: 15 }), expect: managersOfA },
  },
  council: COUNCIL_CASES,
  events: EVENT_CASES,
  insights: INSIGHTS_CASES,
  // the log: staff of the community read theirs, the district admin every one (the whole district: audit.test.ts)
  audit: {
    list: { input: async () => ({ communityId: A }), expect: managersOfA },
    verify: { input: async () => ({ communityId: A }), expect: managersOfA },
  },
  search: {
    search: { input: async () => ({ communityId: A, q: '停水' }), expect: readersOfA },
    reindex: { input: async () => ({ communityId: A }), expect: managersOfA },
  },
}
