import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const profileApi = {
  profile: () => callCloud('communities', 'profile', {}),
  setProfile: (input: ActionInput<'communities', 'setProfile'>) => callCloud('communities', 'setProfile', input),
}
