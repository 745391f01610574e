/**
 * Pure rules about proposals: the state machine (one transition table), supports and their threshold, deadlines,
 * reports and visibility. Every function takes what it needs (and `now`) and returns a decision or a refusal;
 * actions load, ask these, then write with a conditional update on the state they decided from.
 */
import {
  REPORTS_TO_HIDE,
  isListed,
  type AnswerDecision,
  type ProposalDoc,
  type ProposalSettings,
  type ProposalStatus,
  type ReviewDecision,
} from '../../../types/index'
import { isRefusal, type Refusal } from '../../_kernel/errors'

const DAY_MS = 24 * 60 * 60 * 1000

export type Transition =
  'update' | 'publish' | 'reject' | 'return' | 'withdraw' | 'evaluate' | 'accept' | 'decline' | 'startProject' | 'complete'

export type Actor = 'author' | 'staff'

/** The state machine. A status change that is not a row of this table never happens (property-tested). */
export const TRANSITIONS: Record<Transition, { from: readonly ProposalStatus[]; to: ProposalStatus; by: Actor }> = {
  update: { from: ['pending', 'returned'], to: 'pending', by: 'author' },
  publish: { from: ['pending'], to: 'published', by: 'staff' },
  reject: { from: ['pending'], to: 'refused', by: 'staff' },
  return: { from: ['pending'], to: 'returned', by: 'staff' },
  withdraw: { from: ['pending', 'returned', 'published'], to: 'withdrawn', by: 'author' },
  evaluate: { from: ['published'], to: 'evaluating', by: 'staff' },
  accept: { from: ['published', 'evaluating'], to: 'accepted', by: 'staff' },
  decline: { from: ['published', 'evaluating'], to: 'rejected', by: 'staff' },
  startProject: { from: ['accepted'], to: 'implementing', by: 'staff' },
  complete: { from: ['implementing'], to: 'completed', by: 'staff' },
}

/** No transition leaves these. */
export const TERMINAL_STATUSES: readonly ProposalStatus[] = ['refused', 'rejected', 'completed', 'withdrawn']
/** Residents may support (and take back a support) only in these, within the support window. */
export const SUPPORTABLE_STATUSES: readonly ProposalStatus[] = ['published', 'evaluating']
/** Staff still owe a final answer in these. */
export const AWAITING_ANSWER: readonly ProposalStatus[] = ['published', 'evaluating']

export const REVIEW_TRANSITION: Record<ReviewDecision, Transition> = { publish: 'publish', reject: 'reject', return: 'return' }
export const ANSWER_TRANSITION: Record<AnswerDecision, Transition> = { evaluating: 'evaluate', accepted: 'accept', rejected: 'decline' }

/** May the proposal take this transition now? `{from, to}` or why not. Withdrawal also needs nobody else's support. */
export function decideTransition(
  proposal: Pick<ProposalDoc, 'status' | 'supportCount'>,
  transition: Transition,
): { from: ProposalStatus; to: ProposalStatus } | Refusal {
  const rule = TRANSITIONS[transition]
  if (!rule.from.includes(proposal.status)) {
    return { code: 'PROPOSAL.INVALID_STATE', message: `cannot ${transition} a ${proposal.status} proposal` }
  }
  if (transition === 'withdraw' && proposal.supportCount > 0) {
    return { code: 'PROPOSAL.HAS_SUPPORTERS', message: 'others already support it: it cannot be withdrawn' }
  }
  return { from: proposal.status, to: rule.to }
}

export const allowed = (proposal: Pick<ProposalDoc, 'status' | 'supportCount'>, transition: Transition) =>
  !isRefusal(decideTransition(proposal, transition))

/**
 * Where a new proposal starts. Published at once only in a post-review community, for text that passed the check,
 * without photos (images get human review: the async image check needs infrastructure the cloud function lacks)
 * and not from a child (children's content is always reviewed first).
 */
export function initialStatus(
  settings: Pick<ProposalSettings, 'review'>,
  submission: { moderation: 'pass' | 'review'; photoCount: number; authorIsChild: boolean },
): 'pending' | 'published' {
  const direct = settings.review === 'post' && submission.moderation === 'pass' && submission.photoCount === 0 && !submission.authorIsChild
  return direct ? 'published' : 'pending'
}

/** The fields publication sets: listed from now on, supports open for the community's window. */
export function publication(now: Date, settings: Pick<ProposalSettings, 'supportWindowDays'>) {
  return { isPublic: true, publishedAt: now, supportUntil: new Date(now.getTime() + settings.supportWindowDays * DAY_MS) }
}

