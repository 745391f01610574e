import { eventsContract } from '../../../../types/index'
import { forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { monthOverview, monthRange } from '../../domain/month-overview'
import { canListForStaff } from '../../domain/permissions'
import { listInRange, listSeries } from '../../repo'

/** The month's free courses per age group against the "≥ 2 a month" target, and the sessions of each series. */
export const monthOverviewAction = action(eventsContract.monthOverview, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canListForStaff(viewer, input.communityId)) forbidden()
  const { start, end } = monthRange(input.month)
  const [events, series] = await Promise.all([listInRange(ctx, input.communityId, start, end), listSeries(ctx, input.communityId)])
  return monthOverview(input.month, events, series)
})
