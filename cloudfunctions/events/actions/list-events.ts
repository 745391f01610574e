import { eventsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { eventPhase } from '../domain/event-rules'
import { toEventSummary } from '../domain/event-view'
import { canSeeEvent } from '../domain/permissions'
import { getSeriesMany, listFeed } from '../repo'
import { mineByEvent } from './load'

const DAY = 24 * 60 * 60 * 1000
/** Ended events stay in the list this long (people rate them there). */
const RECENT_DAYS = 14

/**
 * A community's events for the home page: what is open or coming first (soonest first), then recently ended or
 * cancelled ones. Members see all published events; others only those open to anyone. Each carries the caller's
 * own status (已报名 / 候补第 N 位 / 已签到).
 */
export const listEvents = action(eventsContract.list, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  const candidates = await listFeed(ctx, input.communityId, new Date(ctx.now.getTime() - RECENT_DAYS * DAY), 100)
  const visible = candidates.filter((e) => canSeeEvent(viewer, e))
  const rank = (phase: string) => (phase === 'open' ? 0 : phase === 'upcoming' || phase === 'closed' || phase === 'ongoing' ? 1 : 2)
  const ordered = visible
    .map((e) => ({ e, r: rank(eventPhase(e, ctx.now)) }))
    .sort(
      (a, b) => a.r - b.r || (a.r === 2 ? b.e.startAt.getTime() - a.e.startAt.getTime() : a.e.startAt.getTime() - b.e.startAt.getTime()),
    )
    .slice(0, input.limit ?? 20)
    .map((x) => x.e)
  const [mine, series] = await Promise.all([
    mineByEvent(ctx, viewer, ordered),
    getSeriesMany(ctx, [...new Set(ordered.map((e) => e.seriesId).filter((s): s is string => !!s))]),
  ])
  const titles = new Map(series.map((s) => [s._id, s.title]))
  return {
    events: ordered.map((e) =>
      toEventSummary(e, viewer, ctx.now, mine.get(e._id) ?? [], e.seriesId ? (titles.get(e.seriesId) ?? null) : null),
    ),
  }
})
