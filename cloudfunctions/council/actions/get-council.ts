import { councilContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canReadCouncil } from '../domain/permissions'
import { toCouncilView } from '../domain/views'
import { getCouncil } from '../repo'
import { loadChair, loadCouncilViewer } from './load'

/** The community's council (null when it has none yet). */
export const getCouncilAction = action(councilContract.get, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  if (!canReadCouncil(viewer, input.communityId)) forbidden()
  const council = await getCouncil(ctx, input.communityId)
  return council ? toCouncilView(council, viewer, ctx.now, await loadChair(ctx, council)) : null
})
