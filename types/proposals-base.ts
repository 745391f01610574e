/**
 * Resident proposals (居民议事): constants, labels and settings shared by the `proposals` function and the app.
 * No zod here; the main package (the 议事 section on 首页) imports only proposals-labels.ts, re-exported below.
 * The schemas and the contract are in proposals.ts.
 */

/** A community's needs list (问题清单 categories). Configurable per community; these ten are the default. */
export const DEFAULT_PROPOSAL_CATEGORIES = [
  '便民服务',
  '医养康复',
  '文化教育',
  '儿童友好',
  '环境卫生',
  '平安建设',
  '交通停车',
  '物业管理',
  '文体活动',
  '其他',
] as const

/**
 * Stored status. The transitions between them are one table in cloudfunctions/proposals/domain/proposal-rules.ts.
 *  pending 待审核 → published 征集附议 | returned 退回修改 | refused 未通过审核
 *  published → evaluating 评估中 → accepted 已采纳 | rejected 未采纳; accepted → implementing 实施中 → completed 已完成
 *  pending | returned | published → withdrawn 已撤回 (by the author, while nobody else supports it)
 */
export const PROPOSAL_STATUSES = [
  'pending',
  'returned',
  'refused',
  'published',
  'evaluating',
  'accepted',
  'rejected',
  'implementing',
  'completed',
  'withdrawn',
] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** Statuses a published proposal can be in — what residents can list and filter by. */
export const PUBLIC_PROPOSAL_STATUSES = [
  'published',
  'evaluating',
  'accepted',
  'rejected',
  'implementing',
  'completed',
  'withdrawn',
] as const
export type PublicProposalStatus = (typeof PUBLIC_PROPOSAL_STATUSES)[number]

// Labels as residents read them: proposals-labels.ts (small enough for the main package); re-exported here.
export { PROPOSAL_STATUS_LABEL } from './proposals-labels'

export const REVIEW_DECISIONS = ['publish', 'reject', 'return'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]
export const ANSWER_DECISIONS = ['evaluating', 'accepted', 'rejected'] as const
export type AnswerDecision = (typeof ANSWER_DECISIONS)[number]
export const ANSWER_DECISION_LABEL: Record<AnswerDecision, string> = { evaluating: '评估中', accepted: '已采纳', rejected: '未采纳' }

export const PROJECT_STATUSES = ['active', 'completed'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export const PROJECT_STATUS_LABEL: Record<ProjectStatus, string> = { active: '实施中', completed: '已完成' }

/** pre: every proposal waits for staff review before anyone sees it; post: published at once, staff moderate after. */
export const REVIEW_MODES = ['pre', 'post'] as const
export type ReviewMode = (typeof REVIEW_MODES)[number]

export const PROPOSAL_TITLE_MAX = 40
export const PROPOSAL_DESCRIPTION_MAX = 1000
export const PROPOSAL_PLACE_MAX = 50
export const PROPOSAL_PHOTOS_MAX = 3
export const PROPOSAL_COMMENT_MAX = 500
export const PROPOSAL_REASON_MAX = 300
export const PROPOSAL_EXPLANATION_MAX = 1000
export const PROPOSAL_CATEGORY_MAX = 10
export const PROJECT_TITLE_MAX = 40
export const PROJECT_OWNER_MAX = 30
export const PROJECT_TEXT_MAX = 300
export const PROJECT_OUTCOME_MAX = 1000
/** Reports by this many different residents hide a proposal or comment until staff decide. */
export const REPORTS_TO_HIDE = 3
/** What public views show for an anonymous author or one without a nickname — never an openid. */
export const ANONYMOUS_NAME = '居民'

export interface ProposalSettings {
  categories: string[]
  review: ReviewMode
  /** supports needed to put a proposal on staff's must-answer list */
  supportThreshold: number
  /** days after publication during which residents can support */
  supportWindowDays: number
  /** days staff have to answer once the threshold is reached */
  answerDays: number
}

export const DEFAULT_PROPOSAL_SETTINGS: ProposalSettings = {
  categories: [...DEFAULT_PROPOSAL_CATEGORIES],
  review: 'pre',
  supportThreshold: 20,
  supportWindowDays: 60,
  answerDays: 15,
}

/**
 * Subscribe-message templates (订阅消息). The ids are the ones the operator picks in the MP admin (公共模板库);
 * set them in deploy.config.ts (its production profile) — the app asks for them (wx.requestSubscribeMessage, ≤ 3 per tap) and
 * the function sends with them. Fields: thing ≤ 20 characters, phrase ≤ 5 Chinese characters, date Y-M-D.
 *  review  审核结果通知: thing1 建议标题 · phrase2 审核结果 · thing3 说明 · date4 时间
 *  answer  建议答复通知: thing1 建议标题 · phrase2 答复结果 · thing3 答复说明 · date4 答复日期
 *  outcome 建议办结通知: thing1 建议标题 · phrase2 办理状态 · thing3 办理成效 · date4 办结日期
 */
export const PROPOSAL_TEMPLATES = {
  review: 'TPL_PROPOSAL_REVIEW',
  answer: 'TPL_PROPOSAL_ANSWER',
  outcome: 'TPL_PROPOSAL_OUTCOME',
} as const

/** The pages the inbox and subscribe messages open (no leading slash, as subscribeMessage.send wants). */
export const PROPOSAL_PAGES = {
  detail: 'packages/proposals/pages/detail/index',
  project: 'packages/proposals/pages/project/index',
  lists: 'packages/proposals/pages/lists/index',
  inbox: 'packages/proposals/pages/inbox/index',
} as const

export const INBOX_KINDS = ['proposal.review', 'proposal.answer', 'proposal.outcome', 'proposal.threshold'] as const
export type InboxKind = (typeof INBOX_KINDS)[number]
