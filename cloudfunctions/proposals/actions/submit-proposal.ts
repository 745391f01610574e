import { ANONYMOUS_NAME, proposalsContract } from '../../../types/index'
import { proposalPhotoFolder } from '../../../types/uploads'
import { contentVerdict } from '../../_kernel/content-check'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { isMemberOf } from '../../_kernel/permissions'
import { action } from '../../_kernel/router'
import { checkUploadedPhotos } from '../../_kernel/storage'
import { loadViewer } from '../../_kernel/viewer'
import { canSubmitProposal, childRefusal } from '../domain/permissions'
import { submittedProposalDoc } from '../domain/proposal-document'
import { checkCategory, initialStatus } from '../domain/proposal-rules'
import { getCommunity, getPerson, getSettings, insertProposal } from '../repo'
import { proposalView } from './load'
import { indexForSearch } from '../../_kernel/search-index'

/** The name public views show: the nickname, or 居民 (anonymous, or no nickname yet). */
export const displayName = (nickname: string | null | undefined, anonymous: boolean) =>
  anonymous ? ANONYMOUS_NAME : nickname?.trim() || ANONYMOUS_NAME

/**
 * A member (not a child's account: their proposals go through the council, 0033) submits a proposal. Risky text is refused; text for review, photos and children's proposals wait for
 * staff; otherwise a post-review community publishes at once and a pre-review one waits for staff. Photos must be
 * uploads of this environment under proposals/<communityId>/ that exist (PHOTO.NOT_FOUND otherwise).
 */
export const submitProposal = action(proposalsContract.submit, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!isMemberOf(viewer, input.communityId)) forbidden() // an outsider is refused for the role, child or not
  orFail(childRefusal(viewer) ?? true)
  if (!canSubmitProposal(viewer, input.communityId)) forbidden()
  const [community, settings, person] = await Promise.all([
    getCommunity(ctx, input.communityId),
    getSettings(ctx, input.communityId),
    getPerson(ctx, ctx.openid),
  ])
  if (!community) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const refusal = checkCategory(settings, input.category)
  if (refusal) fail(refusal.code, refusal.message)
  const photos = input.photos ?? []
  await checkUploadedPhotos(
    ctx,
    photos.map((fileId, i) => ({ fileId, path: `photos.${i}` })),
    proposalPhotoFolder(input.communityId),
  )
  const place = input.place ? input.place : null
  const moderation = contentVerdict(ctx) // the kernel checked title, description, category and place
  const anonymous = input.anonymous ?? false
  const status = initialStatus(settings, { moderation, photoCount: photos.length, authorIsChild: viewer.isChild })

  const doc = submittedProposalDoc({
    communityId: input.communityId,
    title: input.title,
    description: input.description,
    category: input.category,
    place,
    photos,
    anonymous,
    authorName: displayName(person?.nickname, anonymous),
    authorIsChild: viewer.isChild,
    moderation,
    status,
    settings,
    by: ctx.openid,
    now: ctx.now,
  })
  const proposal = await insertProposal(ctx, doc)
  await indexForSearch(ctx, 'proposal', proposal)
  return proposalView(ctx, proposal, viewer)
})
