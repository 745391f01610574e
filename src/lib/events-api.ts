/** The main package's event reads (the 活动 section on 首页, 我的票 count). Everything else lives in packages/events/api.ts. */
import { callCloud } from './cloud'

export const eventsHomeApi = {
  list: (communityId: string, limit = 20) => callCloud('events', 'list', { communityId, limit }),
}

/** Pages of the events subpackages (the main package links to them, never imports them). */
export const EVENT_ROUTES = {
  list: '/packages/events/pages/list/index',
  detail: '/packages/events/pages/detail/index',
  tickets: '/packages/events/pages/tickets/index',
  checkin: '/packages/events/pages/checkin/index',
  staffList: '/packages/events-staff/pages/list/index',
} as const
