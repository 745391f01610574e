import { proposalsContract, type ProposalDoc, type ProposalTimelineDoc } from '../../../types/index'
import { proposalPhotoFolder } from '../../../types/uploads'
import { contentVerdict, moderationAfterEdit } from '../../_kernel/content-check'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { checkUploadedPhotos } from '../../_kernel/storage'
import { mayEditProposal } from '../domain/permissions'
import { checkCategory, decideTransition } from '../domain/proposal-rules'
import { getPerson, getSettings, transition } from '../repo'
import { loadProposalAndViewer, proposalView, reload } from './load'
import { displayName } from './submit-proposal'
import { indexForSearch } from '../../_kernel/search-index'

/** The author edits before review (pending) or after being sent back (returned → pending again, for staff to look). */
export const updateProposal = action(proposalsContract.update, async (ctx, input) => {
  const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId)
  if (!mayEditProposal(viewer, p)) forbidden()
  const { from } = orFail(decideTransition(p, 'update'))

  const changes: Partial<ProposalDoc> = {}
  if (input.title !== undefined) changes.title = input.title
  if (input.description !== undefined) changes.description = input.description
  if (input.place !== undefined) changes.place = input.place || null
  if (input.photos !== undefined) {
    // photos already on the proposal stay as they are; a new one must be an upload that exists (PHOTO.NOT_FOUND)
    const kept = new Set(p.photos ?? [])
    const added = input.photos.map((fileId, i) => ({ fileId, path: `photos.${i}` })).filter((photo) => !kept.has(photo.fileId))
    await checkUploadedPhotos(ctx, added, proposalPhotoFolder(p.communityId))
    changes.photos = input.photos
  }
  if (input.category !== undefined && input.category !== p.category) {
    const refusal = checkCategory(await getSettings(ctx, p.communityId), input.category)
    if (refusal) fail(refusal.code, refusal.message)
    changes.category = input.category
  }
  if (input.anonymous !== undefined && input.anonymous !== p.anonymous) {
    changes.anonymous = input.anonymous
    changes.authorName = displayName((await getPerson(ctx, ctx.openid))?.nickname, input.anonymous)
  }
  const title = changes.title ?? p.title
  const description = changes.description ?? p.description
  const place = changes.place !== undefined ? changes.place : p.place
  if (title !== p.title || description !== p.description || place !== p.place) {
    const sentAll = input.title !== undefined && input.description !== undefined && input.place !== undefined
    changes.moderation = moderationAfterEdit(contentVerdict(ctx), p.moderation, !sentAll)
  }
  changes.status = 'pending'
  changes.updatedAt = ctx.now
  changes.updatedBy = ctx.openid
  const entry: ProposalTimelineDoc | null =
    from === 'returned' ? { at: ctx.now, kind: 'resubmitted', text: null, audience: 'private' } : null
  if (!(await transition(ctx, p._id, from, changes, entry))) fail('PROPOSAL.INVALID_STATE', 'the proposal changed meanwhile')
  const fresh = await reload(ctx, p._id)
  await indexForSearch(ctx, 'proposal', fresh)
  return proposalView(ctx, fresh, viewer)
})
