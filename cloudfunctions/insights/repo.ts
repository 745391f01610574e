/** Reads of stored records for the rollups, and the rollups themselves. Every query leads with an indexed field. */
import {
  COLLECTIONS,
  type ChildProposalDoc,
  type CommunityDoc,
  type CouncilMemberDoc,
  type EventDoc,
  type InsightsDistrictDoc,
  type InsightsRollupDoc,
  type ProjectDoc,
  type ProposalDoc,
  type ProposalSupportDoc,
  type SignupDoc,
} from '../../types/index'
import type { Context } from '../_kernel/context'
import { monthDocsOf, type CommunityRecords } from './domain/rollup'

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
    all<EventDoc>(ctx, COLLECTIONS.events, { communityId, startAt: _.gte(start).and(_.lt(end)) }, 'startAt'),
    all<ProposalDoc>(ctx, COLLECTIONS.proposals, { communityId, updatedAt: _.gte(start) }, 'createdAt'),
    all<ProjectDoc>(ctx, COLLECTIONS.projects, { communityId, updatedAt: _.gte(start) }, 'updatedAt'),
    all<CouncilMemberDoc>(ctx, COLLECTIONS.councilMembers, { councilId: `council-${communityId}` }, 'appliedAt'),
    all<ChildProposalDoc>(ctx, COLLECTIONS.councilProposals, { communityId, updatedAt: _.gte(start) }, 'createdAt'),
  ])
  const signups = (
    await Promise.all(
      chunks(
        events.map((e) => e._id),
        100,
      ).map((ids) => all<SignupDoc>(ctx, COLLECTIONS.eventSignups, { eventId: _.in(ids) }, 'seq')),
    )
  ).flat()
  const supports = (
    await Promise.all(
      chunks(
        proposals.map((p) => p._id),
        100,
      ).map((ids) =>
        all<ProposalSupportDoc>(
          ctx,
          COLLECTIONS.proposalSupports,
          { proposalId: _.in(ids), createdAt: _.gte(start).and(_.lt(end)) },
          'createdAt',
        ),
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
export async function saveRollups(ctx: Ctx, docs: (InsightsRollupDoc | InsightsDistrictDoc)[]): Promise<void> {
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

/** Every community's month rollup of these months (the district view): one district document a month. */
export async function monthRollups(ctx: Ctx, months: string[]): Promise<InsightsRollupDoc[]> {
  const docs = await all<InsightsDistrictDoc>(ctx, COLLECTIONS.insightsDaily, { kind: 'district', key: ctx._.in(months) }, 'key')
  return docs.flatMap(monthDocsOf)
}

/** Every community's month rollup of one month (to build its district document). */
export async function communityMonthRollups(ctx: Ctx, month: string): Promise<InsightsRollupDoc[]> {
  return all(ctx, COLLECTIONS.insightsDaily, { kind: 'month', key: month }, 'communityId')
}
