import { communitiesContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { viewerFrom } from '../../_kernel/viewer'
import { toChildView } from '../domain/community-view'
import { checkChildUnlinked, checkLinkCode } from '../domain/membership-rules'
import { canBeLinkedAsChild } from '../domain/permissions'
import { getChild, getChildLink, getPerson, linkChildOpenid, listChildrenOf, listMembershipsOf, markPersonChild, removeChildLink } from '../repo'

/**
 * The child, on their own WeChat account, enters the guardian's code: the child's `openid` becomes the caller's,
 * with when and by whose confirmation. A conditional update, so of two redemptions only one links; the code is used up.
 */
export const linkChildAccount = action(communitiesContract.linkChildAccount, async (ctx, input) => {
  const link = await getChildLink(ctx, input.code)
  const codeRefusal = checkLinkCode(link, ctx.now)
  if (codeRefusal || !link) fail(codeRefusal?.code ?? 'CHILD.LINK_CODE_INVALID', codeRefusal?.message ?? 'unknown link code')

  const [child, person, memberships, ownChildren] = await Promise.all([
    getChild(ctx, link.childId),
    getPerson(ctx, ctx.openid),
    listMembershipsOf(ctx, ctx.openid),
    listChildrenOf(ctx, ctx.openid),
  ])
  if (!child || child.guardianOpenid !== link.guardianOpenid) fail('CHILD.LINK_CODE_INVALID', 'the code no longer matches a child')
  const viewer = viewerFrom(ctx.openid, person, memberships)
  if (!canBeLinkedAsChild(viewer, child, ownChildren.length)) forbidden('这个微信账号不能绑定为孩子的账号')
  const linkedRefusal = checkChildUnlinked(child)
  if (linkedRefusal) fail(linkedRefusal.code, linkedRefusal.message)

  if (!(await linkChildOpenid(ctx, child._id, ctx.openid, link.guardianOpenid, ctx.now))) fail('CHILD.ALREADY_LINKED', 'linked by a concurrent redemption')
  await removeChildLink(ctx, link._id)
  await markPersonChild(ctx, ctx.openid, ctx.now)
  return toChildView({ ...child, openid: ctx.openid }, ctx.now)
})
