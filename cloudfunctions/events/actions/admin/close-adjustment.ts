import { eventsContract } from '../../../../types/index'
import { fail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { toEventView } from '../../domain/event-view'
import { getSeries, getTask, taskIdOf, updateSeries, updateTaskWhere } from '../../repo'
import { loadManagedEvent, mineByEvent } from '../load'

/**
 * Staff close the adjustment task of an event with a public note ("我们改进了…"), shown on the event and, for a
 * course, on its series. The note is public: the kernel refuses text the content check sends to review.
 */
export const closeAdjustment = action(eventsContract.closeAdjustment, async (ctx, input) => {
  const { event, viewer } = await loadManagedEvent(ctx, input.eventId)
  const task = await getTask(ctx, event._id)
  if (!task || task.status !== 'open') fail('TASK.NOT_FOUND', 'no open adjustment task for this event')
  const closed = await updateTaskWhere(
    ctx,
    { _id: taskIdOf(event._id), status: 'open' },
    {
      status: 'closed',
      note: input.note,
      closedAt: ctx.now,
      closedBy: ctx.openid,
      updatedAt: ctx.now,
    },
  )
  if (!closed) fail('TASK.NOT_FOUND', 'the task was closed meanwhile')
  if (event.seriesId) await updateSeries(ctx, event.seriesId, { note: input.note, updatedAt: ctx.now })
  const [mine, series, after] = await Promise.all([
    mineByEvent(ctx, viewer, [event]),
    event.seriesId ? getSeries(ctx, event.seriesId) : null,
    getTask(ctx, event._id),
  ])
  return toEventView(event, viewer, ctx.now, { mine: mine.get(event._id) ?? [], series, task: after })
})
