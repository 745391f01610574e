import { COLLECTIONS, searchContract, type SearchKind } from '../../../types/index'
import { collection } from '../../_kernel/data'
import { forbidden } from '../../_kernel/errors'
import { canManageCommunity } from '../../_kernel/permissions'
import { action } from '../../_kernel/router'
import { indexForSearch } from '../../_kernel/search-index'
import { loadViewer } from '../../_kernel/viewer'

const PAGE = 100
const SOURCES = [
  { kind: 'notice', collection: COLLECTIONS.notices },
  { kind: 'event', collection: COLLECTIONS.events },
  { kind: 'proposal', collection: COLLECTIONS.proposals },
] as const satisfies readonly { kind: SearchKind; collection: string }[]

/**
 * Backfill (staff of the community, or the district admin): the search entry of every notice, event and proposal
 * of the community, page by page on the communityId indexes. Idempotent — an entry is set by id.
 */
export const reindex = action(searchContract.reindex, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canManageCommunity(viewer, input.communityId)) forbidden()
  let indexed = 0
  for (const { kind, collection: name } of SOURCES) {
    for (let skip = 0; ; skip += PAGE) {
      const page = await collection(ctx.db, name).find({ communityId: input.communityId }, { limit: PAGE, skip })
      for (const doc of page) await indexForSearch(ctx, kind, doc)
      indexed += page.length
      if (page.length < PAGE) break
    }
  }
  return { indexed }
})
