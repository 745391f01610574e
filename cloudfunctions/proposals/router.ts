import { proposalsContract } from '../../types/index'
import { audited } from '../_kernel/audit'
import { defineRouter } from '../_kernel/router'
import { answerProposal } from './actions/admin/answer-proposal'
import { completeProject } from './actions/admin/complete-project'
import { createProject } from './actions/admin/create-project'
import { hideContent, unhideContent } from './actions/admin/hide-content'
import { moderationQueue } from './actions/admin/moderation-queue'
import { mustAnswer } from './actions/admin/must-answer'
import { reviewProposal } from './actions/admin/review-proposal'
import { updateProgress } from './actions/admin/update-progress'
import { updateSettings } from './actions/admin/update-settings'
import { commentOnProposal } from './actions/comment-on-proposal'
import { getProjectAction } from './actions/get-project'
import { previewProject, previewProposal } from './actions/preview'
import { getProposal } from './actions/get-proposal'
import { getSettingsAction } from './actions/get-settings'
import { inbox, markRead } from './actions/inbox'
import { markAllRead, unreadCount } from './actions/inbox-unread'
import { listProposals, myProposals } from './actions/list-proposals'
import { reportContent } from './actions/report-content'
import { submitProposal } from './actions/submit-proposal'
import { supportProposal, unsupportProposal } from './actions/support-proposal'
import { threeLists } from './actions/three-lists'
import { updateProposal } from './actions/update-proposal'
import { withdrawProposal } from './actions/withdraw-proposal'

export const router = defineRouter(proposalsContract, {
  submit: submitProposal,
  update: updateProposal,
  withdraw: withdrawProposal,
  list: listProposals,
  mine: myProposals,
  get: getProposal,
  support: supportProposal,
  unsupport: unsupportProposal,
  comment: commentOnProposal,
  report: reportContent,
  settings: getSettingsAction,
  threeLists,
  getProject: getProjectAction,
  preview: previewProposal,
  previewProject,
  inbox,
  markRead,
  unreadCount,
  markAllRead,
  review: audited('staff-write', reviewProposal),
  answer: audited('staff-write', answerProposal),
  createProject: audited('staff-write', createProject),
  updateProgress: audited('staff-write', updateProgress),
  complete: audited('staff-write', completeProject),
  moderationQueue,
  hide: audited('staff-write', hideContent),
  unhide: audited('staff-write', unhideContent),
  mustAnswer,
  updateSettings: audited('staff-write', updateSettings),
})
