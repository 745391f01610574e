import { communitiesContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { miniProgramCode, tempUrls, uploadBuffer } from '../../_kernel/storage'
import { loadViewer } from '../../_kernel/viewer'
import { POSTER_PAGE, posterScene } from '../domain/membership-rules'
import { canCreatePoster } from '../domain/permissions'
import { getCommunity, setPoster } from '../repo'

/**
 * The community's QR poster: a mini-program code with scene `c=<code>` opening the home page, stored in cloud
 * storage and reused (codes never expire; generation is rate-limited) unless `regenerate` is set.
 */
export const createPoster = action(communitiesContract.createPoster, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canCreatePoster(viewer, input.communityId)) forbidden()
  const community = await getCommunity(ctx, input.communityId)
  if (!community) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const scene = posterScene(community.code)

  if (community.posterFileId && !input.regenerate) {
    const url = (await tempUrls(ctx, [community.posterFileId])).get(community.posterFileId)
    if (url) return { fileId: community.posterFileId, url, scene, page: POSTER_PAGE, generated: false }
  }
  const code = await miniProgramCode(ctx, { scene, page: POSTER_PAGE })
  const ext = /jpe?g/i.test(code.contentType) ? 'jpg' : 'png'
  const fileId = await uploadBuffer(ctx, `posters/${community._id}/${community.code}-${ctx.now.getTime()}.${ext}`, code.buffer)
  await setPoster(ctx, community._id, fileId, ctx.now)
  const url = (await tempUrls(ctx, [fileId])).get(fileId)
  if (!url) throw new Error('no temporary URL for the uploaded poster')
  return { fileId, url, scene, page: POSTER_PAGE, generated: true }
})
