/** Staff actions: notices incl. drafts, the notice editor and the community QR poster. */
import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const staffApi = {
  community: (communityId: string) => callCloud('communities', 'get', { communityId }),
  notices: (communityId: string) => callCloud('notices', 'listForStaff', { communityId }),
  notice: (noticeId: string) => callCloud('notices', 'get', { noticeId }),
  create: (input: ActionInput<'notices', 'create'>) => callCloud('notices', 'create', input),
  update: (input: ActionInput<'notices', 'update'>) => callCloud('notices', 'update', input),
  publish: (input: ActionInput<'notices', 'publish'>) => callCloud('notices', 'publish', input),
  unpublish: (noticeId: string) => callCloud('notices', 'unpublish', { noticeId }),
  poster: (communityId: string, of: PosterOf = {}, regenerate = false) =>
    callCloud('communities', 'createPoster', { communityId, ...of, ...(regenerate ? { regenerate } : {}) }),
}

/** What a poster is of: the community (nothing), a notice or an event (its code then opens that page). */
export type PosterOf = { noticeId?: string; eventId?: string }

/** The community a staff page works on: `?communityId=` or else the current community. */
export { getCurrentCommunity } from '@/lib/current-community'
