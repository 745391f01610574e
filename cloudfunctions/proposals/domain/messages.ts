/**
 * What the author and supporters receive: an inbox entry (full text) and a subscribe message whose values respect
 * WeChat's field limits (thing ≤ 20 characters, phrase ≤ 5 Chinese characters, date Y-M-D) — a value over the
 * limit makes the whole send fail with 47003. Pure.
 */
import {
  ANSWER_DECISION_LABEL,
  PROPOSAL_PAGES,
  PROPOSAL_TEMPLATES,
  formatShanghai,
  type AnswerDecision,
  type InboxKind,
  type ReviewDecision,
} from '../../../types/index'
import { PHRASE_MAX, THING_MAX, phraseValue as phrase, thingValue as thing } from '../../../types/subscribe-fields'

export { PHRASE_MAX, THING_MAX, phrase, thing }

export const date = (at: Date) => formatShanghai(at, 'YYYY-MM-DD')

export interface Message {
  kind: InboxKind
  communityId: string
  title: string
  body: string
  /** page + query, no leading slash */
  page: string
  subscribe: { templateId: string; data: Record<string, string> } | null
}

const detailPage = (proposalId: string) => `${PROPOSAL_PAGES.detail}?proposalId=${proposalId}`

const REVIEW_PHRASE: Record<ReviewDecision, string> = { publish: '已公示', return: '需修改', reject: '未通过' }

/** To the author, after staff review. */
export function reviewMessage(
  p: { _id: string; communityId: string; title: string },
  decision: ReviewDecision,
  reason: string | null,
  at: Date,
): Message {
  const title = { publish: '你的建议已公示', return: '你的建议需要补充修改', reject: '你的建议未通过审核' }[decision]
  const body =
    decision === 'publish'
      ? `「${p.title}」已通过审核并公示，邻居们现在可以附议了。`
      : `「${p.title}」${decision === 'return' ? '需要补充修改后再提交' : '未通过审核'}。原因：${reason ?? '—'}`
  return {
    kind: 'proposal.review',
    communityId: p.communityId,
    title,
    body,
    page: detailPage(p._id),
    subscribe: {
      templateId: PROPOSAL_TEMPLATES.review,
      data: { thing1: thing(p.title), phrase2: phrase(REVIEW_PHRASE[decision]), thing3: thing(reason ?? '感谢你的建议'), date4: date(at) },
    },
  }
}

/** To the author and every supporter, when staff answer. */
export function answerMessage(
  p: { _id: string; communityId: string; title: string },
  answer: { decision: AnswerDecision; explanation: string; cost: number | null; dueDate: string | null },
  at: Date,
): Message {
  const label = ANSWER_DECISION_LABEL[answer.decision]
  const extra = [answer.cost !== null ? `预算 ${answer.cost} 元` : '', answer.dueDate ? `预计 ${answer.dueDate} 前完成` : '']
    .filter(Boolean)
    .join('，')
  return {
    kind: 'proposal.answer',
    communityId: p.communityId,
    title: `建议有了答复：${label}`,
    body: `「${p.title}」${label}。${answer.explanation}${extra ? `（${extra}）` : ''}`,
    page: detailPage(p._id),
    subscribe: {
      templateId: PROPOSAL_TEMPLATES.answer,
      data: { thing1: thing(p.title), phrase2: phrase(label), thing3: thing(answer.explanation), date4: date(at) },
    },
  }
}

/** To the author and every supporter of each proposal of a completed project. */
export function outcomeMessage(
  p: { _id: string; communityId: string; title: string },
  project: { title: string; outcome: string },
  at: Date,
): Message {
  return {
    kind: 'proposal.outcome',
    communityId: p.communityId,
    title: '你关注的建议已办结',
    body: `「${p.title}」已通过项目「${project.title}」完成。成效：${project.outcome}`,
    page: detailPage(p._id),
    subscribe: {
      templateId: PROPOSAL_TEMPLATES.outcome,
      data: { thing1: thing(p.title), phrase2: phrase('已办结'), thing3: thing(project.outcome), date4: date(at) },
    },
  }
}

/** To the author, once, when supports cross the threshold (inbox only: no template is spent on it). */
export function thresholdMessage(p: { _id: string; communityId: string; title: string }, threshold: number, dueAt: Date): Message {
  return {
    kind: 'proposal.threshold',
    communityId: p.communityId,
    title: `你的建议已有 ${threshold} 位邻居附议`,
    body: `「${p.title}」的附议达到 ${threshold} 人，社区将在 ${date(dueAt)} 前给出答复。`,
    page: detailPage(p._id),
    subscribe: null,
  }
}
