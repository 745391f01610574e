import { createHash } from 'node:crypto'
import { eventsContract, type SeriesDoc } from '../../../../types/index'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { toSeriesView } from '../../domain/event-view'
import { canCreateEvent } from '../../domain/permissions'
import { getCommunity, getSeries, insertSeries } from '../../repo'

/** A course series (院落大学 · 书法班). Deterministic id per community and title: creating it twice returns the same. */
export const createSeries = action(eventsContract.createSeries, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canCreateEvent(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const seriesId = `series-${createHash('sha1').update(`${input.communityId}\n${input.title}`).digest('hex').slice(0, 24)}`
  const existing = await getSeries(ctx, seriesId)
  if (existing) return toSeriesView(existing)
  const doc: SeriesDoc = {
    _id: seriesId,
    communityId: input.communityId,
    title: input.title,
    note: null,
    createdBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  await insertSeries(ctx, doc)
  return toSeriesView((await getSeries(ctx, seriesId)) ?? doc)
})
