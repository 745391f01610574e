import { councilContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { isGuardianOfChild } from '../domain/permissions'
import { eraseChild } from '../erase'
import { getChild } from '../repo'

/** The guardian deletes everything about the child (consent withdrawn with it). Secret ballots are unlinked and stay counted. */
export const deleteChildData = action(councilContract.deleteChildData, async (ctx, input) => {
  const child = await getChild(ctx, input.childId)
  if (!child) fail('COUNCIL.CHILD_NOT_FOUND', 'child not found')
  if (!isGuardianOfChild({ openid: ctx.openid, isDistrictAdmin: false, isChild: false, roles: {} }, child)) forbidden()
  return { deleted: await eraseChild(ctx, child) }
})
