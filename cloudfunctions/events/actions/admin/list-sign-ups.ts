import { eventsContract } from '../../../../types/index'
import { action } from '../../../_kernel/router'
import { toStaffSignup } from '../../domain/event-view'
import { listSignupsPage, waitlistPosition } from '../../repo'
import { loadManagedEvent } from '../load'

/**
 * An event's sign-ups for staff, in sign-up (seq) order, one status or all, a page at a time (`after` = last seq).
 * Waitlist positions are exact: the first page of the waitlist is 1…n; later pages start after the previous one.
 */
export const listSignUps = action(eventsContract.listSignups, async (ctx, input) => {
  const { event } = await loadManagedEvent(ctx, input.eventId)
  const limit = input.limit ?? 50
  const page = await listSignupsPage(ctx, event._id, { status: input.status, after: input.after, limit })
  const firstWaiting = page.find((s) => s.status === 'waitlisted')
  let next = firstWaiting ? await waitlistPosition(ctx, event._id, firstWaiting.seq) : 0
  const signups = page.map((s) => toStaffSignup(s, s.status === 'waitlisted' ? next++ : null))
  return { signups, nextAfter: page.length === limit ? page[page.length - 1].seq : null }
})
