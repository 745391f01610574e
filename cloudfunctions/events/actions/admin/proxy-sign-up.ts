import { createHash } from 'node:crypto'
import { eventsContract } from '../../../../types/index'
import { orFail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { canProxySignUp } from '../../domain/event-rules'
import { checkProxyTarget } from '../../domain/permissions'
import { toSignupResult } from '../../domain/event-view'
import { waitlistPosition } from '../../repo'
import { signUp, type NewParticipant } from '../../seats'
import { sendFullnessAlerts } from '../alerts'
import { loadManagedEvent, newTicketCode } from '../load'

/** A walk-in without an account is the same person when booked again with the same name and birth year. */
export const walkInId = (eventId: string, name: string, birthYear: number | undefined) =>
  `walkin-${createHash('sha1')
    .update(`${eventId}\n${name}\n${birthYear ?? ''}`)
    .digest('hex')
    .slice(0, 24)}`

/**
 * 代报名: staff book a place for a walk-in resident (who may have no phone), recorded as such (source `proxy`,
 * who booked it). With `openid` — a member of the event's community, never a child's account (`checkProxyTarget`) —
 * the place is the member's own and shows under their 我的票. Same capacity rules.
 */
export const proxySignUp = action(eventsContract.proxySignUp, async (ctx, input) => {
  const { event } = await loadManagedEvent(ctx, input.eventId)
  const birthYear = input.birthYear ?? null
  orFail(canProxySignUp(event, birthYear, ctx.now) ?? true)
  const target = input.openid ? await loadViewer({ db: ctx.db, openid: input.openid }, [event.communityId]) : null
  orFail(checkProxyTarget(target, event) ?? true)
  const participant: NewParticipant = {
    participantId: input.openid ?? walkInId(event._id, input.name, input.birthYear),
    kind: 'walk_in',
    ownerOpenid: input.openid ?? null,
    displayName: input.name,
    birthYear,
    source: 'proxy',
    proxyBy: ctx.openid,
  }
  const out = await signUp(
    ctx,
    event._id,
    { openid: ctx.openid, participantId: participant.participantId, childId: null, participantOf: () => participant },
    ctx.now,
    newTicketCode,
  )
  if (out.created && out.signup.status === 'confirmed') await sendFullnessAlerts(ctx, out.event)
  const position = out.position ?? (out.signup.status === 'waitlisted' ? await waitlistPosition(ctx, event._id, out.signup.seq) : null)
  return toSignupResult(out.signup, position, out.created)
})
