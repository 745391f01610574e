/** The workbench's calls: to-dos, a community's or the district's figures, and their export. */
import { callCloud } from '@/lib/cloud'

export const workbenchApi = {
  todo: (communityId: string) => callCloud('insights', 'todo', { communityId }),
  queue: (communityId: string) => callCloud('insights', 'queue', { communityId }),
  community: (communityId: string, from: string, to: string) => callCloud('insights', 'community', { communityId, from, to }),
  district: (from: string, to: string) => callCloud('insights', 'district', { from, to }),
  export: (from: string, to: string, communityId?: string) =>
    callCloud('insights', 'export', communityId ? { communityId, from, to } : { from, to }),
  profile: () => callCloud('communities', 'profile', {}),
}

export const ROUTES = {
  index: '/packages/workbench/pages/index/index',
  insights: '/packages/workbench/pages/insights/index',
} as const
