/** Read models: stored event / sign-up + viewer + now → what the client gets (ISO instants, phase, counts, viewer.can*). */
import type {
  AdjustmentTaskDoc,
  EventDoc,
  EventSummary,
  EventView,
  LotterySummary,
  MySignup,
  SeriesDoc,
  SignupDoc,
  SignupResult,
  StaffSignup,
  TaskView,
  SeriesView,
  SignupStatus,
} from '../../../types/index'
import type { Viewer } from '../../_kernel/permissions'
import { cancelDeadline, eventPhase, ratingAverage } from './event-rules'
import {
  canCancelEvent,
  canCancelSignup,
  canCheckInTickets,
  canDrawEvent,
  canEditEvent,
  canJoinEvent,
  canManageEvent,
  canPublishEvent,
  canRateSignup,
} from './permissions'

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

/** Waitlist positions by signupId (computed by the caller with a count query). */
export type Positions = Map<string, number>

export function toMySignup(s: SignupDoc, e: EventDoc, viewer: Viewer, now: Date, positions: Positions): MySignup {
  return {
    signupId: s._id,
    participantId: s.participantId,
    displayName: s.displayName,
    kind: s.kind,
    status: s.status as SignupStatus,
    position: s.status === 'waitlisted' ? (positions.get(s._id) ?? null) : null,
    checkedIn: s.checkedInAt !== null,
    checkedInAt: iso(s.checkedInAt),
    noShow: s.noShow === true,
    rated: s.rated === true,
    ticketCode: s.status === 'confirmed' ? s.ticketCode : null,
    canCancel: canCancelSignup(viewer, e, s, now),
    canRate: canRateSignup(viewer, e, s, now),
    createdAt: s.createdAt.toISOString(),
  }
}

function lotterySummary(e: EventDoc): LotterySummary | null {
  if (e.allocation !== 'lottery' || !e.seedCommitment) return null
  const drawn = e.drawState === 'done' && e.lotteryStats
  return {
    seedCommitment: e.seedCommitment,
    seed: drawn ? e.lotterySeed : null,
    drawnAt: drawn ? iso(e.drawnAt) : null,
    registrations: drawn ? e.lotteryStats!.registrations : e.registeredCount,
    confirmed: drawn ? e.lotteryStats!.confirmed : 0,
    waitlisted: drawn ? e.lotteryStats!.waitlisted : 0,
    quotas: e.quotas.map((q, i) => ({ ...q, filled: drawn ? (e.lotteryStats!.filled[i] ?? 0) : 0 })),
  }
}

function base(e: EventDoc, viewer: Viewer, now: Date, mine: MySignup[], seriesTitle: string | null) {
  const phase = eventPhase(e, now)
  const joinable = phase === 'open' && canJoinEvent(viewer, e)
  const selfActive = mine.some((m) => m.kind === 'self' && m.status !== 'cancelled')
  return {
    eventId: e._id,
    communityId: e.communityId,
    title: e.title,
    category: e.category,
    place: e.place,
    startAt: e.startAt.toISOString(),
    endAt: e.endAt.toISOString(),
    capacity: e.capacity,
    signupOpensAt: e.signupOpensAt.toISOString(),
    signupClosesAt: e.signupClosesAt.toISOString(),
    cancelBefore: cancelDeadline(e).toISOString(),
    ageMin: e.ageMin,
    ageMax: e.ageMax,
    allocation: e.allocation,
    openTo: e.openTo,
    seriesId: e.seriesId,
    seriesTitle,
    status: e.status,
    phase,
    moderation: e.moderation,
    counts: {
      confirmed: e.confirmedCount,
      waitlisted: e.waitlistCount,
      registered: e.registeredCount,
      checkedIn: e.checkedInCount,
      noShow: e.noShowCount,
      remaining: Math.max(0, e.capacity - e.confirmedCount),
    },
    lottery: lotterySummary(e),
    rating: { count: e.ratingCount, average: ratingAverage(e.ratingCount, e.ratingSum) },
    mine,
    viewer: {
      canManage: canManageEvent(viewer, e),
      canEdit: canEditEvent(viewer, e, now),
      canPublish: canPublishEvent(viewer, e, now),
      canCancelEvent: canCancelEvent(viewer, e, now),
      canSignUp: joinable && !selfActive,
      canSignUpChild: joinable,
      canDraw: canDrawEvent(viewer, e, now),
      canCheckIn: canCheckInTickets(viewer, e, now),
    },
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  }
}

export function toEventSummary(e: EventDoc, viewer: Viewer, now: Date, mine: MySignup[], seriesTitle: string | null = null): EventSummary {
  return base(e, viewer, now, mine, seriesTitle)
}

export function toEventView(
  e: EventDoc,
  viewer: Viewer,
  now: Date,
  extra: { mine: MySignup[]; series: SeriesDoc | null; task: AdjustmentTaskDoc | null },
): EventView {
  const manage = canManageEvent(viewer, e)
  // The task is staff business while open; its closing note is public.
  const adjustment =
    extra.task && (manage || extra.task.status === 'closed')
      ? {
          status: extra.task.status,
          openedAt: extra.task.openedAt.toISOString(),
          closedAt: iso(extra.task.closedAt),
          note: extra.task.note,
        }
      : null
  return {
    ...base(e, viewer, now, extra.mine, extra.series?.title ?? null),
    description: e.description,
    quotas: e.quotas.map((q) => ({ ageMin: q.ageMin, ageMax: q.ageMax, places: q.places })),
    adjustment,
    seriesNote: extra.series?.note ?? null,
    venueCode: manage ? e.venueCode : null,
    cancelReason: e.cancelReason,
    publishedAt: iso(e.publishedAt),
  }
}

export const toSignupResult = (s: SignupDoc, position: number | null, created: boolean): SignupResult => ({
  signupId: s._id,
  eventId: s.eventId,
  participantId: s.participantId,
  displayName: s.displayName,
  kind: s.kind,
  status: s.status as SignupStatus,
  position: s.status === 'waitlisted' ? position : null,
  created,
})

export const toStaffSignup = (s: SignupDoc, position: number | null): StaffSignup => ({
  signupId: s._id,
  participantId: s.participantId,
  displayName: s.displayName,
  kind: s.kind,
  source: s.source,
  status: s.status as SignupStatus,
  position: s.status === 'waitlisted' ? position : null,
  seq: s.seq,
  birthYear: s.birthYear,
  checkedIn: s.checkedInAt !== null,
  checkedInAt: iso(s.checkedInAt),
  noShow: s.noShow === true,
  ticketCode: s.ticketCode,
  proxyBy: s.proxyBy,
  createdAt: s.createdAt.toISOString(),
})

export const toTaskView = (task: AdjustmentTaskDoc): TaskView => ({
  taskId: task._id,
  eventId: task.eventId,
  eventTitle: task.eventTitle,
  communityId: task.communityId,
  seriesId: task.seriesId,
  status: task.status,
  average: task.average,
  count: task.count,
  openedAt: task.openedAt.toISOString(),
  closedAt: iso(task.closedAt),
  note: task.note,
})

export const toSeriesView = (s: SeriesDoc): SeriesView => ({
  seriesId: s._id,
  communityId: s.communityId,
  title: s.title,
  note: s.note,
  createdAt: s.createdAt.toISOString(),
})
