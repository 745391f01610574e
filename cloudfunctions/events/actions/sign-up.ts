import { eventsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { toSignupResult } from '../domain/event-view'
import { signUpQueued, waitlistPosition } from '../repo'
import { sendFullnessAlerts } from './alerts'
import { newTicketCode } from './load'
import { loadForSignUp } from './participants'

/**
 * Sign the caller or one of their children up. The sign-up is queued and decided in arrival order by a transaction on
 * the event's own counters: a place, the waitlist at an exact position, or (lottery) a registration for the draw.
 * A repeated tap returns the same sign-up.
 */
export const signUp = action(eventsContract.signUp, async (ctx, input) => {
  // The early answer; the sign-up is decided again on the stored event inside the transaction.
  const { event, participant } = await loadForSignUp(ctx, input.eventId, input.participantId, ctx.now)
  const out = await signUpQueued(ctx, event, participant, ctx.now, newTicketCode, (settled) => sendFullnessAlerts(ctx, settled))
  const position = out.created ? out.position : out.signup.status === 'waitlisted' ? await waitlistPosition(ctx, event._id, out.signup.seq) : null
  return toSignupResult(out.signup, position, out.created)
})
