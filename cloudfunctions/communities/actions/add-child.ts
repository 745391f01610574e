import { createHash } from 'node:crypto'
import { communitiesContract, type ChildDoc } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { toChildView } from '../domain/community-view'
import { checkChildBirthYear, checkChildLimit } from '../domain/membership-rules'
import { canAddChild } from '../domain/permissions'
import { getChild, getCommunity, insertChild, listChildrenOf } from '../repo'

/** Deterministic, so a double tap links one child, not two. */
export const childIdOf = (guardianOpenid: string, communityId: string, alias: string, birthYear: number) =>
  `child_${createHash('sha1').update(`${guardianOpenid}\n${communityId}\n${alias}\n${birthYear}`).digest('hex').slice(0, 24)}`

/** A guardian (member of the community, not a child) links a child: an alias and a birth year, nothing more. */
export const addChild = action(communitiesContract.addChild, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canAddChild(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const ageRefusal = checkChildBirthYear(input.birthYear, ctx.now)
  if (ageRefusal) fail(ageRefusal.code, ageRefusal.message)

  const childId = childIdOf(ctx.openid, input.communityId, input.alias, input.birthYear)
  const existing = await getChild(ctx, childId)
  if (existing) return toChildView(existing, ctx.now)
  const limitRefusal = checkChildLimit((await listChildrenOf(ctx, ctx.openid)).length)
  if (limitRefusal) fail(limitRefusal.code, limitRefusal.message)

  const child: ChildDoc = {
    _id: childId,
    guardianOpenid: ctx.openid,
    communityId: input.communityId,
    alias: input.alias,
    birthYear: input.birthYear,
    openid: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  await insertChild(ctx, child)
  return toChildView(child, ctx.now)
})
