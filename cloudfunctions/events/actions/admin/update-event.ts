import { eventsContract, type EventDoc } from '../../../../types/index'
import { contentVerdict, moderationAfterEdit } from '../../../_kernel/content-check'
import { deliver } from '../../../_kernel/inbox'
import { fail, orFail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { decideUpdate } from '../../domain/event-rules'
import { toEventView } from '../../domain/event-view'
import { promotedMessage } from '../../domain/messages'
import { mayOverrideReview } from '../../domain/permissions'
import { getSeries, getTask, updateEventTx } from '../../repo'
import { promoteWhileRoom } from '../../seats'
import { loadManagedEvent, mineByEvent, toDate } from '../load'
import { indexForSearch } from '../../../_kernel/search-index'

/**
 * Edit an event of one's community. Drafts change freely; once published, how places are given (allocation, who may
 * come, age band, quotas, opening time) is fixed and capacity never drops below the places given. The change is
 * decided against the event as read inside a transaction (sign-ups may be racing). Raising the capacity of a
 * published event confirms people from the waitlist, first come first served.
 */
export const updateEvent = action(eventsContract.update, async (ctx, input) => {
  const { event, viewer } = await loadManagedEvent(ctx, input.eventId)

  const changes: Partial<EventDoc> = {}
  for (const key of [
    'title',
    'description',
    'category',
    'place',
    'capacity',
    'allocation',
    'openTo',
    'ageMin',
    'ageMax',
    'quotas',
    'seriesId',
  ] as const) {
    if (input[key] !== undefined) Object.assign(changes, { [key]: input[key] })
  }
  for (const key of ['startAt', 'endAt', 'signupOpensAt', 'signupClosesAt', 'cancelBefore'] as const) {
    if (input[key] !== undefined) Object.assign(changes, { [key]: toDate(input[key]) })
  }
  if (changes.seriesId) {
    const series = await getSeries(ctx, changes.seriesId)
    if (!series || series.communityId !== event.communityId) fail('SERIES.NOT_FOUND', 'series not found')
  }
  orFail(decideUpdate(event, changes, ctx.now) ?? true) // early answer before the content check; decided again below
  const text = {
    title: changes.title ?? event.title,
    place: changes.place ?? event.place,
    description: changes.description ?? event.description,
  }
  if (text.title !== event.title || text.place !== event.place || text.description !== event.description) {
    const sentAll = input.title !== undefined && input.place !== undefined && input.description !== undefined
    const verdict = moderationAfterEdit(contentVerdict(ctx), event.moderation, !sentAll)
    if (verdict === 'review' && event.status !== 'draft' && !mayOverrideReview(viewer)) fail('CONTENT.REVIEW', 'edited text needs review')
    changes.moderation = verdict
  }

  const updated = await updateEventTx(ctx, event._id, (current) => {
    orFail(decideUpdate(current, changes, ctx.now) ?? true)
    return { ...changes, updatedAt: ctx.now, updatedBy: ctx.openid }
  })
  await indexForSearch(ctx, 'event', updated)
  let final = updated
  if (
    updated.status === 'published' &&
    updated.capacity > event.capacity &&
    !(updated.allocation === 'lottery' && updated.drawState !== 'done')
  ) {
    const promoted = await promoteWhileRoom(ctx, updated._id, ctx.now)
    for (const s of promoted)
      if (s.ownerOpenid) await deliver(ctx, [s.ownerOpenid], `promoted:${s._id}:${s.seq}`, promotedMessage(updated, s))
    final = { ...updated, confirmedCount: updated.confirmedCount + promoted.length, waitlistCount: updated.waitlistCount - promoted.length }
  }
  const [mine, series, task] = await Promise.all([
    mineByEvent(ctx, viewer, [final]),
    final.seriesId ? getSeries(ctx, final.seriesId) : null,
    getTask(ctx, final._id),
  ])
  return toEventView(final, viewer, ctx.now, { mine: mine.get(final._id) ?? [], series, task })
})
