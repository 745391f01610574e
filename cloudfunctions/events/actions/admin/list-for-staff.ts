import { eventsContract } from '../../../../types/index'
import { forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { toEventSummary, toSeriesView } from '../../domain/event-view'
import { canListForStaff } from '../../domain/permissions'
import { countOpenTasks, listForStaff, listSeries } from '../../repo'

/** Every event of a community — drafts, published, cancelled, ended — for its staff, with its series and open tasks. */
export const listEventsForStaff = action(eventsContract.listForStaff, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canListForStaff(viewer, input.communityId)) forbidden()
  const [events, series, openTasks] = await Promise.all([
    listForStaff(ctx, input.communityId, input.limit ?? 50),
    listSeries(ctx, input.communityId),
    countOpenTasks(ctx, input.communityId),
  ])
  const titles = new Map(series.map((s) => [s._id, s.title]))
  return {
    events: events.map((e) => toEventSummary(e, viewer, ctx.now, [], e.seriesId ? (titles.get(e.seriesId) ?? null) : null)),
    series: series.map(toSeriesView),
    openTasks,
  }
})
