import { eventsContract } from '../../../../types/index'
import { fail, orFail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { decidePublish } from '../../domain/event-rules'
import { toEventView } from '../../domain/event-view'
import { newSeed, seedCommitment } from '../../domain/lottery'
import { mayOverrideReview } from '../../domain/permissions'
import { getSeries, updateEventWhere } from '../../repo'
import { loadManagedEvent } from '../load'

/**
 * Publish a draft. A lottery gets its seed now and shows only the seed's sha256 until the draw, so the seed cannot be
 * picked after the registrations are known (the draw reveals it; anyone can check the hash and recompute).
 */
export const publishEvent = action(eventsContract.publish, async (ctx, input) => {
  const { event, viewer } = await loadManagedEvent(ctx, input.eventId)
  orFail(decidePublish(event, ctx.now, { mayOverrideReview: mayOverrideReview(viewer) }) ?? true)
  const seed = event.allocation === 'lottery' ? newSeed() : null
  const changes = {
    status: 'published' as const,
    publishedAt: ctx.now,
    lotterySeed: seed,
    seedCommitment: seed ? seedCommitment(seed) : null,
    updatedAt: ctx.now,
    updatedBy: ctx.openid,
  }
  if (!(await updateEventWhere(ctx, { _id: event._id, status: 'draft' }, changes)))
    fail('EVENT.INVALID_STATE', 'the event is no longer a draft')
  const series = event.seriesId ? await getSeries(ctx, event.seriesId) : null
  return toEventView({ ...event, ...changes }, viewer, ctx.now, { mine: [], series, task: null })
})
