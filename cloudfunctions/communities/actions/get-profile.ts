import { communitiesContract } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { action } from '../../_kernel/router'
import { tempUrls } from '../../_kernel/storage'
import { toProfileView } from '../domain/community-view'
import { getChild, getChildAccount, getPerson, listChildrenOf } from '../repo'

export async function loadProfile(ctx: Context) {
  const [person, children] = await Promise.all([getPerson(ctx, ctx.openid), listChildrenOf(ctx, ctx.openid)])
  const avatarUrl = person?.avatarFileId ? ((await tempUrls(ctx, [person.avatarFileId])).get(person.avatarFileId) ?? null) : null
  // a child's own account: which child it is (for the child's home: the council, events for their age)
  const account = person?.isChild ? await getChildAccount(ctx, ctx.openid) : null
  const ownChild = account ? await getChild(ctx, account.childId) : null
  return toProfileView(person, children, avatarUrl, ctx.now, ownChild)
}

/** The caller's own profile (nickname, avatar, district admin flag) and the children they linked. */
export const getProfile = action(communitiesContract.profile, async (ctx) => loadProfile(ctx))
