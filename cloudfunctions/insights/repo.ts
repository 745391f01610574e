/** Reads of stored records for the rollups, and the rollups themselves. Every query leads with an indexed field. */
import { COLLECTIONS, type CommunityDoc, type InsightsRollupDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import type { CommunityRecords } from './domain/rollup'

const PAGE = 1000
type Ctx = Pick<Context, 'db' | '_'>

/** Every page of a query (ordered by _id-free natural order is not stable, so callers pass an order). */
async function all<T>(ctx: Ctx, collection: string, where: Record<string, unknown>, orderBy: string): Promise<T[]> {
  const out: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    const res = (await ctx.db.collection(collection).where(where).orderBy(orderBy, 'asc').skip(skip).limit(PAGE).get()) as { data: T[] }
    out.push(...res.data)
    if (res.data.length < PAGE) return out
  }
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

/** What a community's rollups for `[start, end)` are computed from. */
export async function recordsFor(ctx: Ctx, communityId: string, start: Date, end: Date): Promise<CommunityRecords> {
  const _ = ctx._
  const [events, proposals, projects, councilMembers, councilProposals] = await Promise.all([
    all<any>(ctx, COLLECTIONS.events, { communityId, startAt: _.gte(start).and(_.lt(end)) }, 'startAt'),
    all<any>(ctx, COLLECTIONS.proposals, { communityId, updatedAt: _.gte(start) }, 'createdAt'),
    all<any>(ctx, COLLECTIONS.projects, { communityId, updatedAt: _.gte(start) }, 'updatedAt'),
    all<any>(ctx, COLLECTIONS.councilMembers, { councilId: `council-${communityId}` }, 'appliedAt'),
    all<any>(ctx, COLLECTIONS.councilProposals, { communityId, updatedAt: _.gte(start) }, 'createdAt'),
  ])
  const signups = (
    await Promise.all(chunks(events.map((e) => e._id as string), 100).map((ids) => all<any>(ctx, COLLECTIONS.eventSignups, { eventId: _.in(ids) }, 'seq')))
  ).flat()
  const supports = (
    await Promise.all(
      chunks(proposals.map((p) => p._id as string), 100).map((ids) =>
        all<any>(ctx, COLLECTIONS.proposalSupports, { proposalId: _.in(ids), createdAt: _.gte(start).and(_.lt(end)) }, 'createdAt'),
      ),
    )
  ).flat()
  return { events, signups, proposals, supports, projects, councilMembers, councilProposals }
}

export async function allCommunities(ctx: Ctx): Promise<CommunityDoc[]> {
  const res = (await ctx.db.collection(COLLECTIONS.communities).limit(PAGE).get()) as { data: CommunityDoc[] }
  return res.data
}

/** Write rollups whole (set by deterministic id): recomputing a day writes the same document. */
export async function saveRollups(ctx: Ctx, docs: InsightsRollupDoc[]): Promise<void> {
  for (const group of chunks(docs, 20)) {
    await Promise.all(group.map(({ _id, ...data }) => ctx.db.collection(COLLECTIONS.insightsDaily).doc(_id).set({ data })))
  }
}

export async function dayRollups(ctx: Ctx, communityId: string, from: string, to: string): Promise<InsightsRollupDoc[]> {
  return all(ctx, COLLECTIONS.insightsDaily, { communityId, kind: 'day', key: ctx._.gte(from).and(ctx._.lte(to)) }, 'key')
}

export async function dayRollupsOfMonth(ctx: Ctx, communityId: string, month: string): Promise<InsightsRollupDoc[]> {
  return all(ctx, COLLECTIONS.insightsDaily, { communityId, kind: 'day', month }, 'key')
}

/** Month rollups of every community for these months (the district view). */
export async function monthRollups(ctx: Ctx, months: string[]): Promise<InsightsRollupDoc[]> {
  const where = { kind: 'month', key: ctx._.in(months) }
  const { total } = (await ctx.db.collection(COLLECTIONS.insightsDaily).where(where).count()) as { total: number }
  const got = await Promise.all(
    Array.from({ length: Math.ceil(total / PAGE) }, (_, i) =>
      ctx.db
        .collection(COLLECTIONS.insightsDaily)
        .where(where)
        .orderBy('key', 'asc')
        .orderBy('communityId', 'asc')
        .skip(i * PAGE)
        .limit(PAGE)
        .get(),
    ),
  )
  return got.flatMap((r: any) => r.data as InsightsRollupDoc[])
}
