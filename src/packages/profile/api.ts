import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const profileApi = {
  profile: () => callCloud('communities', 'profile', {}),
  setProfile: (input: ActionInput<'communities', 'setProfile'>) => callCloud('communities', 'setProfile', input),
  /** a guardian adds a child by alias and birth year only */
  addChild: (input: ActionInput<'communities', 'addChild'>) => callCloud('communities', 'addChild', input),
  /** the guardian's one-time code (10 minutes) for the child's own WeChat account */
  createChildLinkCode: (childId: string) => callCloud('communities', 'createChildLinkCode', { childId }),
  /** the child, on their own account, redeems the code */
  linkChildAccount: (code: string) => callCloud('communities', 'linkChildAccount', { code }),
  community: (communityId: string) => callCloud('communities', 'get', { communityId }),
  join: (code: string) => callCloud('communities', 'join', { code }),
}

export { getCurrentCommunity, setCurrentCommunity } from '@/lib/current-community'
