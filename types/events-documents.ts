/**
 * Stored document shapes of events and courses (see documents.ts for the conventions: Dates, createdAt/updatedAt,
 * communityId). Functions map them to the read models in events.ts.
 */
import type { ErrorCode } from './errors'
import type { Allocation, EventCategory, EventStatus, OpenTo, ParticipantKind, SignupSource, SignupStatus } from './events-base'

export interface EventQuota {
  ageMin: number
  ageMax: number
  places: number
}

/**
 * One event or course. Its counters are the truth for capacity: they change only inside transactions together with
 * the sign-up documents they count (see cloudfunctions/events/repo.ts).
 */
export interface EventDoc {
  _id: string
  communityId: string
  title: string
  description: string
  category: EventCategory
  place: string
  startAt: Date
  endAt: Date
  capacity: number
  signupOpensAt: Date
  signupClosesAt: Date
  /** deadline to give back a confirmed place; null = until the start */
  cancelBefore: Date | null
  ageMin: number | null
  ageMax: number | null
  allocation: Allocation
  openTo: OpenTo
  seriesId: string | null
  quotas: EventQuota[]
  status: EventStatus
  moderation: 'pass' | 'review'
  /** venue check-in code: scene `a=<venueCode>` (unique) */
  venueCode: string
  venuePosterFileId: string | null

  // counters (transactional)
  /** every sign-up (and re-sign-up) takes the next number: FIFO order of the waitlist */
  seq: number
  confirmedCount: number
  waitlistCount: number
  registeredCount: number
  checkedInCount: number
  noShowCount: number

  // lottery
  /** sha256(lotterySeed), shown from publication on */
  seedCommitment: string | null
  /** secret until the draw (never sent to clients before drawnAt) */
  lotterySeed: string | null
  /** none → applying (the draw is being written; cancellations wait) → done */
  drawState: 'none' | 'applying' | 'done'
  drawnAt: Date | null
  /** the draw's public counts, copied onto the event when it is applied */
  lotteryStats: { registrations: number; confirmed: number; waitlisted: number; filled: number[] } | null

  // ratings
  ratingCount: number
  ratingSum: number

  // once-only jobs (claimed by a conditional update)
  /** the last time a batch of queued sign-ups was decided (written first by that transaction, to claim the event) */
  settledAt?: Date
  /** ms epoch until which one caller holds the right to decide the queue (0 or missing = free; before decision 0010's rewrite) */
  settleLeaseUntil?: number
  /**
   * The claim log: the last entries of every change to `seq` and `waitlistCount`, pushed by the same update
   * (cloudfunctions/events/domain/seats.ts). Never sent to clients.
   */
  claims?: SeatClaimEntry[]
  /** the last claim (the abandoned-claims sweep looks at events claimed lately) */
  lastClaimAt?: Date
  /** claims made up to this instant (ms) have been checked for a written sign-up */
  claimsCheckedTo?: number
  alert80At: Date | null
  alert100At: Date | null
  reminderSentAt: Date | null
  noShowsRecordedAt: Date | null

  cancelReason: string | null
  publishedAt: Date | null
  cancelledAt: Date | null
  createdBy: string
  updatedBy: string
  createdAt: Date
  updatedAt: Date
}

/** One entry of `EventDoc.claims`: a claim (`c` place, `w` waitlist, `r` lottery registration), `x` a waitlist place given up, `u` a claim released. */
export interface SeatClaimEntry {
  k: 'c' | 'w' | 'r' | 'x' | 'u'
  /** `${participantId}#${round}` for claims and releases */
  p?: string
  at: number
}

