/**
 * The authorization matrix's cases for the insights function (数据看板, 工作台, 待发送通知): staff of a community and
 * the district admin read that community; only the admin reads the district. cases.ts joins them into CASES.
 */
import type { ErrorCode } from '../../types/index'
import type { ActionCase } from './cases'
import { A } from './harness'

const F: ErrorCode = 'AUTH.FORBIDDEN'
const managersOfA = { residentA: F, residentB: F, staffA: 'ok', staffB: F, admin: 'ok' } as const
const adminOnly = { residentA: F, residentB: F, staffA: F, staffB: F, admin: 'ok' } as const

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
const period = () => ({ from: day(-7), to: day(0) })

export const INSIGHTS_CASES: Record<string, ActionCase> = {
  community: { input: async () => ({ communityId: A, ...period() }), expect: managersOfA },
  district: { input: async () => period(), expect: adminOnly },
  export: { input: async () => ({ communityId: A, ...period() }), expect: managersOfA },
  todo: { input: async () => ({ communityId: A }), expect: managersOfA },
  queue: { input: async () => ({ communityId: A }), expect: managersOfA },
}
