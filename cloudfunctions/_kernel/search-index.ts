/**
 * Write-time search indexing (issue 14, Build 2): after a notice, event or proposal is written, its entry in the
 * `search` collection — community and the bigrams of title and text (types/search: searchEntry) — is set by id.
 * Who may see a result is decided when searching, from the document itself; the entry only says where words are.
 * A failed index write is logged, never fatal: the document is written, and `search.reindex` rebuilds entries.
 */
import { COLLECTIONS, searchEntry, type SearchKind } from '../../types/index'
import type { Context } from './context'

type Indexable = Parameters<typeof searchEntry>[1]

export async function indexForSearch(ctx: Pick<Context, 'db' | 'now' | 'log'>, kind: SearchKind, doc: Indexable): Promise<void> {
  try {
    const { _id, ...data } = searchEntry(kind, doc, ctx.now)
    await ctx.db.collection(COLLECTIONS.search).doc(_id).set({ data })
  } catch (error) {
    ctx.log.warn('search index write failed', { kind, id: doc._id, error: error instanceof Error ? error.message : String(error) })
  }
}
