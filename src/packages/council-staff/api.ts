/** Staff tools of the children's council: review and answers, applications, meetings and meeting mode. */
import type { ActionInput } from 'types/contract'
import { callCloud } from '@/lib/cloud'

export const councilStaffApi = {
  board: (communityId: string) => callCloud('council', 'staffBoard', { communityId }),
  council: (communityId: string) => callCloud('council', 'get', { communityId }),
  setup: (input: ActionInput<'council', 'setup'>) => callCloud('council', 'setup', input),
  approveMember: (memberId: string) => callCloud('council', 'approveMember', { memberId }),
  members: (communityId: string) => callCloud('council', 'members', { communityId }),
  /** name an approved member chair, or clear the chair (null) */
  setChair: (councilId: string, memberId: string | null) => callCloud('council', 'setChair', { councilId, memberId }),
  review: (input: ActionInput<'council', 'reviewProposal'>) => callCloud('council', 'reviewProposal', input),
  respond: (input: ActionInput<'council', 'respond'>) => callCloud('council', 'respond', input),
  proposals: (communityId: string) => callCloud('council', 'proposals', { communityId }),
  meetings: (communityId: string) => callCloud('council', 'meetings', { communityId }),
  createMeeting: (input: ActionInput<'council', 'createMeeting'>) => callCloud('council', 'createMeeting', input),
  agenda: (meetingId: string) => callCloud('council', 'agenda', { meetingId }),
  addItem: (input: ActionInput<'council', 'addAgendaItem'>) => callCloud('council', 'addAgendaItem', input),
  reorder: (meetingId: string, itemIds: string[]) => callCloud('council', 'reorderAgenda', { meetingId, itemIds }),
  publish: (meetingId: string) => callCloud('council', 'publishAgenda', { meetingId }),
  attendance: (input: ActionInput<'council', 'recordAttendance'>) => callCloud('council', 'recordAttendance', input),
  raiseHand: (meetingId: string, memberId: string) => callCloud('council', 'raiseHand', { meetingId, memberId }),
  nextSpeaker: (meetingId: string) => callCloud('council', 'nextSpeaker', { meetingId }),
  openVote: (input: ActionInput<'council', 'openVote'>) => callCloud('council', 'openVote', input),
  castVote: (input: ActionInput<'council', 'castVote'>) => callCloud('council', 'castVote', input),
  closeVote: (meetingId: string, itemId: string) => callCloud('council', 'closeVote', { meetingId, itemId }),
  decide: (input: ActionInput<'council', 'recordDecision'>) => callCloud('council', 'recordDecision', input),
  minutes: (input: ActionInput<'council', 'publishMinutes'>) => callCloud('council', 'publishMinutes', input),
}

export { getCurrentCommunity } from '@/lib/current-community'
