/**
 * Declared indexes of one collection (database/collections.json — the same file the production console setup follows).
 * They do three things here, as in the cloud:
 *  - unique indexes refuse a second document with the same key (E11000), missing fields counting as null;
 *  - an equality or $in on an index's first field narrows a query to the documents holding those values;
 *  - in strict mode a query whose fields no declared index covers is refused, naming the index it needs.
 */
import type { Doc } from './ejson'
import { duplicateKey, requestFailed } from './errors'
import { equalityValues, filterFieldGroups } from './query-shape'

export interface IndexDeclaration {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

type Bucket = { byValue: Map<string, Set<string>>; multikey: Set<string> }

export function readPath(doc: unknown, path: string): { value: unknown; multikey: boolean } {
  let current = doc
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return { value: current, multikey: true }
    if (current === null || typeof current !== 'object') return { value: undefined, multikey: false }
    current = Reflect.get(current, part)
  }
  return { value: current, multikey: Array.isArray(current) }
}

export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'z'
  if (value instanceof Date) return `d:${value.getTime()}`
  switch (typeof value) {
    case 'number':
      return `n:${value}`
    case 'string':
      return `s:${value}`
    case 'boolean':
      return `b:${value}`
    default:
      return `o:${JSON.stringify(value)}`
  }
}

export class CollectionIndexes {
  private readonly buckets = new Map<string, Bucket>()
  private readonly uniques = new Map<string, Map<string, string>>()

  constructor(
    readonly collection: string,
    readonly declarations: IndexDeclaration[],
  ) {
    for (const decl of declarations) {
      if (!decl.name || !decl.keys || Object.keys(decl.keys).length === 0) {
        throw new Error(`index on ${collection} needs a name and at least one key`)
      }
      this.buckets.set(decl.name, { byValue: new Map(), multikey: new Set() })
      if (decl.unique) this.uniques.set(decl.name, new Map())
    }
  }

  private uniqueKey(decl: IndexDeclaration, doc: Doc): { key: string; shown: Record<string, unknown> } {
    const shown: Record<string, unknown> = {}
    const parts = Object.keys(decl.keys).map((field) => {
      const { value } = readPath(doc, field)
      shown[field] = value ?? null
      return valueKey(value)
    })
    return { key: parts.join('|'), shown }
  }

  /** Throws E11000 when `doc` (stored under `id`) would break a unique index. */
  assertUnique(id: string, doc: Doc): void {
    for (const decl of this.declarations) {
      if (!decl.unique) continue
      const { key, shown } = this.uniqueKey(decl, doc)
      const holder = this.uniques.get(decl.name)!.get(key)
      if (holder !== undefined && holder !== id) throw duplicateKey(this.collection, decl.name, shown)
    }
  }

  add(id: string, doc: Doc): void {
    for (const decl of this.declarations) {
      const field = Object.keys(decl.keys)[0]
      const bucket = this.buckets.get(decl.name)!
      const { value, multikey } = readPath(doc, field)
      if (multikey) bucket.multikey.add(id)
      else {
        const key = valueKey(value)
        let ids = bucket.byValue.get(key)
        if (!ids) bucket.byValue.set(key, (ids = new Set()))
        ids.add(id)
      }
      if (decl.unique) this.uniques.get(decl.name)!.set(this.uniqueKey(decl, doc).key, id)
    }
  }

  remove(id: string, doc: Doc): void {
    for (const decl of this.declarations) {
      const field = Object.keys(decl.keys)[0]
      const bucket = this.buckets.get(decl.name)!
      bucket.multikey.delete(id)
      const key = valueKey(readPath(doc, field).value)
      const ids = bucket.byValue.get(key)
      if (ids) {
        ids.delete(id)
        if (ids.size === 0) bucket.byValue.delete(key)
      }
      if (decl.unique) {
        const map = this.uniques.get(decl.name)!
        const ukey = this.uniqueKey(decl, doc).key
        if (map.get(ukey) === id) map.delete(ukey)
      }
    }
  }

  /** Ids that can match `query`, from the first index whose first field has an equality or $in; undefined = scan. */
  candidates(query: Doc | undefined): Set<string> | undefined {
    for (const decl of this.declarations) {
      const field = Object.keys(decl.keys)[0]
      const values = equalityValues(query, field)
      if (!values) continue
      const bucket = this.buckets.get(decl.name)!
      const out = new Set<string>(bucket.multikey)
      for (const v of values) for (const id of bucket.byValue.get(valueKey(v)) ?? []) out.add(id)
      return out
    }
    return undefined
  }

  /** Strict mode: refuse a query that would scan in production. Queries by `_id` are always covered. */
  assertCovered(query: Doc | undefined, sort: Record<string, number> | undefined, what: string): void {
    const sortFields = Object.keys(sort ?? {})
    for (const fields of filterFieldGroups(query)) {
      if (fields.includes('_id')) continue
      if (fields.length === 0 && sortFields.length === 0) continue
      const ok = this.declarations.some((decl) => {
        const keys = Object.keys(decl.keys)
        const leads = fields.length > 0 ? fields.includes(keys[0]) : keys[0] === sortFields[0]
        return leads && sortFields.every((f) => keys.includes(f))
      })
      if (!ok) {
        const wanted: Record<string, 1 | -1> = {}
        for (const f of fields) wanted[f] = 1
        for (const f of sortFields) wanted[f] = sort![f] < 0 ? -1 : 1
        const suggestion = { name: Object.keys(wanted).join('_'), keys: wanted }
        throw requestFailed(
          `[strict index mode] ${what} on collection "${this.collection}" filters on [${fields.join(', ')}]` +
            `${sortFields.length ? ` and sorts on [${sortFields.join(', ')}]` : ''} but no declared index covers it; ` +
            `it would scan the whole collection in production. Declare in database/collections.json: ${JSON.stringify(suggestion)}`,
        )
      }
    }
  }
}
