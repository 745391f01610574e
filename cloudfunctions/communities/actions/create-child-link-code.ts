import { randomInt } from 'node:crypto'
import { communitiesContract, type ChildLinkDoc } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { checkChildUnlinked, linkCodeExpiry, linkCodeFrom } from '../domain/membership-rules'
import { canCreateChildLinkCode } from '../domain/permissions'
import { getChild, insertChildLink } from '../repo'

/** The guardian asks for a one-time code (10 minutes) that links the child's own WeChat account when the child enters it. */
export const createChildLinkCode = action(communitiesContract.createChildLinkCode, async (ctx, input) => {
  const [viewer, child] = await Promise.all([loadViewer(ctx), getChild(ctx, input.childId)])
  // an unknown child and someone else's child are refused alike: the answer says nothing about which children exist
  if (!child || !canCreateChildLinkCode(viewer, child)) return forbidden()
  const refusal = checkChildUnlinked(child)
  if (refusal) fail(refusal.code, refusal.message)

  const expiresAt = linkCodeExpiry(ctx.now)
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = linkCodeFrom(randomInt)
    const link: ChildLinkDoc = { _id: code, childId: child._id, communityId: child.communityId, guardianOpenid: ctx.openid, createdAt: ctx.now, expiresAt }
    if (await insertChildLink(ctx, link)) return { childId: child._id, code, expiresAt: expiresAt.toISOString() }
  }
  throw new Error('could not draw a free link code')
})
