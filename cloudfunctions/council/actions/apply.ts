import { councilContract, type ChildDoc, type CouncilMemberDoc } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { childIdOf } from '../../communities/actions/add-child'
import { canApply } from '../domain/permissions'
import { checkAge, checkConsent, decideApply } from '../domain/rules'
import { toMemberView } from '../domain/views'
import { getChild, getMember, insertChild, insertMember, memberIdOf, updateMemberIf } from '../repo'
import { loadCouncilViewer, requireCouncil } from './load'

/**
 * A guardian applies for their child: a child already linked (childId) or a new one (alias + birth year, nothing
 * more). Consent to the current children's rules is part of the input (the schema refuses an application without
 * it) and is checked before anything is written — no child data exists in the council before consent.
 */
export const apply = action(councilContract.apply, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  if (!canApply(viewer, input.communityId)) forbidden()
  const council = await requireCouncil(ctx, input.communityId)
  const consentRefusal = checkConsent(input.consentVersion)
  if (consentRefusal) fail(consentRefusal.code, consentRefusal.message)

  let child: ChildDoc | null
  let isNewChild = false
  if (input.childId !== undefined) {
    child = await getChild(ctx, input.childId)
    if (!child || child.guardianOpenid !== ctx.openid || child.communityId !== input.communityId)
      fail('COUNCIL.CHILD_NOT_FOUND', 'not your child')
  } else {
    const childId = childIdOf(ctx.openid, input.communityId, input.alias!, input.birthYear!)
    child = await getChild(ctx, childId)
    if (!child) {
      isNewChild = true
      child = {
        _id: childId,
        guardianOpenid: ctx.openid,
        communityId: input.communityId,
        alias: input.alias!,
        birthYear: input.birthYear!,
        openid: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }
    }
  }
  const ageRefusal = checkAge(council, child.birthYear, ctx.now)
  if (ageRefusal) fail(ageRefusal.code, ageRefusal.message)

  const memberId = memberIdOf(council._id, child._id)
  const existing = await getMember(ctx, memberId)
  const decision = decideApply(existing)
  if (decision === 'existing') return toMemberView(existing!, viewer, ctx.now)

  const consent = { guardianOpenid: ctx.openid, version: input.consentVersion, at: ctx.now }
  if (decision === 'reapply') {
    const changes = {
      status: 'pending' as const,
      consent,
      appliedAt: ctx.now,
      approvedAt: null,
      approvedBy: null,
      leftAt: null,
      purgeAfter: null,
      updatedAt: ctx.now,
    }
    await updateMemberIf(ctx, memberId, 'left', changes)
    return toMemberView({ ...existing!, ...changes }, viewer, ctx.now)
  }
  const member: CouncilMemberDoc = {
    _id: memberId,
    councilId: council._id,
    communityId: input.communityId,
    childId: child._id,
    alias: child.alias,
    birthYear: child.birthYear,
    guardianOpenid: ctx.openid,
    status: 'pending',
    consent,
    appliedAt: ctx.now,
    approvedAt: null,
    approvedBy: null,
    leftAt: null,
    purgeAfter: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  if (isNewChild) await insertChild(ctx, child)
  const created = await insertMember(ctx, member)
  if (!created) return toMemberView((await getMember(ctx, memberId)) ?? member, viewer, ctx.now)
  return toMemberView(member, viewer, ctx.now)
})