/** A category must be in the community's list. */
export function checkCategory(settings: Pick<ProposalSettings, 'categories'>, category: string): Refusal | null {
  return settings.categories.includes(category)
    ? null
    : { code: 'PROPOSAL.CATEGORY_UNKNOWN', message: `category not in the community's list: ${category}` }
}

/** Listed for residents: published at some point and not hidden by moderation (types/visibility.ts; search uses it too, 0102). */
export { isListed }

type SupportFacts = Pick<ProposalDoc, 'status' | 'hidden' | 'supportUntil'>

/** Supports are open: a supportable status, not hidden, within the window (the window's last instant included). */
export function supportOpen(p: SupportFacts, now: Date): boolean {
  return SUPPORTABLE_STATUSES.includes(p.status) && !p.hidden && p.supportUntil !== null && now.getTime() <= p.supportUntil.getTime()
}

/** Supporting: never one's own proposal; only while supports are open. */
export function decideSupport(p: SupportFacts, now: Date, isAuthor: boolean): true | Refusal {
  if (isAuthor) return { code: 'PROPOSAL.OWN', message: 'the author cannot support their own proposal' }
  if (!supportOpen(p, now)) return { code: 'PROPOSAL.SUPPORT_CLOSED', message: 'supports are closed for this proposal' }
  return true
}

/** Taking a support back: only while supports are open (afterwards the count is the record of the window). */
export function decideUnsupport(p: SupportFacts, now: Date): true | Refusal {
  return supportOpen(p, now) ? true : { code: 'PROPOSAL.SUPPORT_CLOSED', message: 'supports are closed for this proposal' }
}

export const thresholdReached = (supportCount: number, threshold: number) => supportCount >= threshold

/** When staff must have answered, counted from the moment the threshold was crossed. */
export const answerDeadline = (reachedAt: Date, answerDays: number) => new Date(reachedAt.getTime() + answerDays * DAY_MS)

type AnswerFacts = Pick<ProposalDoc, 'status' | 'answerDueAt' | 'finalAnsweredAt'>

/** On the must-answer list and past its deadline, with no final answer yet. */
export function isOverdue(p: AnswerFacts, now: Date): boolean {
  return (
    AWAITING_ANSWER.includes(p.status) && p.answerDueAt !== null && p.finalAnsweredAt === null && now.getTime() > p.answerDueAt.getTime()
  )
}

/** The must-answer list's counts: still open, of which overdue; answered on time or late. */
export function mustAnswerCounts(proposals: (AnswerFacts & Pick<ProposalDoc, 'thresholdReachedAt'>)[], now: Date) {
  const counts = { open: 0, overdue: 0, answeredOnTime: 0, answeredLate: 0 }
  for (const p of proposals) {
    if (p.thresholdReachedAt === null || p.answerDueAt === null) continue
    if (p.finalAnsweredAt !== null) {
      if (p.finalAnsweredAt.getTime() > p.answerDueAt.getTime()) counts.answeredLate++
      else counts.answeredOnTime++
    } else if (AWAITING_ANSWER.includes(p.status)) {
      counts.open++
      if (isOverdue(p, now)) counts.overdue++
    }
  }
  return counts
}

/** Must-answer order: the earliest deadline first. */
export function compareByDeadline(a: Pick<ProposalDoc, '_id' | 'answerDueAt'>, b: Pick<ProposalDoc, '_id' | 'answerDueAt'>): number {
  const at = a.answerDueAt?.getTime() ?? Infinity
  const bt = b.answerDueAt?.getTime() ?? Infinity
  if (at !== bt) return at - bt
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
}

/** Reporting: not one's own words, and only what is listed (a hidden item already waits for staff). */
export function decideReport(target: { hidden: boolean; listed: boolean }, isAuthor: boolean): true | Refusal {
  if (isAuthor) return { code: 'PROPOSAL.OWN', message: "one cannot report one's own proposal or comment" }
  if (!target.listed || target.hidden) return { code: 'PROPOSAL.INVALID_STATE', message: 'only listed content can be reported' }
  return true
}

/** Reports from this many different residents hide the item until staff decide. */
export const hiddenByReports = (reportCount: number) => reportCount >= REPORTS_TO_HIDE

/** Answer fields: cost and due date only with an acceptance. */
export function answerFields(input: { decision: AnswerDecision; explanation: string; cost?: number; dueDate?: string }, now: Date) {
  return {
    decision: input.decision,
    explanation: input.explanation,
    cost: input.decision === 'accepted' ? (input.cost ?? null) : null,
    dueDate: input.decision === 'accepted' ? (input.dueDate ?? null) : null,
    answeredAt: now,
  }
}

/** The first characters of a text, on one line, for lists. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return [...flat].length <= max ? flat : `${[...flat].slice(0, max).join('')}…`
}
