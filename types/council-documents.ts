/** Stored shapes of the children's council (issue 6). Instants are Dates. No real names, schools or faces. */
import type { AnswerKind, ChildProposalStatus, MeetingStatus, MemberStatus, VoteChoice } from './council-base'

/** `_id` = `council-${communityId}`: one council per community. Facilitators are the community's staff. */
export interface CouncilDoc {
  _id: string
  communityId: string
  name: string
  termStart: string
  termEnd: string
  minAge: number
  maxAge: number
  answerDays: number
  retentionDays: number
  memberCount: number
  /**
   * The elected chair: an approved member staff named, with who named them and when (absent or null: no chair).
   * The chair prepares meetings (create, add and reorder agenda items) while the term lasts — see permissions.ts.
   */
  chair?: { memberId: string; setBy: string; setAt: Date } | null
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
}

/** The guardian's consent, stored with the membership it allows (no membership → no consent → no child data). */
export interface ConsentRecord {
  guardianOpenid: string
  version: string
  at: Date
}

/** `_id` = `${councilId}_${childId}`: one membership per child and council. */
export interface CouncilMemberDoc {
  _id: string
  councilId: string
  communityId: string
  childId: string
  alias: string
  birthYear: number
  guardianOpenid: string
  /* the child's own WeChat account is not copied here: it is `children.openid`, resolved when needed */
  status: MemberStatus
  consent: ConsentRecord
  appliedAt: Date
  approvedAt: Date | null
  approvedBy: string | null
  leftAt: Date | null
  /** when the retention timer deletes this former member's council data */
  purgeAfter: Date | null
  /** moved by each of the member's votes and by each close of a vote they could take part in, so the two conflict (0031) */
  voteSeq?: number
  createdAt: Date
  updatedAt: Date
}

/** Who did something for a child: the guardian (以孩子的身份), the child's own account, or staff on the meeting phone. */
export interface ActedBy {
  actorOpenid: string
  childId: string
  as: 'guardian' | 'child' | 'staff'
}

export interface ChildProposalDoc {
  _id: string
  councilId: string
  communityId: string
  memberId: string
  childId: string
  /** alias and birth year copied at submission, so the public label needs no join */
  alias: string
  birthYear: number
  noticed: string
  idea: string
  category: string
  photo: string | null
  moderation: 'pass' | 'review'
  status: ChildProposalStatus
  review: { note: string | null; at: Date; by: string } | null
  answerDueAt: Date | null
  answer: { kind: AnswerKind; text: string; at: Date; by: string } | null
  meetingId: string | null
  /** the resident proposal created from a council decision (issue 5's proposals collection) */
  handoff: { proposalId: string; at: Date; doneNotifiedAt: Date | null } | null
  /** true while a handed-off proposal is not yet done and the child not yet told (the timer's query) */
  handoffOpen: boolean
  actedBy: ActedBy
  createdAt: Date
  updatedAt: Date
}

export interface AgendaItemDoc {
  itemId: string
  title: string
  presenterAlias: string | null
  presenterMemberId: string | null
  durationMinutes: number
  order: number
  proposalId: string | null
  vote: {
    status: 'open' | 'closed'
    secret: boolean
    openedAt: Date
    closedAt: Date | null
    tally: { yes: number; no: number; abstain: number } | null
    present: number | null
    memberCount: number | null
    quorumMet: boolean | null
    passed: boolean | null
  } | null
  decision: { text: string; nextStep: string | null; handoffProposalId: string | null; at: Date; by: string } | null
}

export interface CouncilMeetingDoc {
  _id: string
  councilId: string
  communityId: string
  title: string
  startsAt: Date
  place: string
  status: MeetingStatus
  items: AgendaItemDoc[]
  /** memberIds present */
  attendance: string[]
  speakingSeconds: number
  speaking: {
    current: { memberId: string; since: Date } | null
    /** who raised the hand for the member (guardian, the child's own account, or staff on the meeting phone) */
    queue: { memberId: string; raisedAt: Date; actedBy?: ActedBy }[]
    /** turns taken per memberId */
    turns: Record<string, number>
  }
  minutes: { summary: string; nextSteps: string; attendanceCount: number; publishedAt: Date; by: string } | null
  publishedAt: Date | null
  /** the latest create or agenda edit made as the chair: who acted (guardian or the child's own account); absent otherwise */
  byChair?: ActedBy | null
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
}

/**
 * `_id` = `${meetingId}_${itemId}_${memberId}`: one vote per member and item. For a secret vote `choice` is null and
 * the choice goes into an unlinked CouncilBallotDoc written in the same transaction.
 */
export interface CouncilVoteDoc {
  _id: string
  meetingId: string
  itemId: string
  communityId: string
  memberId: string
  childId: string
  secret: boolean
  choice: VoteChoice | null
  actedBy: ActedBy
  createdAt: Date
}

/** A secret ballot: random `_id`, no member, no time — it cannot be traced back to a voter. */
export interface CouncilBallotDoc {
  _id: string
  meetingId: string
  itemId: string
  choice: VoteChoice
}
