import { eventsContract, initialEventState, type EventDoc } from '../../../../types/index'
import { contentVerdict } from '../../../_kernel/content-check'
import { fail, forbidden, orFail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { checkSchedule } from '../../domain/event-rules'
import { toEventView } from '../../domain/event-view'
import { canCreateEvent } from '../../domain/permissions'
import { getCommunity, getSeries, insertEvent } from '../../repo'
import { newVenueCode, toDate } from '../load'
import { indexForSearch } from '../../../_kernel/search-index'

/**
 * Staff (or the district admin) write a draft. Risky text is refused; text for review is saved, marked `review`
 * (only the district admin may publish it). Times must be consistent; a series must belong to the community.
 */
export const createEvent = action(eventsContract.create, async (ctx, input) => {
  const [community, viewer] = await Promise.all([getCommunity(ctx, input.communityId), loadViewer(ctx, [input.communityId])])
  if (!canCreateEvent(viewer, input.communityId)) forbidden()
  if (!community) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const schedule = {
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    signupOpensAt: new Date(input.signupOpensAt),
    signupClosesAt: new Date(input.signupClosesAt),
    cancelBefore: toDate(input.cancelBefore),
    capacity: input.capacity,
    allocation: input.allocation,
    quotas: input.quotas ?? [],
    ageMin: input.ageMin ?? null,
    ageMax: input.ageMax ?? null,
  }
  orFail(checkSchedule(schedule) ?? true)
  if (schedule.endAt.getTime() <= ctx.now.getTime()) fail('EVENT.INVALID_SCHEDULE', 'the event is already over')
  const series = input.seriesId ? await getSeries(ctx, input.seriesId) : null
  if (input.seriesId && (!series || series.communityId !== input.communityId)) fail('SERIES.NOT_FOUND', 'series not found')
  const moderation = contentVerdict(ctx) // the kernel checked title, place and description

  const doc: Omit<EventDoc, '_id'> = {
    communityId: input.communityId,
    title: input.title,
    description: input.description,
    category: input.category,
    place: input.place,
    ...schedule,
    openTo: input.openTo,
    seriesId: input.seriesId ?? null,
    status: 'draft',
    moderation,
    venueCode: newVenueCode(),
    ...initialEventState(),
    createdBy: ctx.openid,
    updatedBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const event = await insertEvent(ctx, doc)
  await indexForSearch(ctx, 'event', event)
  return toEventView(event, viewer, ctx.now, { mine: [], series, task: null })
})
