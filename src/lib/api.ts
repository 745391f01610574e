/** The main package's reads and joins (首页, 我的). Staff actions live in packages/staff/api.ts. */
import type { ActionInput } from '../../types/contract'
import { callCloud } from './cloud'

export const communitiesApi = {
  get: (input: ActionInput<'communities', 'get'>) => callCloud('communities', 'get', input),
  join: (code: string) => callCloud('communities', 'join', { code }),
  mine: () => callCloud('communities', 'mine', {}),
  profile: () => callCloud('communities', 'profile', {}),
  openShareCode: (code: string) => callCloud('communities', 'openShareCode', { code }),
}

export const noticesApi = {
  list: (communityId: string) => callCloud('notices', 'list', { communityId }),
  get: (noticeId: string) => callCloud('notices', 'get', { noticeId }),
}
