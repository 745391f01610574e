/** Pure rules of the children's council: ages, consent, review and answers, agenda order, speaking queue, votes. */
import {
  COUNCIL_CONSENT_VERSION,
  formatShanghai,
  shanghaiYear,
  type ActedBy,
  type AgendaItemDoc,
  type ChildProposalDoc,
  type ChildProposalStage,
  type CouncilDoc,
  type CouncilMeetingDoc,
  type CouncilMemberDoc,
} from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'

const DAY = 24 * 60 * 60 * 1000

export const ageOf = (birthYear: number, now: Date) => shanghaiYear(now) - birthYear

export function checkAge(council: Pick<CouncilDoc, 'minAge' | 'maxAge'>, birthYear: number, now: Date): Refusal | null {
  const age = ageOf(birthYear, now)
  return age < council.minAge || age > council.maxAge
    ? { code: 'COUNCIL.AGE_OUT_OF_RANGE', message: `age ${age} is outside ${council.minAge}–${council.maxAge}` }
    : null
}

/** The guardian must consent to the current text; an older version is refused (and nothing is stored). */
export const checkConsent = (version: string): Refusal | null =>
  version === COUNCIL_CONSENT_VERSION
    ? null
    : { code: 'COUNCIL.CONSENT_OUTDATED', message: `consent to ${COUNCIL_CONSENT_VERSION} required` }

/** Applying again: a pending or approved membership stays as it is; a former member may re-apply. */
export function decideApply(existing: Pick<CouncilMemberDoc, 'status'> | null): 'create' | 'reapply' | 'existing' {
  if (!existing) return 'create'
  return existing.status === 'left' ? 'reapply' : 'existing'
}

/**
 * The council's term is over once its last day (termEnd, a China calendar day) has passed. Then memberships are
 * shown as ended and the chair's powers lapse; staff start a new term with `setup` (new dates).
 */
export const termEnded = (council: Pick<CouncilDoc, 'termEnd'>, now: Date) => formatShanghai(now, 'YYYY-MM-DD') > council.termEnd

/** Naming a chair: a member of this council, approved, during the term. Clearing (null) is always possible. */
export function decideSetChair(
  council: Pick<CouncilDoc, '_id' | 'termEnd'>,
  member: Pick<CouncilMemberDoc, 'councilId' | 'status'> | null,
  now: Date,
): Refusal | null {
  if (!member || member.councilId !== council._id) return { code: 'COUNCIL.MEMBER_NOT_FOUND', message: 'not a member of this council' }
  if (member.status !== 'approved') return { code: 'COUNCIL.MEMBER_INVALID_STATE', message: `member is ${member.status}` }
  if (termEnded(council, now)) return { code: 'COUNCIL.MEMBER_INVALID_STATE', message: 'the council’s term has ended' }
  return null
}

export const purgeAfter = (leftAt: Date, retentionDays: number) => new Date(leftAt.getTime() + retentionDays * DAY)

/** Former members whose retention period has passed. */
export const isDueForPurge = (m: Pick<CouncilMemberDoc, 'status' | 'purgeAfter'>, now: Date) =>
  m.status === 'left' && m.purgeAfter !== null && m.purgeAfter.getTime() <= now.getTime()

// ---------- child proposals ----------

export const answerDueAt = (reviewedAt: Date, answerDays: number) => new Date(reviewedAt.getTime() + answerDays * DAY)

/** Every reviewed proposal (approved or not) needs an adult's answer; it is overdue once the due date passed unanswered. */
export const isOverdue = (p: Pick<ChildProposalDoc, 'status' | 'answer' | 'answerDueAt'>, now: Date) =>
  p.status !== 'pending' && p.answer === null && p.answerDueAt !== null && p.answerDueAt.getTime() < now.getTime()

export function decideReview(p: Pick<ChildProposalDoc, 'status'>): Refusal | null {
  return p.status === 'pending' ? null : { code: 'COUNCIL.PROPOSAL_INVALID_STATE', message: `already reviewed (${p.status})` }
}

export function decideRespond(p: Pick<ChildProposalDoc, 'status' | 'answer'>): Refusal | null {
  if (p.status === 'pending') return { code: 'COUNCIL.PROPOSAL_INVALID_STATE', message: 'review the proposal first' }
  return null // answering again corrects the answer
}

/** What the child sees. */
export function stageOf(
  p: Pick<ChildProposalDoc, 'status' | 'answer' | 'meetingId' | 'handoff' | 'handoffOpen'>,
  handoffDone = false,
): ChildProposalStage {
  if (p.status === 'pending') return 'pending'
  if (p.handoff) return handoffDone || (p.handoff.doneNotifiedAt !== null && !p.handoffOpen) ? 'done' : 'handed_off'
  if (p.answer) return 'answered'
  if (p.status === 'rejected') return 'rejected'
  return p.meetingId ? 'on_agenda' : 'approved'
}

// ---------- agenda ----------

/** Items in display order (order, then the order they were added). */
export const sortItems = (items: AgendaItemDoc[]) => [...items].sort((a, b) => a.order - b.order)

/** Insert at `order` (or at the end) and renumber 0..n-1. */
export function insertItem(items: AgendaItemDoc[], item: AgendaItemDoc, order?: number): AgendaItemDoc[] {
  const list = sortItems(items)
  const at = order === undefined ? list.length : Math.max(0, Math.min(order, list.length))
  list.splice(at, 0, item)
  return list.map((it, i) => ({ ...it, order: i }))
}

