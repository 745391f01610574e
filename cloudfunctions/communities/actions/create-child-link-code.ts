import { randomInt } from 'node:crypto'
import { childLinkScene, communitiesContract, type ChildLinkDoc, type ChildLinkQr } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { miniProgramCode } from '../../_kernel/storage'
import { loadViewer } from '../../_kernel/viewer'
import { CHILD_LINK_QR_WIDTH, POSTER_PAGE, checkChildUnlinked, linkCodeExpiry, linkCodeFrom } from '../domain/membership-rules'
import { canCreateChildLinkCode } from '../domain/permissions'
import { getChild, insertChildLink } from '../repo'

/**
 * The guardian asks for a one-time code (10 minutes) that links the child's own WeChat account when the child enters
 * it — or scans it: the same code as a mini-program code with scene `k=<code>` opening 首页, which takes the child to
 * 我是孩子，输入绑定码 with the code filled in (the child still taps 确认绑定). The image is returned inline, not
 * stored: it is worth no more than the code, which is single-use and expires.
 */
export const createChildLinkCode = action(communitiesContract.createChildLinkCode, async (ctx, input) => {
  const [viewer, child] = await Promise.all([loadViewer(ctx), getChild(ctx, input.childId)])
  // an unknown child and someone else's child are refused alike: the answer says nothing about which children exist
  if (!child || !canCreateChildLinkCode(viewer, child)) return forbidden()
  const refusal = checkChildUnlinked(child)
  if (refusal) fail(refusal.code, refusal.message)

  const expiresAt = linkCodeExpiry(ctx.now)
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = linkCodeFrom(randomInt)
    const link: ChildLinkDoc = {
      _id: code,
      childId: child._id,
      communityId: child.communityId,
      guardianOpenid: ctx.openid,
      createdAt: ctx.now,
      expiresAt,
    }
    if (await insertChildLink(ctx, link))
      return { childId: child._id, code, expiresAt: expiresAt.toISOString(), qr: await linkCodeQr(ctx, code) }
  }
  throw new Error('could not draw a free link code')
})

/** The code to scan; null (and a log line) when WeChat makes no image — the code itself is already stored and works. */
async function linkCodeQr(ctx: Context, code: string): Promise<ChildLinkQr | null> {
  const scene = childLinkScene(code)
  try {
    const image = await miniProgramCode(ctx, { scene, page: POSTER_PAGE, width: CHILD_LINK_QR_WIDTH })
    return { image: `data:${image.contentType};base64,${image.buffer.toString('base64')}`, scene, page: POSTER_PAGE }
  } catch (error) {
    ctx.log.warn('no mini-program code for a child-link code', String(error))
    return null
  }
}
