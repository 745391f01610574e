import { randomInt } from 'node:crypto'
import { communitiesContract, shareScene, type ShareCodeDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { miniProgramCode, tempUrls, uploadBuffer } from '../../_kernel/storage'
import { loadViewer } from '../../_kernel/viewer'
import { POSTER_PAGE, posterScene } from '../domain/membership-rules'
import { canCreatePoster } from '../domain/permissions'
import { posterTarget, shareCodeFrom, targetBelongsTo, type ShareKind } from '../domain/share-codes'
import { findShareCode, getCommunity, getPosterTarget, insertShareCode, setPoster, setShareCodePoster } from '../repo'

/**
 * A QR poster, stored in cloud storage and reused (codes never expire; generation is rate-limited) unless
 * `regenerate` is set: the community's (scene `c=<code>` opening 首页: join), or with `noticeId` / `eventId` a
 * notice's or an event's (scene `s=<share code>`: 首页 opens that page — docs/decisions/0100). The share code is made
 * once per object and kept; only staff of the object's own community make it.
 */
export const createPoster = action(communitiesContract.createPoster, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canCreatePoster(viewer, input.communityId)) forbidden()
  const wanted = posterTarget(input)
  const [community, target] = await Promise.all([
    getCommunity(ctx, input.communityId),
    wanted ? getPosterTarget(ctx, wanted.kind, wanted.id) : Promise.resolve(null),
  ])
  if (!community) fail('COMMUNITY.NOT_FOUND', 'community not found')

  if (wanted) {
    if (!target) fail(wanted.kind === 'notice' ? 'NOTICE.NOT_FOUND' : 'EVENT.NOT_FOUND', `${wanted.kind} not found`)
    if (!targetBelongsTo(target, community._id)) forbidden(`the ${wanted.kind} belongs to another community`)
    const share = await ensureShareCode(ctx, community._id, wanted.kind, wanted.id)
    const scene = shareScene(share._id)
    const about = { kind: wanted.kind, id: wanted.id, title: target.title }
    const reused = share.posterFileId && !input.regenerate ? (await tempUrls(ctx, [share.posterFileId])).get(share.posterFileId) : undefined
    if (share.posterFileId && reused)
      return { fileId: share.posterFileId, url: reused, scene, page: POSTER_PAGE, generated: false, target: about }
    const made = await makePoster(ctx, scene, `posters/${community._id}/${wanted.kind}-${wanted.id}-${ctx.now.getTime()}`)
    await setShareCodePoster(ctx, share._id, made.fileId, ctx.now)
    return { ...made, scene, page: POSTER_PAGE, generated: true, target: about }
  }

  const scene = posterScene(community.code)
  if (community.posterFileId && !input.regenerate) {
    const url = (await tempUrls(ctx, [community.posterFileId])).get(community.posterFileId)
    if (url) return { fileId: community.posterFileId, url, scene, page: POSTER_PAGE, generated: false, target: null }
  }
  const made = await makePoster(ctx, scene, `posters/${community._id}/${community.code}-${ctx.now.getTime()}`)
  await setPoster(ctx, community._id, made.fileId, ctx.now)
  return { ...made, scene, page: POSTER_PAGE, generated: true, target: null }
})

/** The mini-program code for `scene`, uploaded under `path` (+ extension), with a temporary URL to show it. */
async function makePoster(ctx: Context, scene: string, path: string): Promise<{ fileId: string; url: string }> {
  const code = await miniProgramCode(ctx, { scene, page: POSTER_PAGE })
  const ext = /jpe?g/i.test(code.contentType) ? 'jpg' : 'png'
  const fileId = await uploadBuffer(ctx, `${path}.${ext}`, code.buffer)
  const url = (await tempUrls(ctx, [fileId])).get(fileId)
  if (!url) throw new Error('no temporary URL for the uploaded poster')
  return { fileId, url }
}

/**
 * The object's share code: the stored one, or a new random one. Idempotent under races — the index on (kind, refId)
 * is unique, so of two staff making the first poster at once one insert fails and reads the other's code; a code
 * already taken by another object (unlikely: 31^8 codes) draws again.
 */
export async function ensureShareCode(
  ctx: Pick<Context, 'db' | '_' | 'openid' | 'now'>,
  communityId: string,
  kind: ShareKind,
  refId: string,
): Promise<ShareCodeDoc> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await findShareCode(ctx, kind, refId)
    if (existing) return existing
    const doc: ShareCodeDoc = {
      _id: shareCodeFrom(randomInt),
      communityId,
      kind,
      refId,
      posterFileId: null,
      createdBy: ctx.openid,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    if (await insertShareCode(ctx, doc)) return doc
  }
  throw new Error('could not draw a free share code')
}
