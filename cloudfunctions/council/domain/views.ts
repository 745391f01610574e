/** Read models: stored docs + viewer + now → what the client gets. Never an openid; a child is "alias · age". */
import {
  COUNCIL_CONSENT_VERSION,
  childLabel,
  type AgendaItemView,
  type ChildProposalDoc,
  type ChildProposalView,
  type CouncilDoc,
  type CouncilMeetingDoc,
  type CouncilMemberDoc,
  type CouncilView,
  type MeetingView,
  type CouncilMemberView,
  type CouncilPublicMember,
  type VoteChoice,
} from '../../../types/index'
import {
  canApply,
  canApprove,
  canBeChair,
  canLeave,
  canManageAgenda,
  canManageCouncil,
  canSeeChildPrivate,
  canSetChair,
  holdsChair,
  isChildOf,
  isGuardianOf,
  type CouncilViewer,
} from './permissions'
import { ageOf, isOverdue, queueOrder, sortItems, stageOf, termEnded } from './rules'

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null)

/** `chair`: the member named chair (null when none or not loaded); shown only while they hold the chair. */
export function toCouncilView(c: CouncilDoc, viewer: CouncilViewer, now: Date, chair: CouncilMemberDoc | null): CouncilView {
  const current = holdsChair(c, chair, now) ? chair : null
  return {
    councilId: c._id,
    communityId: c.communityId,
    name: c.name,
    termStart: c.termStart,
    termEnd: c.termEnd,
    minAge: c.minAge,
    maxAge: c.maxAge,
    answerDays: c.answerDays,
    retentionDays: c.retentionDays,
    memberCount: c.memberCount,
    consentVersion: COUNCIL_CONSENT_VERSION,
    termEnded: termEnded(c, now),
    chair: current
      ? {
          memberId: canSeeChildPrivate(viewer, current) ? current._id : null,
          label: childLabel(current.alias, ageOf(current.birthYear, now)),
        }
      : null,
    viewer: {
      canManage: canManageCouncil(viewer, c.communityId),
      canApply: canApply(viewer, c.communityId),
      canManageAgenda: canManageAgenda(viewer, c, chair, now),
      canSetChair: canSetChair(viewer, c),
    },
  }
}

/** `withId` only for staff and the child's own guardian (the id is what meeting mode and the guardian act on). */
export function toPublicMember(m: Pick<CouncilMemberDoc, '_id' | 'alias' | 'birthYear'>, now: Date, withId = true): CouncilPublicMember {
  const age = ageOf(m.birthYear, now)
  return { memberId: withId ? m._id : null, label: childLabel(m.alias, age), alias: m.alias, age }
}

/** `council` for the chair and the term (null: not loaded, shown as no chair and term running). */
export function toMemberView(m: CouncilMemberDoc, viewer: CouncilViewer, now: Date, council: CouncilDoc | null = null): CouncilMemberView {
  return {
    ...toPublicMember(m, now),
    memberId: m._id,
    childId: m.childId,
    status: m.status,
    appliedAt: iso(m.appliedAt)!,
    approvedAt: iso(m.approvedAt),
    leftAt: iso(m.leftAt),
    consentVersion: m.consent.version,
    isChair: council !== null && holdsChair(council, m, now),
    termEnded: council !== null && termEnded(council, now),
    viewer: {
      isGuardian: isGuardianOf(viewer, m),
      isChild: isChildOf(viewer, m),
      canLeave: canLeave(viewer, m),
      canApprove: canApprove(viewer, m),
      canSetChair: council !== null && canSetChair(viewer, council) && canBeChair(council, m) && !termEnded(council, now),
    },
  }
}

