/** Residents' event actions: list, detail, sign up (self or a child), cancel, tickets, venue check-in, rating, lottery log. */
import type { ActionInput } from 'types/contract'
import { callCloud, type CallOptions } from '@/lib/cloud'
import { communitiesApi } from '@/lib/api'

export const eventsApi = {
  list: (communityId: string) => callCloud('events', 'list', { communityId, limit: 50 }),
  get: (eventId: string) => callCloud('events', 'get', { eventId }),
  /** retried by itself while the platform is busy; `onQueued` lets the page show 排队中 */
  signUp: (eventId: string, participantId?: string, options?: CallOptions) =>
    callCloud('events', 'signUp', participantId ? { eventId, participantId } : { eventId }, options),
  cancel: (eventId: string, participantId?: string) =>
    callCloud('events', 'cancel', participantId ? { eventId, participantId } : { eventId }),
  mine: () => callCloud('events', 'mySignups', { limit: 50 }),
  ticket: (eventId: string, participantId?: string) =>
    callCloud('events', 'ticket', participantId ? { eventId, participantId } : { eventId }),
  checkInAtVenue: (code: string) => callCloud('events', 'checkInAtVenue', { code }),
  rate: (input: ActionInput<'events', 'rate'>) => callCloud('events', 'rate', input),
  lotteryLog: (eventId: string) => callCloud('events', 'lotteryLog', { eventId }),
  /** the caller's children (alias, birth year) for 为孩子报名 */
  profile: () => communitiesApi.profile(),
}

export const ROUTES = {
  list: '/packages/events/pages/list/index',
  detail: '/packages/events/pages/detail/index',
  tickets: '/packages/events/pages/tickets/index',
  ticket: '/packages/events/pages/ticket/index',
  lottery: '/packages/events/pages/lottery/index',
  // staff pages live in their own subpackage; linked, never imported
  staffSignups: '/packages/events-staff/pages/signups/index',
} as const
