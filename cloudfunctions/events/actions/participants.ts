/** Who a place is for: the caller, or one of the caller's children (guardian). */
import type { ChildDoc, EventDoc, PersonDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail, forbidden } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { viewerFrom } from '../../_kernel/viewer'
import { canJoinEvent, canSeeEvent } from '../domain/permissions'
import { signUp, type NewParticipant, type SignUpOutcome } from '../seats'
import { newTicketCode } from './load'

/**
 * A sign-up of the caller or one of their children (docs/decisions/0010). Who is signing up (person, membership,
 * child) is read with the event in the sign-up's first request; the same codes as everywhere (NOT_FOUND for a draft
 * or an unknown event, FORBIDDEN for an event one may not see or join), before anything is written.
 */
export function signUpCaller(ctx: Context, eventId: string, participantId: string | undefined, now: Date): Promise<SignUpOutcome> {
  const self = participantId === undefined || participantId === ctx.openid
  return signUp(
    ctx,
    eventId,
    {
      openid: ctx.openid,
      participantId: self ? ctx.openid : participantId!,
      childId: self ? null : participantId!,
      participantOf: (read) => {
        const ev = read.event!
        const viewer = viewerFrom(ctx.openid, read.person, read.membership ? [read.membership] : [])
        if (!canSeeEvent(viewer, ev)) {
          if (ev.status === 'draft') fail('EVENT.NOT_FOUND', 'event not found')
          forbidden()
        }
        return participantFrom(ctx, viewer, ev, read.person, self ? null : read.child, self)
      },
    },
    now,
    newTicketCode,
  )
}

/**
 * `participantId` omitted or the caller's own openid → the caller; otherwise a child the caller is the guardian of.
 * Someone else's child, an unknown id, or a caller who may not join this event → AUTH.FORBIDDEN.
 */
function participantFrom(
  ctx: Context,
  viewer: Viewer,
  event: EventDoc,
  person: PersonDoc | null,
  child: ChildDoc | null,
  self: boolean,
): NewParticipant {
  if (!canJoinEvent(viewer, event)) return forbidden('不能报名这个活动')
  if (self) {
    return {
      participantId: ctx.openid,
      kind: 'self',
      ownerOpenid: ctx.openid,
      displayName: person?.nickname || '居民',
      birthYear: null,
      source: 'self',
      proxyBy: null,
    }
  }
  if (!child || child.guardianOpenid !== ctx.openid) return forbidden('只能为自己或自己登记的孩子报名')
  return {
    participantId: child._id,
    kind: 'child',
    ownerOpenid: ctx.openid,
    displayName: child.alias,
    birthYear: child.birthYear,
    source: 'guardian',
    proxyBy: null,
  }
}
