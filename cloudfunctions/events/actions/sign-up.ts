import { eventsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { toSignupResult } from '../domain/event-view'
import { waitlistPosition } from '../repo'
import { sendFullnessAlerts } from './alerts'
import { signUpCaller } from './participants'

/**
 * Sign the caller or one of their children up: a place, the waitlist at an exact position, or (lottery) a
 * registration for the draw — decided atomically by a conditional update of the event's counters (seats.ts).
 * A repeated tap returns the same sign-up.
 */
export const signUp = action(eventsContract.signUp, async (ctx, input) => {
  const out = await signUpCaller(ctx, input.eventId, input.participantId, ctx.now)
  if (out.created && out.signup.status === 'confirmed') await sendFullnessAlerts(ctx, out.event)
  const position =
    out.position ?? (out.signup.status === 'waitlisted' ? await waitlistPosition(ctx, out.signup.eventId, out.signup.seq) : null)
  return toSignupResult(out.signup, position, out.created)
})
