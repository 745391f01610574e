import { eventsContract } from '../../../types/index'
import { deliver } from '../../_kernel/inbox'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { toSignupResult } from '../domain/event-view'
import { promotedMessage } from '../domain/messages'
import { canManageEvent, ownsSignup } from '../domain/permissions'
import { getSignup, signupIdOf } from '../repo'
import { cancelSeat } from '../seats'
import { loadVisibleEvent, participantOf } from './load'

/**
 * Give a place (or a waitlist spot, or a lottery registration) back. A freed place goes to the first still on the
 * waitlist (seats.ts cancelSeat, docs/decisions/0097), and they are told (inbox + subscribe message). Cancelling twice
 * changes nothing.
 */
export const cancelSignUp = action(eventsContract.cancel, async (ctx, input) => {
  const { event, viewer } = await loadVisibleEvent(ctx, input.eventId)
  const signup = await getSignup(ctx, signupIdOf(event._id, participantOf(ctx, input.participantId)))
  if (!signup) {
    if (!canManageEvent(viewer, event) && input.participantId !== undefined && input.participantId !== ctx.openid) forbidden()
    fail('SIGNUP.NOT_FOUND', 'no such sign-up')
  }
  if (!ownsSignup(viewer, signup) && !canManageEvent(viewer, event)) forbidden()
  // A sign-up queued by the design before 0010's rewrite and never decided: nothing to give back.
  if (signup.status === 'pending') fail('EVENT.BUSY', 'the sign-up is still being decided')
  const out = await cancelSeat(ctx, event._id, signup._id, ctx.openid, ctx.now)
  if (out.promoted?.ownerOpenid) {
    await deliver(
      ctx,
      [out.promoted.ownerOpenid],
      `promoted:${out.promoted._id}:${out.promoted.seq}`,
      promotedMessage(out.event, out.promoted),
    )
  }
  return { signup: toSignupResult(out.signup, null, false), promoted: out.promoted !== null }
})
