/** Residents' proposal actions: submit, edit, withdraw, support, comment, report; lists, projects, the inbox. */
import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const proposalsApi = {
  list: (input: ActionInput<'proposals', 'list'>) => callCloud('proposals', 'list', input),
  mine: (communityId: string) => callCloud('proposals', 'mine', { communityId }),
  get: (proposalId: string) => callCloud('proposals', 'get', { proposalId }),
  settings: (communityId: string) => callCloud('proposals', 'settings', { communityId }),
  submit: (input: ActionInput<'proposals', 'submit'>) => callCloud('proposals', 'submit', input),
  update: (input: ActionInput<'proposals', 'update'>) => callCloud('proposals', 'update', input),
  withdraw: (proposalId: string) => callCloud('proposals', 'withdraw', { proposalId }),
  support: (proposalId: string) => callCloud('proposals', 'support', { proposalId }),
  unsupport: (proposalId: string) => callCloud('proposals', 'unsupport', { proposalId }),
  comment: (proposalId: string, body: string) => callCloud('proposals', 'comment', { proposalId, body }),
  report: (input: ActionInput<'proposals', 'report'>) => callCloud('proposals', 'report', input),
  threeLists: (communityId: string) => callCloud('proposals', 'threeLists', { communityId }),
  project: (projectId: string) => callCloud('proposals', 'getProject', { projectId }),
  inbox: () => callCloud('proposals', 'inbox', { limit: 50 }),
  markRead: (inboxId: string) => callCloud('proposals', 'markRead', { inboxId }),
  markAllRead: () => callCloud('proposals', 'markAllRead', {}),
}

export const ROUTES = {
  list: '/packages/proposals/pages/list/index',
  detail: '/packages/proposals/pages/detail/index',
  submit: '/packages/proposals/pages/submit/index',
  lists: '/packages/proposals/pages/lists/index',
  project: '/packages/proposals/pages/project/index',
  inbox: '/packages/proposals/pages/inbox/index',
  // staff pages live in their own subpackage; linked, never imported
  staffQueue: '/packages/proposals-staff/pages/queue/index',
  staffAnswer: '/packages/proposals-staff/pages/answer/index',
  staffProject: '/packages/proposals-staff/pages/project/index',
} as const
