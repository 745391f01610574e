import { councilContract, type ChildProposalDoc } from '../../../types/index'
import { COUNCIL_PHOTO_FOLDER } from '../../../types/uploads'
import { contentVerdict } from '../../_kernel/content-check'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { checkUploadedPhotos } from '../../_kernel/storage'
import { actingFor } from '../domain/permissions'
import { toProposalView } from '../domain/views'
import { insertProposal } from '../repo'
import { loadMember, photoUrls } from './load'

/**
 * A member's proposal — submitted by the guardian "以小明的身份" or by the child's own account; the record says who.
 * Risky text is refused; everything else waits for staff review (children's content is always reviewed first).
 * A photo must be an upload of this environment under council-photos/ that exists (PHOTO.NOT_FOUND otherwise).
 */
export const submitProposal = action(councilContract.submitProposal, async (ctx, input) => {
  const { member, viewer } = await loadMember(ctx, input.memberId)
  const actedBy = actingFor(viewer, member, { staff: false })
  if (!actedBy) forbidden()
  if (member.status !== 'approved') fail('COUNCIL.MEMBER_INVALID_STATE', 'only approved members submit proposals')
  await checkUploadedPhotos(ctx, input.photo ? [{ fileId: input.photo, path: 'photo' }] : [], COUNCIL_PHOTO_FOLDER)
  const moderation = contentVerdict(ctx) // kept for staff, who review every child proposal anyway
  const doc: Omit<ChildProposalDoc, '_id'> = {
    councilId: member.councilId,
    communityId: member.communityId,
    memberId: member._id,
    childId: member.childId,
    alias: member.alias,
    birthYear: member.birthYear,
    noticed: input.noticed,
    idea: input.idea,
    category: input.category,
    photo: input.photo ?? null,
    moderation,
    status: 'pending',
    review: null,
    answerDueAt: null,
    answer: null,
    meetingId: null,
    handoff: null,
    handoffOpen: false,
    actedBy: actedBy!,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const proposal = await insertProposal(ctx, doc)
  const urls = await photoUrls(ctx, [proposal])
  return toProposalView(proposal, viewer, ctx.now, member, proposal.photo ? (urls.get(proposal.photo) ?? null) : null)
})
