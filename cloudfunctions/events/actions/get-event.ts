import { eventsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { toEventView } from '../domain/event-view'
import { getSeries, getTask } from '../repo'
import { loadVisibleEvent, mineByEvent } from './load'

/** One event with its counts, the lottery summary, the public answer to low ratings, and the caller's own places. */
export const getEvent = action(eventsContract.get, async (ctx, input) => {
  const { event, viewer } = await loadVisibleEvent(ctx, input.eventId)
  const [mine, series, task] = await Promise.all([
    mineByEvent(ctx, viewer, [event]),
    event.seriesId ? getSeries(ctx, event.seriesId) : null,
    getTask(ctx, event._id),
  ])
  return toEventView(event, viewer, ctx.now, { mine: mine.get(event._id) ?? [], series, task })
})
