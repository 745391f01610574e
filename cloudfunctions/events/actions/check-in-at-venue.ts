import { eventsContract } from '../../../types/index'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { checkCheckInWindow } from '../domain/event-rules'
import { canSeeEvent } from '../domain/permissions'
import { checkInTx, getEventByVenueCode, listByOwnerFor } from '../repo'

/**
 * The participant scans the venue code (scene `a=<code>`) during the check-in window: every confirmed place the
 * caller manages on that event is checked in (a parent arriving with two children scans once), or only
 * `participantId`'s. Idempotent.
 */
export const checkInAtVenue = action(eventsContract.checkInAtVenue, async (ctx, input) => {
  const event = await getEventByVenueCode(ctx, input.code)
  if (!event || event.status === 'draft') fail('EVENT.NOT_FOUND', 'no event with this venue code')
  const viewer = await loadViewer(ctx, [event.communityId])
  if (!canSeeEvent(viewer, event)) forbidden()
  orFail(checkCheckInWindow(event, ctx.now) ?? true)
  const mine = (await listByOwnerFor(ctx, ctx.openid, [event._id]))
    .filter((s) => s.status === 'confirmed')
    .filter((s) => input.participantId === undefined || s.participantId === input.participantId)
  if (mine.length === 0) fail('SIGNUP.NOT_FOUND', 'no confirmed place on this event')
  const results = []
  for (const s of mine) {
    const out = await checkInTx(ctx, s._id, 'venue', ctx.now)
    results.push({ participantId: s.participantId, displayName: s.displayName, already: out.already })
  }
  return { eventId: event._id, title: event.title, checkedIn: results }
})
