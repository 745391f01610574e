/**
 * One case per action of every function: how to build a valid input (targeting community A) and who may run it.
 * The authorization matrix and the bad-input sweep are both generated from this table; a router action without
 * a case here fails the suite.
 */
import type { ErrorCode } from '../../types/index'
import { A, C_CODE, uniqueId, type Harness, type Persona } from './harness'

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

const thisYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()))

export const CASES: Record<'communities' | 'notices', Record<string, ActionCase>> = {
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
    addChild: { input: async () => ({ communityId: A, alias: '小红', birthYear: thisYear() - 9 }), expect: membersOfA },
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
      input: async (h) => ({ noticeId: await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000) }) }),
      expect: managersOfA,
    },
    list: { input: async () => ({ communityId: A }), expect: readersOfA },
    get: {
      input: async (h) => ({ noticeId: await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000) }) }),
      expect: readersOfA,
    },
    listForStaff: { input: async () => ({ communityId: A }), expect: managersOfA },
  },
}
