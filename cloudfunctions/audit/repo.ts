import { COLLECTIONS, type AuditEntryDoc, type AuditHeadDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import { collection, type Filter, type QueryOp } from '../_kernel/data'

const log = (ctx: Pick<Context, 'db'>) => collection(ctx.db, COLLECTIONS.auditLog)

/** A community's whole chain in the stored order of seq (page by page; a chain is never cut at a page or a cap). */
export async function chainOf(ctx: Context, communityId: string): Promise<{ entries: AuditEntryDoc[]; head: AuditHeadDoc | null }> {
  const head = await collection(ctx.db, COLLECTIONS.auditHeads).byId(communityId)
  const entries = await log(ctx).all({ communityId }, { orderBy: [['seq', 'asc']], max: Number.POSITIVE_INFINITY })
  return { entries, head }
}

export interface ListQuery {
  communityId?: string
  from?: Date
  to?: Date
  /** entries strictly before this instant (the page cursor) */
  before?: { at: Date; id: string }
  limit: number
}

/** Newest first; one community (its index) or the whole district (the `at` index). */
export async function listEntries(ctx: Context, q: ListQuery): Promise<AuditEntryDoc[]> {
  const _ = ctx._
  const bounds: QueryOp<Date>[] = []
  if (q.from) bounds.push(_.gte(q.from))
  if (q.to) bounds.push(_.lt(q.to))
  if (q.before) bounds.push(_.lte(q.before.at))
  const at = bounds.reduce<QueryOp<Date> | null>((all, bound) => (all ? all.and(bound) : bound), null)
  const filter: Filter<AuditEntryDoc> = {}
  if (q.communityId) filter.communityId = q.communityId
  if (at) filter.at = at
  else if (!q.communityId) filter.at = _.exists(true)
  // ties on `at` are taken in one page with the cursor's own entry dropped below
  return log(ctx).find(filter, { orderBy: [['at', 'desc']], limit: q.limit + 20 })
}
