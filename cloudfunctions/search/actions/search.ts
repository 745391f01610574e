import { COLLECTIONS, queryTerms, searchContract, snippetOf, type SearchResult } from '../../../types/index'
import { collection } from '../../_kernel/data'
import { forbidden } from '../../_kernel/errors'
import { canReadCommunity } from '../../_kernel/permissions'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canSeeEventHit, canSeeNoticeHit, canSeeProposalHit, type EventHit, type NoticeHit, type ProposalHit } from '../domain/visibility'

/** entries looked at per query; each kind's documents are then read by id and filtered by what the caller may see */
const CANDIDATES = 60

/** The fields a result and its visibility need (not photos, counters, claims…): the reads carry less. */
const NOTICE_FIELDS = ['_id', 'communityId', 'title', 'body', 'status', 'publishAt', 'expiresAt'] as const
const EVENT_FIELDS = ['_id', 'communityId', 'title', 'description', 'status', 'moderation', 'startAt'] as const
const PROPOSAL_FIELDS = [
  '_id',
  'communityId',
  'title',
  'description',
  'isPublic',
  'hidden',
  'createdBy',
  'publishedAt',
  'createdAt',
] as const

/**
 * Search in one community (members, staff, the district admin): the entries whose terms include every bigram of the
 * query — one indexed query (communityId, terms) with `_.all`, never a regex scan — then the documents themselves,
 * shown only where the caller could open them (domain/visibility.ts). Two round trips: the caller's records and the
 * index query go out together (nothing is answered before the caller is known to read the community), then one
 * `_.in` read per kind with only the fields a result needs.
 */
export const search = action(searchContract.search, async (ctx, input) => {
  const all = queryTerms(input.q)
  const pairs = all.filter((t) => [...t].length === 2)
  const terms = pairs.length > 0 ? pairs : all
  const [viewer, found] = await Promise.all([
    loadViewer(ctx, [input.communityId]),
    collection(ctx.db, COLLECTIONS.search).find(
      { communityId: input.communityId, terms: ctx._.all(terms) },
      { limit: CANDIDATES, fields: ['kind', 'refId'] }, // not the terms: an entry's terms are for matching, not for the answer
    ),
  ])
  if (!canReadCommunity(viewer, input.communityId)) forbidden()

  const ids = (kind: 'notice' | 'event' | 'proposal') => found.filter((d) => d.kind === kind).map((d) => d.refId)
  const some = async <T>(refs: string[], read: (refs: string[]) => Promise<T[]>): Promise<T[]> => (refs.length ? read(refs) : [])
  const [notices, events, proposals]: [NoticeHit[], EventHit[], ProposalHit[]] = await Promise.all([
    some(ids('notice'), (refs) =>
      collection(ctx.db, COLLECTIONS.notices).find({ _id: ctx._.in(refs) }, { limit: refs.length, fields: NOTICE_FIELDS }),
    ),
    some(ids('event'), (refs) =>
      collection(ctx.db, COLLECTIONS.events).find({ _id: ctx._.in(refs) }, { limit: refs.length, fields: EVENT_FIELDS }),
    ),
    some(ids('proposal'), (refs) =>
      collection(ctx.db, COLLECTIONS.proposals).find({ _id: ctx._.in(refs) }, { limit: refs.length, fields: PROPOSAL_FIELDS }),
    ),
  ])
  const mine = (c: string) => c === input.communityId
  const results: (SearchResult & { sort: number })[] = [
    ...notices
      .filter((n) => mine(n.communityId) && canSeeNoticeHit(n, ctx.now))
      .map((n) => ({
        kind: 'notice' as const,
        id: n._id,
        title: n.title,
        snippet: snippetOf(n.body, input.q),
        at: n.publishAt?.toISOString() ?? null,
        sort: n.publishAt?.getTime() ?? 0,
      })),
    ...events
      .filter((e) => mine(e.communityId) && canSeeEventHit(viewer, e))
      .map((e) => ({
        kind: 'event' as const,
        id: e._id,
        title: e.title,
        snippet: snippetOf(e.description, input.q),
        at: e.startAt.toISOString(),
        sort: e.startAt.getTime(),
      })),
    ...proposals
      .filter((p) => mine(p.communityId) && canSeeProposalHit(viewer, p))
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
