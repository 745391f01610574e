import { councilContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCouncil } from '../domain/permissions'
import { isOverdue } from '../domain/rules'
import { toMemberView, toProposalView } from '../domain/views'
import { getMembers, listMembersOf, listProposalsByStatus } from '../repo'
import { loadCouncilViewer, photoUrls, requireCouncil } from './load'

/** Staff's to-do list: proposals to review, answers owed (overdue counted), applications to approve. */
export const staffBoard = action(councilContract.staffBoard, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  if (!canManageCouncil(viewer, input.communityId)) forbidden()
  const council = await requireCouncil(ctx, input.communityId)
  const [pending, approved, rejected, members] = await Promise.all([
    listProposalsByStatus(ctx, input.communityId, 'pending'),
    listProposalsByStatus(ctx, input.communityId, 'approved'),
    listProposalsByStatus(ctx, input.communityId, 'rejected'),
    listMembersOf(ctx, council._id),
  ])
  const reviewed = [...approved, ...rejected]
  const awaiting = reviewed
    .filter((p) => p.answer === null)
    .sort((a, b) => (a.answerDueAt?.getTime() ?? 0) - (b.answerDueAt?.getTime() ?? 0))
  const memberById = new Map((await getMembers(ctx, [...new Set([...pending, ...awaiting].map((p) => p.memberId))])).map((m) => [m._id, m]))
  const urls = await photoUrls(ctx, [...pending, ...awaiting])
  const view = (p: (typeof pending)[number]) =>
    toProposalView(p, viewer, ctx.now, memberById.get(p.memberId) ?? null, p.photo ? (urls.get(p.photo) ?? null) : null)
  const pendingMembers = members.filter((m) => m.status === 'pending')
  return {
    counts: {
      pendingReview: pending.length,
      awaitingAnswer: awaiting.length,
      overdue: awaiting.filter((p) => isOverdue(p, ctx.now)).length,
      answered: reviewed.length - awaiting.length,
      pendingMembers: pendingMembers.length,
    },
    pendingReview: pending.map(view),
    awaitingAnswer: awaiting.map(view),
    pendingMembers: pendingMembers.map((m) => toMemberView(m, viewer, ctx.now, council)),
  }
})
