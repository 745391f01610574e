import {
  COUNCIL_DEFAULT_ANSWER_DAYS,
  COUNCIL_DEFAULT_MAX_AGE,
  COUNCIL_DEFAULT_MIN_AGE,
  COUNCIL_DEFAULT_RETENTION_DAYS,
  councilContract,
  type CouncilDoc,
} from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canManageCouncil } from '../domain/permissions'
import { toCouncilView } from '../domain/views'
import { councilIdOf, getCommunity, getCouncil, putCouncil } from '../repo'
import { loadChair, loadCouncilViewer } from './load'

/** Staff create or change their community's council (one per community; the member count is kept). */
export const setupCouncil = action(councilContract.setup, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  if (!canManageCouncil(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const existing = await getCouncil(ctx, input.communityId)
  const doc: CouncilDoc = {
    _id: councilIdOf(input.communityId),
    communityId: input.communityId,
    name: input.name,
    termStart: input.termStart,
    termEnd: input.termEnd,
    minAge: input.minAge ?? existing?.minAge ?? COUNCIL_DEFAULT_MIN_AGE,
    maxAge: input.maxAge ?? existing?.maxAge ?? COUNCIL_DEFAULT_MAX_AGE,
    answerDays: input.answerDays ?? existing?.answerDays ?? COUNCIL_DEFAULT_ANSWER_DAYS,
    retentionDays: input.retentionDays ?? existing?.retentionDays ?? COUNCIL_DEFAULT_RETENTION_DAYS,
    memberCount: existing?.memberCount ?? 0,
    chair: existing?.chair ?? null,
    createdBy: existing?.createdBy ?? ctx.openid,
    updatedBy: ctx.openid,
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  }
  if (doc.minAge > doc.maxAge) fail('INPUT.INVALID', 'minAge > maxAge', [{ path: 'maxAge', code: 'custom', message: '年龄范围不对' }])
  await putCouncil(ctx, doc, existing !== null)
  return toCouncilView(doc, viewer, ctx.now, await loadChair(ctx, doc))
})
