import { councilContract } from '../../types/index'
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
  setup: setupCouncil,
  apply,
  approveMember,
  setChair,
  leave,
  members: listMembers,
  submitProposal,
  reviewProposal,
  respond,
  proposals: listProposals,
  staffBoard,
  createMeeting,
  addAgendaItem,
  reorderAgenda,
  publishAgenda,
  meetings: listMeetingsAction,
  agenda: getAgenda,
  recordAttendance,
  raiseHand,
  nextSpeaker,
  openVote,
  castVote,
  closeVote,
  recordDecision,
  publishMinutes,
  myChildData,
  deleteChildData,
})
