import { COLLECTIONS, DISTRICT_FIGURE_KEYS, type InsightsRollupDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { collection } from '../../_kernel/data'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { loadViewer } from '../../_kernel/viewer'
import { communityFigures, monthFigures, monthsOf } from '../domain/figures'
import { checkPeriod } from '../domain/period'
import { canReadCommunityInsights, canReadDistrictInsights } from '../domain/permissions'
import { allCommunities, dayRollups, monthRollups } from '../repo'

const newest = (docs: InsightsRollupDoc[]) => {
  const t = docs.reduce((m, d) => Math.max(m, new Date(d.rolledUpAt).getTime()), 0)
  return t > 0 ? new Date(t).toISOString() : null
}

/** A community's figures for the period, and per month (for the charts), from its day rollups. */
export async function communityInsights(ctx: Context, communityId: string, from: string, to: string) {
  const viewer = await loadViewer(ctx, [communityId])
  if (!canReadCommunityInsights(viewer, communityId)) forbidden()
  orFail(checkPeriod(from, to))
  const community = await collection(ctx.db, COLLECTIONS.communities).byId(communityId)
  if (!community) fail('COMMUNITY.NOT_FOUND', 'no such community')
  const days = await dayRollups(ctx, communityId, from, to)
  const months = monthsOf(from, to).map((month) => {
    const start = month < from.slice(0, 7) ? from : from.slice(0, 7) === month ? from : `${month}-01`
    const end = to.slice(0, 7) === month ? to : `${month}-31`
    return { month, figures: communityFigures(days, start, end) }
  })
  return { communityId, name: community!.name, from, to, figures: communityFigures(days, from, to), months, rolledUpAt: newest(days) }
}

/** Every community side by side, the district total and its months, from month rollups. */
export async function districtInsights(ctx: Context, from: string, to: string) {
  const viewer = await loadViewer(ctx, [])
  if (!canReadDistrictInsights(viewer)) forbidden()
  orFail(checkPeriod(from, to))
  const months = monthsOf(from, to)
  const [docs, communities] = await Promise.all([monthRollups(ctx, months), allCommunities(ctx)])
  const byCommunity = new Map<string, InsightsRollupDoc[]>()
  for (const d of docs) {
    const list = byCommunity.get(d.communityId)
    if (list) list.push(d)
    else byCommunity.set(d.communityId, [d])
  }
  const rows = communities
    .map((c) => ({ communityId: c._id, name: c.name, figures: monthFigures(byCommunity.get(c._id) ?? [], months, DISTRICT_FIGURE_KEYS) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const total = monthFigures(docs, months, DISTRICT_FIGURE_KEYS)
  // months met is per community: the district's figure is their sum (not months in which all communities together met it)
  for (const key of DISTRICT_FIGURE_KEYS.filter((k) => k.startsWith('courses.met.'))) {
    total[key] = rows.reduce((n, r) => n + (typeof r.figures[key] === 'number' ? (r.figures[key] as number) : 0), 0)
  }
  const monthRows = months.map((month) => ({ month, figures: monthFigures(docs, [month], DISTRICT_FIGURE_KEYS) }))
  return { from, to, total, communities: rows, months: monthRows, rolledUpAt: newest(docs) }
}
