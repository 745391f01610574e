/**
 * Children's council (儿童议事会): constants and labels shared by the `council` function and the app.
 * No zod here (the 首页/我的 entry imports it); schemas and the contract are in council.ts.
 */
import { templateId } from './deployed'

/** Default member ages (inclusive, in calendar years as a birth year allows). */
export const COUNCIL_DEFAULT_MIN_AGE = 6
export const COUNCIL_DEFAULT_MAX_AGE = 17
/** Days staff have to answer a reviewed child proposal. */
export const COUNCIL_DEFAULT_ANSWER_DAYS = 30
/** Days after a member leaves before a timer deletes their council data. */
export const COUNCIL_DEFAULT_RETENTION_DAYS = 180
/** Seconds each speaker gets in meeting mode (the staff phone shows a countdown from `since`). */
export const COUNCIL_DEFAULT_SPEAKING_SECONDS = 120

/**
 * The version of the children's personal-information rules a guardian consents to (PIPL Art. 31, CAC 2019 Art. 9–10).
 * Changing the text means a new version: the function refuses an application that consents to another one.
 */
export const COUNCIL_CONSENT_VERSION = 'council-consent-2026-01'
export const COUNCIL_CONSENT_TEXT = [
  '《儿童个人信息保护规则》（儿童议事会）',
  '1. 我们只保存孩子的称呼（不用真实姓名）和出生年份，不收集学校、照片或电话。孩子的建议里可以附一张照片，请不要拍到人脸。',
  '2. 用途：让孩子参加本社区儿童议事会——提建议、参加会议、投票，并收到大人的答复。',
  '3. 公开范围：孩子的建议经社区工作者审核后才会被别人看到，只显示“称呼 · 年龄”。',
  '4. 保存期限：孩子退出议事会后 180 天自动删除；您可以随时查看、导出或删除孩子的全部信息。',
  '5. 保存地点：微信云开发（中国境内）。只有本社区的工作者能看到报名信息。',
  '6. 不同意的后果：孩子不能加入议事会，不影响您使用院坝其他功能。',
  '7. 负责人和投诉渠道：社区儿童工作负责人，电话见社区公告；您也可以在“我的”里删除孩子的信息。',
].join('\n')

export const COUNCIL_NOTICED_MAX = 300
export const COUNCIL_IDEA_MAX = 300
export const COUNCIL_ANSWER_MAX = 300
export const COUNCIL_TITLE_MAX = 30
export const COUNCIL_NAME_MAX = 30
export const COUNCIL_PLACE_MAX = 40
export const COUNCIL_MINUTES_MAX = 1000

/** Categories with pictures (an emoji each, so no image files weigh on the package). */
export const COUNCIL_CATEGORIES = ['玩耍的地方', '上学路上', '干净的社区', '安全', '大自然', '活动', '其他'] as const
export type CouncilCategory = (typeof COUNCIL_CATEGORIES)[number]
export const COUNCIL_CATEGORY_EMOJI: Record<CouncilCategory, string> = {
  玩耍的地方: '🛝',
  上学路上: '🎒',
  干净的社区: '🧹',
  安全: '🦺',
  大自然: '🌳',
  活动: '🎨',
  其他: '💡',
}

export const MEMBER_STATUSES = ['pending', 'approved', 'left'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]
export const MEMBER_STATUS_LABEL: Record<MemberStatus, string> = { pending: '等待审核', approved: '议事会成员', left: '已退出' }

/** Stored review status of a child proposal. Nobody but staff, the child and their guardian sees a pending or rejected one. */
export const CHILD_PROPOSAL_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ChildProposalStatus = (typeof CHILD_PROPOSAL_STATUSES)[number]
/** The stage a child sees: derived from review, agenda, answer and hand-off. */
export const CHILD_PROPOSAL_STAGES = ['pending', 'rejected', 'approved', 'on_agenda', 'answered', 'handed_off', 'done'] as const
export type ChildProposalStage = (typeof CHILD_PROPOSAL_STAGES)[number]
export const CHILD_PROPOSAL_STAGE_LABEL: Record<ChildProposalStage, string> = {
  pending: '🕐 等大人看',
  rejected: '📝 这次没有通过',
  approved: '✅ 通过啦',
  on_agenda: '🗣️ 要在会上讨论',
  answered: '💌 大人回信了',
  handed_off: '🏗️ 社区在办',
  done: '🎉 办好啦',
}

export const ANSWER_KINDS = ['yes', 'later', 'no'] as const
export type AnswerKind = (typeof ANSWER_KINDS)[number]
export const ANSWER_KIND_LABEL: Record<AnswerKind, string> = { yes: '会去做', later: '还在想', no: '暂时不行' }

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const
export type VoteChoice = (typeof VOTE_CHOICES)[number]
export const VOTE_CHOICE_LABEL: Record<VoteChoice, string> = { yes: '赞成', no: '反对', abstain: '弃权' }

export const MEETING_STATUSES = ['draft', 'published', 'closed'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]
export const MEETING_STATUS_LABEL: Record<MeetingStatus, string> = { draft: '准备中', published: '已公布议程', closed: '已发布纪要' }

/** Subscribe-message templates: ids from deploy.config.ts (this build's profile). Fields: thing ≤ 20, phrase ≤ 5 汉字. */
export const COUNCIL_TEMPLATES = {
  /** 建议答复通知: thing1 建议 · phrase2 结果 · thing3 答复 · date4 日期 */
  get answer() {
    return templateId('councilAnswer')
  },
  /** 会议通知: thing1 会议 · date2 时间 · thing3 地点 */
  get agenda() {
    return templateId('councilMeeting')
  },
}

export const COUNCIL_PAGES = {
  home: 'packages/council/pages/index/index',
  proposal: 'packages/council/pages/proposal/index',
  meeting: 'packages/council/pages/meeting/index',
  staff: 'packages/council-staff/pages/index/index',
} as const

export const COUNCIL_INBOX_KINDS = ['council.answer', 'council.agenda', 'council.review', 'council.member', 'council.done'] as const

/** What a child looks like to anyone but staff and their own guardian: "小明 · 11岁". */
export const childLabel = (alias: string, age: number) => `${alias} · ${age}岁`
