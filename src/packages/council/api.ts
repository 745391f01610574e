/** The children's council for guardians, children and residents (issue 6). */
import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const councilApi = {
  council: (communityId: string) => callCloud('council', 'get', { communityId }),
  members: (communityId: string) => callCloud('council', 'members', { communityId }),
  profile: () => callCloud('communities', 'profile', {}),
  apply: (input: ActionInput<'council', 'apply'>) => callCloud('council', 'apply', input),
  leave: (memberId: string) => callCloud('council', 'leave', { memberId }),
  submit: (input: ActionInput<'council', 'submitProposal'>) => callCloud('council', 'submitProposal', input),
  proposals: (communityId: string) => callCloud('council', 'proposals', { communityId }),
  meetings: (communityId: string) => callCloud('council', 'meetings', { communityId }),
  agenda: (meetingId: string) => callCloud('council', 'agenda', { meetingId }),
  raiseHand: (meetingId: string, memberId: string) => callCloud('council', 'raiseHand', { meetingId, memberId }),
  vote: (input: ActionInput<'council', 'castVote'>) => callCloud('council', 'castVote', input),
  exportData: (childId: string) => callCloud('council', 'myChildData', { childId }),
  deleteData: (childId: string) => callCloud('council', 'deleteChildData', { childId }),
}

export { getCurrentCommunity } from '@/lib/current-community'
