import { eventsContract } from '../../../../types/index'
import { fail, orFail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { checkCheckInWindow } from '../../domain/event-rules'
import { toStaffSignup } from '../../domain/event-view'
import { checkInTx, signupByTicket } from '../../repo'
import { loadManagedEvent } from '../load'

/** Staff scan a participant's ticket during the check-in window. A second scan answers `already: true`. */
export const checkIn = action(eventsContract.checkIn, async (ctx, input) => {
  const { event } = await loadManagedEvent(ctx, input.eventId)
  orFail(checkCheckInWindow(event, ctx.now) ?? true)
  const signup = await signupByTicket(ctx, input.ticketCode)
  if (!signup || signup.eventId !== event._id) fail('SIGNUP.NOT_FOUND', 'no ticket with this code for this event')
  const out = await checkInTx(ctx, signup._id, 'staff', ctx.now)
  return { signup: toStaffSignup(out.signup, null), already: out.already }
})
