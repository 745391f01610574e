import {
  COLLECTIONS,
  queryTerms,
  searchContract,
  snippetOf,
  type EventDoc,
  type NoticeDoc,
  type ProposalDoc,
  type SearchDoc,
  type SearchResult,
} from '../../../types/index'
import { findByIds } from '../../_kernel/db'
import { forbidden } from '../../_kernel/errors'
import { canManageCommunity, canReadCommunity } from '../../_kernel/permissions'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canSeeEvent } from '../../events/domain/permissions'
import { isVisibleToResidents } from '../../notices/domain/notice-rules'
import { canSeeProposal } from '../../proposals/domain/permissions'

/** entries looked at per query; each kind's documents are then read by id and filtered by what the caller may see */
const CANDIDATES = 60

/**
 * Search in one community (members, staff, the district admin): the entries whose terms include every bigram of the
 * query — one indexed query (communityId, terms) with `_.all`, never a regex scan — then the documents themselves,
 * shown only where the caller could open them (live notices, visible events, listed proposals or their own).
 */
export const search = action(searchContract.search, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canReadCommunity(viewer, input.communityId)) forbidden()
  const all = queryTerms(input.q)
  const pairs = all.filter((t) => [...t].length === 2)
  const terms = pairs.length > 0 ? pairs : all
  const _ = ctx.db.command
  const found = (await ctx.db
    .collection(COLLECTIONS.search)
    .where({ communityId: input.communityId, terms: _.all(terms) })
    .field({ kind: true, refId: true }) // not the terms: an entry's terms are for matching, not for the answer
    .limit(CANDIDATES)
    .get()) as { data: Pick<SearchDoc, 'kind' | 'refId'>[] }
  const ids = (kind: SearchDoc['kind']) => found.data.filter((d) => d.kind === kind).map((d) => d.refId)
  const [notices, events, proposals] = await Promise.all([
    findByIds<NoticeDoc>(ctx.db, COLLECTIONS.notices, ids('notice')),
    findByIds<EventDoc>(ctx.db, COLLECTIONS.events, ids('event')),
    findByIds<ProposalDoc>(ctx.db, COLLECTIONS.proposals, ids('proposal')),
  ])
  const manages = canManageCommunity(viewer, input.communityId)
  const mine = (c: string) => c === input.communityId
  const results: (SearchResult & { sort: number })[] = [
    ...notices
      .filter((n) => mine(n.communityId) && isVisibleToResidents(n, ctx.now))
      .map((n) => ({
        kind: 'notice' as const,
        id: n._id,
        title: n.title,
        snippet: snippetOf(n.body, input.q),
        at: n.publishAt?.toISOString() ?? null,
        sort: n.publishAt?.getTime() ?? 0,
      })),
    ...events
      .filter((e) => mine(e.communityId) && e.status !== 'draft' && canSeeEvent(viewer, e) && (e.moderation === 'pass' || manages))
      .map((e) => ({
        kind: 'event' as const,
        id: e._id,
        title: e.title,
        snippet: snippetOf(e.description, input.q),
        at: e.startAt.toISOString(),
        sort: e.startAt.getTime(),
      })),
    ...proposals
      .filter((p) => mine(p.communityId) && canSeeProposal(viewer, p))
      .map((p) => ({
        kind: 'proposal' as const,
        id: p._id,
        title: p.title,
        snippet: snippetOf(p.description, input.q),
        at: (p.publishedAt ?? p.createdAt).toISOString(),
        sort: (p.publishedAt ?? p.createdAt).getTime(),
      })),
  ]
  results.sort((a, b) => b.sort - a.sort)
  return { results: results.slice(0, input.limit ?? 20).map(({ sort: _sort, ...r }) => r) }
})
