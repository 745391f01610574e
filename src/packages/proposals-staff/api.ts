/** Staff proposal actions: review, answer, projects, moderation, the must-answer list, settings. */
import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const staffProposalsApi = {
  community: (communityId: string) => callCloud('communities', 'get', { communityId }),
  queue: (communityId: string) => callCloud('proposals', 'moderationQueue', { communityId }),
  mustAnswer: (communityId: string) => callCloud('proposals', 'mustAnswer', { communityId }),
  accepted: (communityId: string) => callCloud('proposals', 'list', { communityId, status: 'accepted', limit: 50 }),
  get: (proposalId: string) => callCloud('proposals', 'get', { proposalId }),
  review: (input: ActionInput<'proposals', 'review'>) => callCloud('proposals', 'review', input),
  answer: (input: ActionInput<'proposals', 'answer'>) => callCloud('proposals', 'answer', input),
  hide: (input: ActionInput<'proposals', 'hide'>) => callCloud('proposals', 'hide', input),
  unhide: (input: ActionInput<'proposals', 'unhide'>) => callCloud('proposals', 'unhide', input),
  project: (projectId: string) => callCloud('proposals', 'getProject', { projectId }),
  createProject: (input: ActionInput<'proposals', 'createProject'>) => callCloud('proposals', 'createProject', input),
  updateProgress: (input: ActionInput<'proposals', 'updateProgress'>) => callCloud('proposals', 'updateProgress', input),
  complete: (input: ActionInput<'proposals', 'complete'>) => callCloud('proposals', 'complete', input),
  settings: (communityId: string) => callCloud('proposals', 'settings', { communityId }),
  updateSettings: (input: ActionInput<'proposals', 'updateSettings'>) => callCloud('proposals', 'updateSettings', input),
}

export const STAFF_ROUTES = {
  queue: '/packages/proposals-staff/pages/queue/index',
  answer: '/packages/proposals-staff/pages/answer/index',
  project: '/packages/proposals-staff/pages/project/index',
  settings: '/packages/proposals-staff/pages/settings/index',
  // resident pages, linked never imported
  detail: '/packages/proposals/pages/detail/index',
  lists: '/packages/proposals/pages/lists/index',
} as const
