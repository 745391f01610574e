/** Staff event actions: create, edit, publish, cancel; sign-ups and the waitlist; export; check-in; draw; month view. */
import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const staffEventsApi = {
  community: (communityId: string) => callCloud('communities', 'get', { communityId }),
  list: (communityId: string) => callCloud('events', 'listForStaff', { communityId, limit: 50 }),
  get: (eventId: string) => callCloud('events', 'get', { eventId }),
  create: (input: ActionInput<'events', 'create'>) => callCloud('events', 'create', input),
  update: (input: ActionInput<'events', 'update'>) => callCloud('events', 'update', input),
  publish: (eventId: string) => callCloud('events', 'publish', { eventId }),
  cancelEvent: (eventId: string, reason?: string) => callCloud('events', 'cancelEvent', reason ? { eventId, reason } : { eventId }),
  signups: (input: ActionInput<'events', 'listSignups'>) => callCloud('events', 'listSignups', input),
  cancelFor: (eventId: string, participantId: string) => callCloud('events', 'cancel', { eventId, participantId }),
  proxySignUp: (input: ActionInput<'events', 'proxySignUp'>) => callCloud('events', 'proxySignUp', input),
  checkIn: (eventId: string, ticketCode: string) => callCloud('events', 'checkIn', { eventId, ticketCode }),
  exportList: (eventId: string) => callCloud('events', 'export', { eventId }),
  draw: (eventId: string) => callCloud('events', 'draw', { eventId }),
  venuePoster: (eventId: string) => callCloud('events', 'venuePoster', { eventId }),
  closeAdjustment: (eventId: string, note: string) => callCloud('events', 'closeAdjustment', { eventId, note }),
  tasks: (communityId: string) => callCloud('events', 'tasks', { communityId, status: 'open' }),
  createSeries: (communityId: string, title: string) => callCloud('events', 'createSeries', { communityId, title }),
  month: (communityId: string, month: string) => callCloud('events', 'monthOverview', { communityId, month }),
}

export const ROUTES = {
  list: '/packages/events-staff/pages/list/index',
  editor: '/packages/events-staff/pages/editor/index',
  signups: '/packages/events-staff/pages/signups/index',
  scan: '/packages/events-staff/pages/scan/index',
  month: '/packages/events-staff/pages/month/index',
  // residents' pages (linked, never imported)
  detail: '/packages/events/pages/detail/index',
} as const

export { getCurrentCommunity } from '@/lib/current-community'
