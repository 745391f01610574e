/** The main package's proposal reads (the 议事 section on 首页). Everything else lives in packages/proposals/api.ts. */
import type { ActionInput } from 'types/contract'
import { callCloud } from './cloud'

export const proposalsHomeApi = {
  list: (input: ActionInput<'proposals', 'list'>) => callCloud('proposals', 'list', input),
  settings: (communityId: string) => callCloud('proposals', 'settings', { communityId }),
}

/** Pages of the proposals subpackages (the main package links to them, never imports them). */
export const PROPOSAL_ROUTES = {
  list: '/packages/proposals/pages/list/index',
  detail: '/packages/proposals/pages/detail/index',
  submit: '/packages/proposals/pages/submit/index',
  lists: '/packages/proposals/pages/lists/index',
  inbox: '/packages/proposals/pages/inbox/index',
  staffQueue: '/packages/proposals-staff/pages/queue/index',
} as const