/** `_id` = `${eventId}_${participantId}`: one place per participant per event. */
export interface SignupDoc {
  _id: string
  eventId: string
  communityId: string
  participantId: string
  kind: ParticipantKind
  /** the account that manages this place (the person, the guardian, or the member a walk-in booking is for); null for an anonymous walk-in */
  ownerOpenid: string | null
  displayName: string
  birthYear: number | null
  /**
   * `pending` = queued, not decided yet (never shown; see cloudfunctions/events/repo.ts): a batch transaction on the
   * event decides every pending sign-up in arrival order and sets the status.
   */
  status: SignupStatus | 'pending'
  /** server time the sign-up was queued: the arrival order */
  pendingAt: Date
  /** the key of the seat claim this sign-up was written for (`${participantId}#${round}`; absent on older sign-ups) */
  claimKey?: string
  /** server time the queued sign-up was decided (absent on sign-ups decided before this field existed) */
  decidedAt?: Date
  /** the event's sequence number at this sign-up (FIFO key of the waitlist; drawn order after a lottery); 0 while pending */
  seq: number
  /** the waitlist position when the sign-up was decided (the answer to the sign-up); null unless waitlisted then */
  joinPosition: number | null
  /** set when a queued sign-up was refused as it was decided (e.g. the event was cancelled meanwhile); status is then `cancelled` */
  rejectCode: ErrorCode | null
  source: SignupSource
  proxyBy: string | null
  ticketCode: string
  checkedInAt: Date | null
  checkInBy: 'staff' | 'venue' | null
  noShow: boolean
  rated: boolean
  confirmedAt: Date | null
  promotedAt: Date | null
  cancelledAt: Date | null
  cancelledBy: string | null
  createdAt: Date
  updatedAt: Date
}

/** `_id` = eventId: a published lottery draw. Inserting it is the commit point, so a second draw fails as a duplicate. */
export interface DrawDoc {
  _id: string
  eventId: string
  communityId: string
  seed: string
  seedCommitment: string
  algorithm: string
  capacity: number
  quotas: (EventQuota & { filled: number })[]
  entries: { key: string; band: number | null }[]
  order: string[]
  winners: string[]
  waitlist: string[]
  /** the event's seq before the draw: winner i gets seq = seqBase + i + 1, waitlist j gets seqBase + winners + j + 1 */
  seqBase: number
  confirmed: number
  waitlisted: number
  /** signupId by key (private: maps the public keys back to sign-ups; never sent to clients) */
  signupIds: Record<string, string>
  drawnBy: string
  drawnAt: Date
}

/** `_id` = `${eventId}_${participantId}`: one rating per attendee. */
export interface RatingDoc {
  _id: string
  eventId: string
  communityId: string
  seriesId: string | null
  participantId: string
  raterOpenid: string
  score: number
  tags: string[]
  comment: string
  moderation: 'pass' | 'review'
  createdAt: Date
}

/** `_id` = `${eventId}_adjustment`: opened by low ratings, closed by staff with a public note. */
export interface AdjustmentTaskDoc {
  _id: string
  eventId: string
  eventTitle: string
  communityId: string
  seriesId: string | null
  status: 'open' | 'closed'
  average: number
  count: number
  note: string | null
  openedAt: Date
  closedAt: Date | null
  closedBy: string | null
  createdAt: Date
  updatedAt: Date
}

/** A course series (院落大学 · 书法班): sessions are events with this seriesId. */
export interface SeriesDoc {
  _id: string
  communityId: string
  title: string
  /** the latest public adjustment note of any session */
  note: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** The counters and lifecycle fields every new event starts with (create-event, the demo seed and test fixtures). */
export function initialEventState() {
  return {
    venuePosterFileId: null,
    seq: 0,
    confirmedCount: 0,
    waitlistCount: 0,
    registeredCount: 0,
    checkedInCount: 0,
    noShowCount: 0,
    seedCommitment: null,
    lotterySeed: null,
    drawState: 'none' as const,
    drawnAt: null,
    lotteryStats: null,
    ratingCount: 0,
    ratingSum: 0,
    alert80At: null,
    alert100At: null,
    reminderSentAt: null,
    noShowsRecordedAt: null,
    cancelReason: null,
    publishedAt: null,
    cancelledAt: null,
  } satisfies Partial<EventDoc>
}
