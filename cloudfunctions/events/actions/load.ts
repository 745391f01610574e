/** Loading shared by the event actions: the event (or EVENT.NOT_FOUND), the caller as a viewer, their own sign-ups. */
import { randomInt } from 'node:crypto'
import type { EventDoc, MySignup, SignupDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail, forbidden } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { loadViewer } from '../../_kernel/viewer'
import { toMySignup } from '../domain/event-view'
import { canManageEvent, canSeeEvent } from '../domain/permissions'
import { getEvent, listByOwnerFor, positionsOf } from '../repo'

/** The event and the caller; a draft is NOT_FOUND for those who may not manage it, an event they may not see FORBIDDEN. */
export async function loadVisibleEvent(ctx: Context, eventId: string): Promise<{ event: EventDoc; viewer: Viewer }> {
  const event = await getEvent(ctx, eventId)
  if (!event) fail('EVENT.NOT_FOUND', 'event not found')
  const viewer = await loadViewer(ctx, [event.communityId])
  if (!canSeeEvent(viewer, event)) {
    if (event.status === 'draft') fail('EVENT.NOT_FOUND', 'event not found')
    forbidden()
  }
  return { event, viewer }
}

/** For staff actions: the event (or EVENT.NOT_FOUND) and a caller who manages its community (else AUTH.FORBIDDEN). */
export async function loadManagedEvent(ctx: Context, eventId: string): Promise<{ event: EventDoc; viewer: Viewer }> {
  const event = await getEvent(ctx, eventId)
  if (!event) fail('EVENT.NOT_FOUND', 'event not found')
  const viewer = await loadViewer(ctx, [event.communityId])
  if (!canManageEvent(viewer, event)) forbidden()
  return { event, viewer }
}

/** The caller's own sign-ups on these events, as read models, by eventId (positions counted exactly). */
export async function mineByEvent(ctx: Context, viewer: Viewer, events: EventDoc[]): Promise<Map<string, MySignup[]>> {
  const out = new Map<string, MySignup[]>(events.map((e) => [e._id, []]))
  if (!ctx.openid || events.length === 0) return out
  const signups = (
    await listByOwnerFor(
      ctx,
      ctx.openid,
      events.map((e) => e._id),
    )
  ).filter(isShown)
  const positions = await positionsOf(ctx, signups)
  const byId = new Map(events.map((e) => [e._id, e]))
  for (const s of sortMine(signups)) {
    const e = byId.get(s.eventId)
    if (e) out.get(e._id)!.push(toMySignup(s, e, viewer, ctx.now, positions))
  }
  return out
}

/** Queued (not decided yet) and refused sign-ups are not shown: they never held a place. */
export const isShown = (s: SignupDoc) => s.status !== 'pending' && !s.rejectCode

/** Self first, then children and walk-ins by name; cancelled last. */
export function sortMine(signups: SignupDoc[]): SignupDoc[] {
  const rank = (s: SignupDoc) => (s.status === 'cancelled' ? 10 : 0) + (s.kind === 'self' ? 0 : 1)
  return [...signups].sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName, 'zh') || (a._id < b._id ? -1 : 1))
}

const TICKET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const VENUE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'
const randomCode = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('')

/** A ticket code: 10 characters without look-alikes (0/O, 1/I), 50 bits. */
export const newTicketCode = () => randomCode(TICKET_ALPHABET, 10)
/** A venue check-in code for the scene `a=<code>`: 8 characters. */
export const newVenueCode = () => randomCode(VENUE_ALPHABET, 8)

/** The participant a caller means (omitted = themselves). */
export const participantOf = (ctx: Context, participantId: string | undefined) => participantId ?? ctx.openid

export const toDate = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null)
