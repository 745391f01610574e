import { COLLECTIONS, councilContract, type CouncilDoc } from '../../../types/index'
import { collection } from '../../_kernel/data'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canSetChair } from '../domain/permissions'
import { decideSetChair } from '../domain/rules'
import { toCouncilView } from '../domain/views'
import { getMember, setChairOf } from '../repo'
import { loadChair, loadCouncilViewer } from './load'

/**
 * Staff name one approved member the council's chair (recorded with who and when), or clear it (`memberId: null`).
 * Naming another member replaces the chair. The chair prepares meetings: see permissions.ts.
 */
export const setChair = action(councilContract.setChair, async (ctx, input) => {
  const council = await collection(ctx.db, COLLECTIONS.councils).byId(input.councilId)
  if (!council) fail('COUNCIL.NOT_FOUND', 'no such council')
  const viewer = await loadCouncilViewer(ctx, [council.communityId])
  if (!canSetChair(viewer, council)) forbidden()
  let chair: CouncilDoc['chair'] = null
  if (input.memberId !== null) {
    orFail(decideSetChair(council, await getMember(ctx, input.memberId), ctx.now) ?? true)
    chair = { memberId: input.memberId, setBy: ctx.openid, setAt: ctx.now }
  }
  await setChairOf(ctx, council._id, chair, ctx.openid, ctx.now)
  const updated: CouncilDoc = { ...council, chair, updatedBy: ctx.openid, updatedAt: ctx.now }
  return toCouncilView(updated, viewer, ctx.now, await loadChair(ctx, updated))
})
