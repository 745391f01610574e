/** Who a place is for: the caller, or one of the caller's children (guardian). */
import { COLLECTIONS, type ChildDoc, type EventDoc, type MembershipDoc, type PersonDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { findById } from '../../_kernel/db'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { membershipId, viewerFrom } from '../../_kernel/viewer'
import { canSignUp } from '../domain/event-rules'
import { canJoinEvent, canSeeEvent } from '../domain/permissions'
import { getChild, getEvent, type NewParticipant } from '../repo'

/**
 * A warm instance keeps the published events it read for a second: under a burst thousands of sign-ups read the same
 * event. A cached event may only speed up a yes: every refusal is made again on the stored event (a cached copy can be
 * up to a second old), and the sign-up itself is decided from the stored event inside the transaction.
 */
const EVENT_CACHE_MS = 1000
const eventCache = new Map<string, { event: EventDoc; at: number }>()
function cachedEvent(eventId: string): EventDoc | null {
  const hit = eventCache.get(eventId)
  return hit && Date.now() - hit.at < EVENT_CACHE_MS ? hit.event : null
}
async function storedEvent(ctx: Context, eventId: string): Promise<EventDoc | null> {
  const event = await getEvent(ctx, eventId)
  if (eventCache.size > 100) eventCache.clear()
  // Only published events: a draft published a moment ago must not look like a draft still.
  if (event?.status === 'published') eventCache.set(eventId, { event, at: Date.now() })
  else eventCache.delete(eventId)
  return event
}

/**
 * Everything a sign-up needs, in two round trips: the event, then — at once — the caller's person record, their
 * membership of the event's community and the child they name (the sign-up path is the hot one under a burst) —
 * and the early answer (`canSignUp`) from them. A draft is NOT_FOUND and an event the caller may not see FORBIDDEN,
 * as everywhere.
 */
export async function loadForSignUp(
  ctx: Context,
  eventId: string,
  participantId: string | undefined,
  now: Date,
): Promise<{ event: EventDoc; viewer: Viewer; participant: NewParticipant }> {
  const cached = cachedEvent(eventId)
  const event = cached ?? (await storedEvent(ctx, eventId))
  if (!event) fail('EVENT.NOT_FOUND', 'event not found')
  const self = participantId === undefined || participantId === ctx.openid
  const [person, membership, child] = await Promise.all([
    findById<PersonDoc>(ctx.db, COLLECTIONS.people, ctx.openid),
    findById<MembershipDoc>(ctx.db, COLLECTIONS.memberships, membershipId(event.communityId, ctx.openid)),
    self ? Promise.resolve(null) : getChild(ctx, participantId!),
  ])
  const viewer = viewerFrom(ctx.openid, person, membership ? [membership] : [])
  const answer = (ev: EventDoc) => {
    if (!canSeeEvent(viewer, ev)) {
      if (ev.status === 'draft') fail('EVENT.NOT_FOUND', 'event not found')
      forbidden()
    }
    const participant = participantFrom(ctx, viewer, ev, person, self ? null : child, self)
    orFail(canSignUp(ev, participant, now) ?? true)
    return { event: ev, viewer, participant }
  }
  if (!cached) return answer(event)
  try {
    return answer(event)
  } catch (refusal) {
    const stored = await storedEvent(ctx, eventId) // refuse only on what is stored now
    if (!stored || stored.communityId !== event.communityId) fail('EVENT.NOT_FOUND', 'event not found')
    return answer(stored)
  }
}

/**
 * `participantId` omitted or the caller's own openid → the caller; otherwise a child the caller is the guardian of.
 * Someone else's child, an unknown id, or a caller who may not join this event → AUTH.FORBIDDEN.
 */
function participantFrom(ctx: Context, viewer: Viewer, event: EventDoc, person: PersonDoc | null, child: ChildDoc | null, self: boolean): NewParticipant {
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
