import { COLLECTIONS, type AuditEntryDoc, type AuditHeadDoc } from '../../types/index'
import type { Context } from '../_kernel/context'
import { findById } from '../_kernel/db'

const PAGE = 1000

/** A community's whole chain in the stored order of seq (page by page). */
export async function chainOf(ctx: Context, communityId: string): Promise<{ entries: AuditEntryDoc[]; head: AuditHeadDoc | null }> {
  const head = await findById<AuditHeadDoc>(ctx.db, COLLECTIONS.auditHeads, communityId)
  const entries: AuditEntryDoc[] = []
  for (let skip = 0; ; skip += PAGE) {
    const res = (await ctx.db
      .collection(COLLECTIONS.auditLog)
      .where({ communityId })
      .orderBy('seq', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get()) as { data: AuditEntryDoc[] }
    entries.push(...res.data)
    if (res.data.length < PAGE) break
  }
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
  const at: object[] = []
  if (q.from) at.push(_.gte(q.from))
  if (q.to) at.push(_.lt(q.to))
  if (q.before) at.push(_.lte(q.before.at))
  const filter: Record<string, unknown> = {}
  if (q.communityId) filter.communityId = q.communityId
  if (at.length > 0) filter.at = at.length === 1 ? at[0] : _.and(at)
  else if (!q.communityId) filter.at = _.exists(true)
  // ties on `at` are taken in one page with the cursor's own entry dropped below
  const res = (await ctx.db
    .collection(COLLECTIONS.auditLog)
    .where(filter)
    .orderBy('at', 'desc')
    .limit(q.limit + 20)
    .get()) as {
    data: AuditEntryDoc[]
  }
  return res.data
}
