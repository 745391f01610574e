import { eventsContract, type RatingDoc } from '../../../types/index'
import { contentVerdict } from '../../_kernel/content-check'
import { deliver } from '../../_kernel/inbox'
import { forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { checkRate, needsAdjustment, ratingAverage } from '../domain/event-rules'
import { adjustmentMessage } from '../domain/messages'
import { ownsSignup } from '../domain/permissions'
import { getSignup, insertTask, rateTx, signupIdOf, staffOf, taskIdOf } from '../repo'
import { loadVisibleEvent, participantOf } from './load'

/**
 * After the event, an attendee (or the guardian, for a child who came) rates 1–5 with optional tags and a comment.
 * The comment is content-checked (risky refused; review kept but never shown). An average below 3.5 from at least 5
 * ratings opens one adjustment task for staff.
 */
export const rateEvent = action(eventsContract.rate, async (ctx, input) => {
  const { event, viewer } = await loadVisibleEvent(ctx, input.eventId)
  const signup = await getSignup(ctx, signupIdOf(event._id, participantOf(ctx, input.participantId)))
  if (signup && !ownsSignup(viewer, signup)) forbidden()
  orFail(checkRate(event, signup, ctx.now) ?? true)
  const comment = input.comment ?? ''
  const tags = input.tags ?? []
  const moderation = contentVerdict(ctx) // the kernel checked the tags and the comment
  const rating: RatingDoc = {
    _id: signup!._id,
    eventId: event._id,
    communityId: event.communityId,
    seriesId: event.seriesId,
    participantId: signup!.participantId,
    raterOpenid: ctx.openid,
    score: input.score,
    tags,
    comment,
    moderation,
    createdAt: ctx.now,
  }
  const totals = await rateTx(ctx, rating, signup!._id, ctx.now)
  let adjustmentOpened = false
  if (needsAdjustment(totals.count, totals.sum)) {
    const average = ratingAverage(totals.count, totals.sum)!
    adjustmentOpened = await insertTask(ctx, {
      _id: taskIdOf(event._id),
      eventId: event._id,
      eventTitle: event.title,
      communityId: event.communityId,
      seriesId: event.seriesId,
      status: 'open',
      average,
      count: totals.count,
      note: null,
      openedAt: ctx.now,
      closedAt: null,
      closedBy: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    if (adjustmentOpened)
      await deliver(ctx, await staffOf(ctx, event.communityId), `adjustment:${event._id}`, adjustmentMessage(event, average, totals.count))
  }
  return { score: input.score, rating: { count: totals.count, average: ratingAverage(totals.count, totals.sum) }, adjustmentOpened }
})
