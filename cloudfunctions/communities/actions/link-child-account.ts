import { communitiesContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { viewerFrom } from '../../_kernel/viewer'
import { toChildView } from '../domain/community-view'
import { checkAccountUnlinked, checkChildUnlinked, checkLinkCode } from '../domain/membership-rules'
import { canBeLinkedAsChild } from '../domain/permissions'
import {
  ensurePerson,
  getChild,
  getChildAccount,
  getChildLink,
  getPerson,
  linkChildAccountOnce,
  listChildrenOf,
  listMembershipsOf,
} from '../repo'

/**
 * The child, on their own WeChat account, enters the guardian's code: the child's `openid` becomes the caller's,
 * with when and by whose confirmation. One child ↔ one account: the link, the account record
 * (`child_accounts/<openid>`) and the used-up code are written in one transaction, so of two redemptions of one
 * code only one links, and one account never ends up linked to two children.
 */
export const linkChildAccount = action(communitiesContract.linkChildAccount, async (ctx, input) => {
  const link = await getChildLink(ctx, input.code)
  const codeRefusal = checkLinkCode(link, ctx.now)
  if (codeRefusal || !link) fail(codeRefusal?.code ?? 'CHILD.LINK_CODE_INVALID', codeRefusal?.message ?? 'unknown link code')

  const [child, person, memberships, ownChildren, account] = await Promise.all([
    getChild(ctx, link.childId),
    getPerson(ctx, ctx.openid),
    listMembershipsOf(ctx, ctx.openid),
    listChildrenOf(ctx, ctx.openid),
    getChildAccount(ctx, ctx.openid),
  ])
  if (!child || child.guardianOpenid !== link.guardianOpenid) fail('CHILD.LINK_CODE_INVALID', 'the code no longer matches a child')
  const viewer = viewerFrom(ctx.openid, person, memberships)
  if (!canBeLinkedAsChild(viewer, child, ownChildren.length)) forbidden('这个微信账号不能绑定为孩子的账号')
  for (const refusal of [checkChildUnlinked(child), checkAccountUnlinked(account)]) if (refusal) fail(refusal.code, refusal.message)

  await ensurePerson(ctx, ctx.openid, ctx.now)
  await linkChildAccountOnce(ctx, {
    code: link._id,
    childId: child._id,
    openid: ctx.openid,
    guardianOpenid: link.guardianOpenid,
    now: ctx.now,
  })
  return toChildView({ ...child, openid: ctx.openid }, ctx.now)
})
