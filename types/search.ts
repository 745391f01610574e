/**
 * Search inside a community over notices, events and proposals (issue 14, Build 2). Chinese has no spaces, so a
 * document is indexed by the character bigrams of its title and text (each run of letters and digits, lower-cased:
 * "楼道灯坏了" → 楼道 道灯 灯坏 坏了), computed by `searchTerms` at write time and stored in the `search` collection
 * with the document's community; a query's bigrams must all be there (`_.all`), on the index (communityId, terms).
 * Two-character queries work (one bigram). Pure and zod-light: used by the functions and by the search page.
 */
import { z } from 'zod'
import { communityIdSchema, idSchema } from './ids'
import { ownText } from './text'

export const SEARCH_KINDS = ['notice', 'event', 'proposal'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]
/** at most this many distinct terms per document (the title's come first) */
export const SEARCH_MAX_TERMS = 400
/** at most this many terms of a query are matched */
export const SEARCH_MAX_QUERY_TERMS = 12

const RUN = /[\p{L}\p{N}]+/gu

function addTerms(out: Set<string>, text: string, max: number): void {
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(RUN)) {
    const chars = [...m[0]]
    if (chars.length === 1) out.add(chars[0])
    for (let i = 0; i + 1 < chars.length && out.size < max; i++) out.add(chars[i] + chars[i + 1])
    if (out.size >= max) return
  }
}

/** A document's terms: bigrams of every run of letters and digits (a one-character run as itself), title first. */
export function searchTerms(...texts: string[]): string[] {
  const out = new Set<string>()
  for (const text of texts) {
    addTerms(out, text, SEARCH_MAX_TERMS)
    if (out.size >= SEARCH_MAX_TERMS) break
  }
  return [...out]
}

/** A query's terms: its bigrams (single characters only when a run is one character long). */
export function queryTerms(q: string): string[] {
  return searchTerms(q).slice(0, SEARCH_MAX_QUERY_TERMS)
}

export interface SearchDoc {
  /** `${kind}_${refId}` */
  _id: string
  communityId: string
  kind: SearchKind
  refId: string
  terms: string[]
  updatedAt: Date
}

export const searchDocId = (kind: SearchKind, refId: string) => `${kind}_${refId}`

/** The search entry of a notice (title, body), event (title, place, description) or proposal (title, description). */
export function searchEntry(
  kind: SearchKind,
  doc: { _id: string; communityId: string; title: string; body?: string; description?: string; place?: string | null },
  now: Date,
): SearchDoc {
  const text = kind === 'notice' ? [doc.body ?? ''] : kind === 'event' ? [doc.place ?? '', doc.description ?? ''] : [doc.description ?? '']
  return {
    _id: searchDocId(kind, doc._id),
    communityId: doc.communityId,
    kind,
    refId: doc._id,
    terms: searchTerms(doc.title, ...text),
    updatedAt: now,
  }
}

export const searchInput = z.strictObject({
  communityId: communityIdSchema,
  /** the search words: read by nobody but the caller (the one text schema normalises them; 0035) */
  q: ownText({ min: 0, max: 30 }).refine((q) => queryTerms(q).some((t) => [...t].length === 2), { message: '请输入至少两个字' }),
  limit: z.number().int().min(1).max(50).optional(),
})
export const searchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: idSchema,
  title: z.string(),
  /** a short piece of the text around the first match */
  snippet: z.string(),
  /** when it happens (event) or was published (notice, proposal) */
  at: z.string().nullable(),
})
export type SearchResult = z.infer<typeof searchResultSchema>
export const searchOutput = z.object({ results: z.array(searchResultSchema) })
export type SearchOutput = z.infer<typeof searchOutput>

export const reindexInput = z.strictObject({ communityId: communityIdSchema })
export const reindexOutput = z.object({ indexed: z.number().int() })

export const searchContract = {
  search: { input: searchInput, output: searchOutput },
  /** staff: (re)build the community's search entries from its notices, events and proposals (backfill) */
  reindex: { input: reindexInput, output: reindexOutput },
} as const

/** Up to `max` characters of `text` around the first place a term of the query appears. */
export function snippetOf(text: string, q: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const term = queryTerms(q).find((t) => flat.toLowerCase().includes(t))
  const at = term ? flat.toLowerCase().indexOf(term) : 0
  const start = Math.max(0, at - 15)
  const piece = flat.slice(start, start + max)
  return `${start > 0 ? '…' : ''}${piece}${start + max < flat.length ? '…' : ''}`
}
