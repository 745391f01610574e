/** Who a place is for: the caller, or one of the caller's children (guardian). */
import type { ChildDoc, EventDoc, PersonDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { loadViewer, viewerFrom } from '../../_kernel/viewer'
import { checkSignupWindow } from '../domain/event-rules'
import { canJoinEvent, canSeeEvent } from '../domain/permissions'
import { getEvent } from '../repo'
import { signUp, type NewParticipant, type SignUpOutcome } from '../seats'
import { newTicketCode } from './load'

/**
 * A warm instance keeps the published events it read for a second: under a burst thousands of sign-ups read the same
 * event. A cached event may only speed up a yes: every refusal is made again on the stored event (a cached copy can be
 * up to a second old), and the claim's filter and the read-back re-check everything the copy decided.
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
 * A sign-up of the caller or one of their children (docs/decisions/0010): claim, read back, write — three requests.
 * Who is signing up (person, membership, child) comes back with the event in the read-back after the claim; a claim
 * that turns out not to be theirs to make is given back. An event that cannot be signed up to at all (by the cached
 * copy, confirmed on the stored one) is answered first, with the same codes as everywhere (NOT_FOUND for a draft,
 * FORBIDDEN for an event one may not see), without a claim.
 */
export async function signUpCaller(ctx: Context, eventId: string, participantId: string | undefined, now: Date): Promise<SignUpOutcome> {
  const cached = cachedEvent(eventId)
  let event = cached ?? (await storedEvent(ctx, eventId))
  if (!event) fail('EVENT.NOT_FOUND', 'event not found')
  const self = participantId === undefined || participantId === ctx.openid
  if (event.status !== 'published' || checkSignupWindow(event, now)) {
    // Refuse only on what is stored now, as the caller may see it.
    const stored = cached ? await storedEvent(ctx, eventId) : event
    if (!stored) fail('EVENT.NOT_FOUND', 'event not found')
    const viewer = await loadViewer(ctx, [stored.communityId])
    if (!canSeeEvent(viewer, stored)) {
      if (stored.status === 'draft') fail('EVENT.NOT_FOUND', 'event not found')
      forbidden()
    }
    orFail(checkSignupWindow(stored, now) ?? true)
    event = stored
  }
  const ev = event
  return signUp(
    ctx,
    ev,
    {
      openid: ctx.openid,
      participantId: self ? ctx.openid : participantId!,
      childId: self ? null : participantId!,
      participantOf: (read) => {
        const fresh = read.event!
        const viewer = viewerFrom(ctx.openid, read.person, read.membership ? [read.membership] : [])
        if (!canSeeEvent(viewer, fresh)) {
          if (fresh.status === 'draft') fail('EVENT.NOT_FOUND', 'event not found')
          forbidden()
        }
        return participantFrom(ctx, viewer, fresh, read.person, self ? null : read.child, self)
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