/** `member` is the proposal's member when the caller may know it (staff, guardian, child) — then private fields are filled. */
export function toProposalView(
  p: ChildProposalDoc,
  viewer: CouncilViewer,
  now: Date,
  member: CouncilMemberDoc | null,
  photoUrl: string | null,
  handoffDone = false,
): ChildProposalView {
  const showPrivate = member !== null && member._id === p.memberId && canSeeChildPrivate(viewer, member)
  return {
    proposalId: p._id,
    communityId: p.communityId,
    label: childLabel(p.alias, ageOf(p.birthYear, now)),
    noticed: p.noticed,
    idea: p.idea,
    category: p.category,
    photoUrl,
    stage: stageOf(p, handoffDone),
    createdAt: iso(p.createdAt)!,
    answer: p.answer ? { kind: p.answer.kind, text: p.answer.text, at: iso(p.answer.at)! } : null,
    private: showPrivate
      ? {
          status: p.status,
          reviewNote: p.review?.note ?? null,
          answerDueAt: iso(p.answerDueAt),
          overdue: isOverdue(p, now),
          memberId: p.memberId,
          submittedBy: p.actedBy.as === 'child' ? 'child' : 'guardian',
          handedOff: p.handoff !== null,
        }
      : null,
  }
}

export interface MeetingExtras {
  /** memberId → member (for labels; only staff views list people) */
  members: Map<string, CouncilMemberDoc>
  /** itemId → ballots of a closed open vote */
  ballots: Map<string, { memberId: string; choice: VoteChoice }[]>
  /** itemId → how many voted so far (staff, open votes) */
  voted: Map<string, number>
  /** the caller may edit this meeting's agenda (staff, or acting as the chair) */
  canManageAgenda: boolean
}

export function toMeetingView(m: CouncilMeetingDoc, viewer: CouncilViewer, now: Date, extras: MeetingExtras): MeetingView {
  const manage = canManageCouncil(viewer, m.communityId)
  const label = (memberId: string) => {
    const member = extras.members.get(memberId)
    return member ? childLabel(member.alias, ageOf(member.birthYear, now)) : '已退出的成员'
  }
  const items: AgendaItemView[] = sortItems(m.items).map((i) => ({
    itemId: i.itemId,
    title: i.title,
    presenter: i.presenterAlias,
    durationMinutes: i.durationMinutes,
    order: i.order,
    fromProposal: i.proposalId !== null,
    vote: i.vote
      ? {
          status: i.vote.status,
          secret: i.vote.secret,
          tally: i.vote.status === 'closed' ? i.vote.tally : null,
          present: i.vote.present,
          quorumMet: i.vote.quorumMet,
          passed: i.vote.passed,
          ballots:
            i.vote.status === 'closed' && !i.vote.secret
              ? (extras.ballots.get(i.itemId) ?? []).map((b) => ({ label: label(b.memberId), choice: b.choice }))
              : null,
          votedCount: manage ? (extras.voted.get(i.itemId) ?? null) : null,
        }
      : null,
    decision: i.decision
      ? { text: i.decision.text, nextStep: i.decision.nextStep, handedOff: i.decision.handoffProposalId !== null }
      : null,
  }))
  const approved = [...extras.members.values()].filter((x) => x.status === 'approved')
  return {
    meetingId: m._id,
    communityId: m.communityId,
    title: m.title,
    startsAt: iso(m.startsAt)!,
    place: m.place,
    status: m.status,
    items,
    attendanceCount: m.attendance.length,
    minutes: m.minutes
      ? {
          summary: m.minutes.summary,
          nextSteps: m.minutes.nextSteps,
          attendanceCount: m.minutes.attendanceCount,
          publishedAt: iso(m.minutes.publishedAt)!,
        }
      : null,
    staff: manage
      ? {
          present: m.attendance.filter((id) => extras.members.has(id)).map((id) => toPublicMember(extras.members.get(id)!, now)),
          members: approved.map((x) => toPublicMember(x, now)),
          speaking: {
            current: m.speaking.current
              ? { memberId: m.speaking.current.memberId, label: label(m.speaking.current.memberId), since: iso(m.speaking.current.since)! }
              : null,
            queue: queueOrder(m.speaking).map((q) => ({
              memberId: q.memberId,
              label: label(q.memberId),
              turns: m.speaking.turns?.[q.memberId] ?? 0,
            })),
            seconds: m.speakingSeconds,
          },
        }
      : null,
    viewer: { canManage: manage, canManageAgenda: extras.canManageAgenda },
  }
}