/** A reorder must name every item exactly once. */
export function reorder(items: AgendaItemDoc[], itemIds: string[]): AgendaItemDoc[] | Refusal {
  const known = new Set(items.map((i) => i.itemId))
  if (itemIds.length !== items.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => known.has(id))) {
    return { code: 'COUNCIL.ITEM_NOT_FOUND', message: 'itemIds must list every agenda item once' }
  }
  const byId = new Map(items.map((i) => [i.itemId, i]))
  return itemIds.map((id, order) => ({ ...byId.get(id)!, order }))
}

export function decideAgendaEdit(meeting: Pick<CouncilMeetingDoc, 'status'>): Refusal | null {
  return meeting.status === 'closed' ? { code: 'COUNCIL.MEETING_INVALID_STATE', message: 'minutes are published' } : null
}

export function decidePublishAgenda(meeting: Pick<CouncilMeetingDoc, 'status' | 'items'>): Refusal | null {
  if (meeting.status !== 'draft') return { code: 'COUNCIL.MEETING_INVALID_STATE', message: `meeting is ${meeting.status}` }
  if (meeting.items.length === 0) return { code: 'COUNCIL.MEETING_INVALID_STATE', message: 'the agenda is empty' }
  return null
}

// ---------- speaking queue ----------

type Speaking = CouncilMeetingDoc['speaking']

/** Raise a hand: once in the queue (the current speaker may queue for a later turn). Returns the state and the 1-based position. */
export function raiseHand(
  speaking: Speaking,
  memberId: string,
  now: Date,
  actedBy?: ActedBy,
): { speaking: Speaking; queued: boolean; position: number } {
  const ordered = queueOrder(speaking)
  const at = ordered.findIndex((q) => q.memberId === memberId)
  if (at >= 0) return { speaking, queued: false, position: at + 1 }
  const next = { ...speaking, queue: [...speaking.queue, { memberId, raisedAt: now, ...(actedBy ? { actedBy } : {}) }] }
  return { speaking: next, queued: true, position: queueOrder(next).findIndex((q) => q.memberId === memberId) + 1 }
}

/** Everyone gets a turn: fewer turns so far first (those who have not spoken go first), then who raised a hand first. */
export function queueOrder(speaking: Speaking): Speaking['queue'] {
  const turns = speaking.turns ?? {}
  return [...speaking.queue].sort(
    (a, b) => (turns[a.memberId] ?? 0) - (turns[b.memberId] ?? 0) || new Date(a.raisedAt).getTime() - new Date(b.raisedAt).getTime(),
  )
}

/** The current speaker's turn ends; the next in queue order starts now (with their own timer). */
export function nextSpeaker(speaking: Speaking, now: Date): Speaking {
  const ordered = queueOrder(speaking)
  const [next, ...rest] = ordered
  if (!next) return { ...speaking, current: null }
  const turns = { ...(speaking.turns ?? {}), [next.memberId]: (speaking.turns?.[next.memberId] ?? 0) + 1 }
  return { current: { memberId: next.memberId, since: now }, queue: rest, turns }
}

// ---------- votes ----------

/** Quorum: more than half of the council's members are present. Exactly half is not enough. */
export const quorumMet = (present: number, memberCount: number) => memberCount > 0 && present * 2 > memberCount

/** A motion passes with quorum and more 赞成 than 反对 (弃权 counts for neither). */
export const passes = (tally: { yes: number; no: number }, hasQuorum: boolean) => hasQuorum && tally.yes > tally.no

export function findItem(meeting: Pick<CouncilMeetingDoc, 'items'>, itemId: string): AgendaItemDoc | Refusal {
  return meeting.items.find((i) => i.itemId === itemId) ?? { code: 'COUNCIL.ITEM_NOT_FOUND', message: 'no such agenda item' }
}

export function decideOpenVote(meeting: Pick<CouncilMeetingDoc, 'status'>, item: AgendaItemDoc): Refusal | null {
  if (meeting.status !== 'published') return { code: 'COUNCIL.MEETING_INVALID_STATE', message: 'publish the agenda first' }
  if (item.vote) return { code: 'COUNCIL.VOTE_INVALID_STATE', message: `vote already ${item.vote.status}` }
  return null
}

export function decideCastVote(
  meeting: Pick<CouncilMeetingDoc, 'status' | 'attendance' | 'items'>,
  itemId: string,
  memberId: string,
): Refusal | { secret: boolean } {
  const item = findItem(meeting, itemId)
  if ('code' in item) return item
  if (!item.vote || item.vote.status !== 'open') return { code: 'COUNCIL.VOTE_NOT_OPEN', message: 'the vote is not open' }
  if (!meeting.attendance.includes(memberId)) return { code: 'COUNCIL.NOT_PRESENT', message: 'only members present vote' }
  return { secret: item.vote.secret }
}

export function decideCloseVote(item: AgendaItemDoc): Refusal | null {
  return item.vote?.status === 'open' ? null : { code: 'COUNCIL.VOTE_NOT_OPEN', message: 'the vote is not open' }
}

export function decideMinutes(meeting: Pick<CouncilMeetingDoc, 'status' | 'items'>): Refusal | null {
  if (meeting.status !== 'published') return { code: 'COUNCIL.MEETING_INVALID_STATE', message: `meeting is ${meeting.status}` }
  if (meeting.items.some((i) => i.vote?.status === 'open')) return { code: 'COUNCIL.VOTE_INVALID_STATE', message: 'close open votes first' }
  return null
}
