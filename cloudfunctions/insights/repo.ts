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
import type { CollectionName } from '../../types/collections'
import type { Context } from '../_kernel/context'
import { collection } from '../_kernel/data'
import { monthDocsOf, type CommunityRecords } from './domain/rollup'

const PAGE = 1000
/** Rollups read every record of their period: no cap (the kernel's `all` otherwise stops at 20,000 with an error). */
const EVERY = { max: Number.POSITIVE_INFINITY }
type Ctx = Pick<Context, 'db' | '_'>

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

/** What a community's rollups for `[start, end)` are computed from. */
export async function recordsFor(ctx: Ctx, communityId: string, start: Date, end: Date): Promise<CommunityRecords> {
  const _ = ctx._
  const of = <N extends CollectionName>(name: N) => collection(ctx.db, name)
  const [events, proposals, projects, councilMembers, councilProposals] = await Promise.all([
    of(COLLECTIONS.events).all({ communityId, startAt: _.gte(start).and(_.lt(end)) }, { orderBy: [['startAt', 'asc']], ...EVERY }),
    of(COLLECTIONS.proposals).all({ communityId, updatedAt: _.gte(start) }, { orderBy: [['createdAt', 'asc']], ...EVERY }),
    of(COLLECTIONS.projects).all({ communityId, updatedAt: _.gte(start) }, { orderBy: [['updatedAt', 'asc']], ...EVERY }),
    of(COLLECTIONS.councilMembers).all({ councilId: `council-${communityId}` }, { orderBy: [['appliedAt', 'asc']], ...EVERY }),
    of(COLLECTIONS.councilProposals).all({ communityId, updatedAt: _.gte(start) }, { orderBy: [['createdAt', 'asc']], ...EVERY }),
  ])
  const signups = (
    await Promise.all(
      chunks(
        events.map((e) => e._id),
        100,
      ).map((ids) => of(COLLECTIONS.eventSignups).all({ eventId: _.in(ids) }, { orderBy: [['seq', 'asc']], ...EVERY })),
    )
  ).flat()
  const supports = (
    await Promise.all(
      chunks(
        proposals.map((p) => p._id),
        100,
      ).map((ids) =>
        of(COLLECTIONS.proposalSupports).all(
          { proposalId: _.in(ids), createdAt: _.gte(start).and(_.lt(end)) },
          { orderBy: [['createdAt', 'asc']], ...EVERY },
        ),
      ),
    )
  ).flat()
  return { events, signups, proposals, supports, projects, councilMembers, councilProposals }
}

export function allCommunities(ctx: Ctx): Promise<CommunityDoc[]> {
  return collection(ctx.db, COLLECTIONS.communities).find({}, { limit: PAGE })
}

const rollups = (ctx: Ctx) => collection(ctx.db, COLLECTIONS.insightsDaily)
const ofCommunity = (docs: (InsightsRollupDoc | InsightsDistrictDoc)[]): InsightsRollupDoc[] => docs.filter((d) => d.kind !== 'district')

/** Write rollups whole (set by deterministic id): recomputing a day writes the same document. */
export async function saveRollups(ctx: Ctx, docs: (InsightsRollupDoc | InsightsDistrictDoc)[]): Promise<void> {
  for (const group of chunks(docs, 20)) {
    await Promise.all(group.map(({ _id, ...data }) => rollups(ctx).set(_id, data)))
  }
}

export async function dayRollups(ctx: Ctx, communityId: string, from: string, to: string): Promise<InsightsRollupDoc[]> {
  return ofCommunity(
    await rollups(ctx).all({ communityId, kind: 'day', key: ctx._.gte(from).and(ctx._.lte(to)) }, { orderBy: [['key', 'asc']], ...EVERY }),
  )
}

export async function dayRollupsOfMonth(ctx: Ctx, communityId: string, month: string): Promise<InsightsRollupDoc[]> {
  return ofCommunity(await rollups(ctx).all({ communityId, kind: 'day', month }, { orderBy: [['key', 'asc']], ...EVERY }))
}

/** Every community's month rollup of these months (the district view): one district document a month. */
export async function monthRollups(ctx: Ctx, months: string[]): Promise<InsightsRollupDoc[]> {
  const docs = await rollups(ctx).all({ kind: 'district', key: ctx._.in(months) }, { orderBy: [['key', 'asc']], ...EVERY })
  return docs.filter((d) => d.kind === 'district').flatMap(monthDocsOf)
}

/** Every community's month rollup of one month (to build its district document). */
export async function communityMonthRollups(ctx: Ctx, month: string): Promise<InsightsRollupDoc[]> {
  return ofCommunity(await rollups(ctx).all({ kind: 'month', key: month }, { orderBy: [['communityId', 'asc']], ...EVERY }))
}
