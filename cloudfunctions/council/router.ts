import { councilContract } from '../../types/index'
import { audited } from '../_kernel/audit'
import { defineRouter } from '../_kernel/router'
import { addAgendaItem } from './actions/add-agenda-item'
import { apply } from './actions/apply'
import { approveMember } from './actions/approve-member'
import { castVote } from './actions/cast-vote'
import { closeVote } from './actions/close-vote'
import { createMeeting } from './actions/create-meeting'
import { deleteChildData } from './actions/delete-child-data'
import { getAgenda } from './actions/get-agenda'
import { getCouncilAction } from './actions/get-council'
import { leave } from './actions/leave'
import { listMeetingsAction } from './actions/list-meetings'
import { listMembers } from './actions/list-members'
import { listProposals } from './actions/list-proposals'
import { myChildData } from './actions/my-child-data'
import { nextSpeaker } from './actions/next-speaker'
import { openVote } from './actions/open-vote'
import { publishAgenda } from './actions/publish-agenda'
import { publishMinutes } from './actions/publish-minutes'
import { raiseHand } from './actions/raise-hand'
import { recordAttendance } from './actions/record-attendance'
import { recordDecision } from './actions/record-decision'
import { reorderAgenda } from './actions/reorder-agenda'
import { respond } from './actions/respond'
import { reviewProposal } from './actions/review-proposal'
import { setChair } from './actions/set-chair'
import { setupCouncil } from './actions/setup-council'
import { staffBoard } from './actions/staff-board'
import { submitProposal } from './actions/submit-proposal'

export const router = defineRouter(councilContract, {
  get: getCouncilAction,
  setup: audited('staff-write', setupCouncil),
  apply,
  approveMember: audited('staff-write', approveMember),
  setChair: audited('staff-write', setChair),
  leave: audited('staff-write', leave),
  members: listMembers,
  submitProposal,
  reviewProposal: audited('staff-write', reviewProposal),
  respond: audited('staff-write', respond),
  proposals: listProposals,
  staffBoard,
  createMeeting: audited('staff-write', createMeeting),
  addAgendaItem: audited('staff-write', addAgendaItem),
  reorderAgenda: audited('staff-write', reorderAgenda),
  publishAgenda: audited('staff-write', publishAgenda),
  meetings: listMeetingsAction,
  agenda: getAgenda,
  recordAttendance: audited('staff-write', recordAttendance),
  raiseHand: audited('staff-write', raiseHand),
  nextSpeaker: audited('staff-write', nextSpeaker),
  openVote: audited('staff-write', openVote),
  castVote: audited('staff-write', castVote),
  closeVote: audited('staff-write', closeVote),
  recordDecision: audited('staff-write', recordDecision),
  publishMinutes: audited('staff-write', publishMinutes),
  myChildData: audited('export', myChildData),
  deleteChildData: audited('erase', deleteChildData),
})
