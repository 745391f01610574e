/**
 * The workbench's to-do list: one item per thing waiting for staff, nearest deadline first (no deadline last, oldest
 * first), overdue flagged. Pure: built from records the repo loaded with indexed queries.
 */
import {
  COURSE_CATEGORIES,
  type AdjustmentTaskDoc,
  type ChildProposalDoc,
  type EventDoc,
  type ProposalCommentDoc,
  type ProposalDoc,
  type TodoItem,
} from '../../../types/index'

/** An event is "filling up" at this share of its places (the same 80 % as the staff alert). */
export const FILLING_SHARE = 0.8

export interface TodoRecords {
  pendingProposals: ProposalDoc[]
  mustAnswer: ProposalDoc[]
  reportedProposals: ProposalDoc[]
  reportedComments: ProposalCommentDoc[]
  childPending: ChildProposalDoc[]
  childApproved: ChildProposalDoc[]
  tasks: AdjustmentTaskDoc[]
  upcoming: EventDoc[]
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null)
const q = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')

export function todoItems(communityId: string, r: TodoRecords, now: Date): TodoItem[] {
  const items: (TodoItem & { since: number })[] = []
  const push = (item: Omit<TodoItem, 'overdue' | 'communityId'>, since: Date | string) =>
    items.push({ ...item, communityId, overdue: item.dueAt !== null && item.dueAt < now.toISOString(), since: new Date(since).getTime() })
  const queue = (tab?: string) => `/packages/proposals-staff/pages/queue/index?${q({ communityId, ...(tab ? { tab } : {}) })}`
  const council = `/packages/council-staff/pages/index/index?${q({ communityId })}`

  for (const p of r.pendingProposals) push({ kind: 'proposalReview', id: p._id, title: p.title, dueAt: null, page: queue() }, p.createdAt)
  for (const p of r.mustAnswer) {
    if (p.finalAnsweredAt || p.status === 'withdrawn' || !p.answerDueAt) continue
    push(
      {
        kind: 'proposalAnswer',
        id: p._id,
        title: p.title,
        dueAt: iso(p.answerDueAt),
        page: `/packages/proposals-staff/pages/answer/index?${q({ proposalId: p._id })}`,
      },
      p.thresholdReachedAt ?? p.createdAt,
    )
  }
  for (const p of r.reportedProposals)
    push({ kind: 'reported', id: p._id, title: p.title, dueAt: null, page: queue('reports') }, p.updatedAt)
  for (const c of r.reportedComments)
    push({ kind: 'reported', id: c._id, title: '被举报的评论', dueAt: null, page: queue('reports') }, c.updatedAt)
  // a child's words never reach the list: the category only
  for (const c of r.childPending)
    push({ kind: 'childReview', id: c._id, title: `儿童建议 · ${c.category}`, dueAt: null, page: council }, c.createdAt)
  for (const c of r.childApproved) {
    if (c.answer) continue
    push({ kind: 'childAnswer', id: c._id, title: `答复孩子 · ${c.category}`, dueAt: iso(c.answerDueAt), page: council }, c.createdAt)
  }
  for (const t of r.tasks) {
    if (t.status !== 'open') continue
    push(
      {
        kind: 'adjustment',
        id: t._id,
        title: `${t.eventTitle}（平均 ${t.average.toFixed(1)} 分）`,
        dueAt: null,
        page: `/packages/events-staff/pages/signups/index?${q({ eventId: t.eventId })}`,
      },
      t.openedAt,
    )
  }
  for (const e of r.upcoming) {
    if (e.status !== 'published' || new Date(e.startAt) <= now) continue
    const signups = `/packages/events-staff/pages/signups/index?${q({ eventId: e._id })}`
    if (e.allocation === 'lottery') {
      if (e.drawState !== 'done' && new Date(e.signupClosesAt) <= now)
        push({ kind: 'lotteryDue', id: e._id, title: e.title, dueAt: iso(e.startAt), page: signups }, e.signupClosesAt)
      continue
    }
    if (new Date(e.signupClosesAt) > now && e.capacity > 0 && e.confirmedCount >= Math.ceil(e.capacity * FILLING_SHARE)) {
      const label = COURSE_CATEGORIES.includes(e.category) ? '课程' : '活动'
      push(
        {
          kind: 'eventFilling',
          id: e._id,
          title: `${e.title}（${label} ${e.confirmedCount}/${e.capacity}）`,
          dueAt: iso(e.signupClosesAt),
          page: signups,
        },
        e.createdAt,
      )
    }
  }
  return items
    .sort((a, b) => {
      if (a.dueAt && b.dueAt) return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0
      if (a.dueAt) return -1
      if (b.dueAt) return 1
      return a.since - b.since
    })
    .map(({ since: _since, ...item }) => item)
}
