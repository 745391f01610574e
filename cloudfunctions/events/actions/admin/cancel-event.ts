import { eventsContract } from '../../../../types/index'
import { enqueue } from '../../../_kernel/outbox'
import { fail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { toEventView } from '../../domain/event-view'
import { cancelledMessage } from '../../domain/messages'
import { canCancelEvent } from '../../domain/permissions'
import { allSignups, getSeries, getTask, updateEventWhere } from '../../repo'
import { loadManagedEvent, mineByEvent } from '../load'

/**
 * Cancel an event (draft or published, before its end). Everyone holding a place, a waitlist spot or a lottery
 * registration is told — in the inbox and by subscribe message — once per person.
 */
export const cancelEvent = action(eventsContract.cancelEvent, async (ctx, input) => {
  const { event, viewer } = await loadManagedEvent(ctx, input.eventId)
  if (!canCancelEvent(viewer, event, ctx.now)) fail('EVENT.INVALID_STATE', `cannot cancel a ${event.status} event now`)
  const changes = {
    status: 'cancelled' as const,
    cancelledAt: ctx.now,
    cancelReason: input.reason || null,
    updatedAt: ctx.now,
    updatedBy: ctx.openid,
  }
  const ok = await updateEventWhere(ctx, { _id: event._id, status: ctx._.in(['draft', 'published']) }, changes)
  if (!ok) fail('EVENT.INVALID_STATE', 'the event was cancelled already')
  const cancelled = { ...event, ...changes }
  if (event.status === 'published') {
    const holders = await allSignups(ctx, event._id, ['confirmed', 'waitlisted', 'registered'])
    const owners = holders.map((s) => s.ownerOpenid).filter((o): o is string => !!o)
    await enqueue(ctx, owners, `cancelled:${event._id}`, cancelledMessage(cancelled, changes.cancelReason))
  }
  const [mine, series, task] = await Promise.all([
    mineByEvent(ctx, viewer, [cancelled]),
    cancelled.seriesId ? getSeries(ctx, cancelled.seriesId) : null,
    getTask(ctx, cancelled._id),
  ])
  return toEventView(cancelled, viewer, ctx.now, { mine: mine.get(cancelled._id) ?? [], series, task })
})
