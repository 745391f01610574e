/**
 * The emulator's database: documents in memory (answering queries through mingo and the declared indexes), every
 * acknowledged write first committed to one SQLite file (WAL) so it survives `kill -9`.
 *
 * Transactions follow the cloud's MongoDB engine: reads see a snapshot taken at start; the first transaction to
 * write a document wins and a later writer's operation fails with TransactionConflict; a document changed outside
 * the transaction after it started makes the commit fail with TransactionConflict (which the SDK's runTransaction
 * retries). Inside a transaction only single-document operations by `_id` exist, as in the cloud.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import Database from 'libsql'
import { Query, aggregate as mingoAggregate, find as mingoFind, update as mingoUpdate } from 'mingo'
import { z } from 'zod'
import { clone, cloneValue, decode, encode, isDoc, type Doc } from './ejson'
import {
  CloudError,
  collectionNotExist,
  duplicateKey,
  invalidOperator,
  invalidParam,
  requestFailed,
  transactionConflict,
  transactionNotExist,
} from './errors'
import { CollectionIndexes, type IndexDeclaration } from './indexes'
import { assertQueryOperators, assertUpdateOperators, equalityValues } from './query-shape'

type Stored = { doc: Doc; seq: number }
type Version = { seq: number; doc: Doc | null }
type Change = { collection: string; id: string; doc: Doc | null }

interface Collection {
  name: string
  docs: Map<string, Stored>
  indexes: CollectionIndexes
}

interface Transaction {
  id: string
  startSeq: number
  expiresAt: number
  writes: Map<string, Change> // key → pending change
}

export interface StoreOptions {
  /** SQLite file; omitted or ':memory:' keeps everything in memory (tests). */
  file?: string
  /** Refuse queries no declared index covers (on in tests). */
  strictIndexes?: boolean
  now?: () => number
  transactionTimeoutMs?: number
}

export interface FindOptions {
  query?: Doc
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

/** The rows of the two tables the store keeps on disk (see the constructor). */
const collectionRowSchema = z.object({ name: z.string(), indexes: z.string() })
const documentRowSchema = z.object({ collection: z.string(), id: z.string(), body: z.string() })

export const MAX_LIMIT = 1000
export const DEFAULT_LIMIT = 100

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`

export function newDocumentId(): string {
  return randomBytes(16).toString('hex')
}

function hasOperators(data: Doc): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'))
}

function idFromQuery(query: Doc | undefined): string | undefined {
  const id = query?._id
  return typeof id === 'string' ? id : undefined
}

/** Wrap mingo's own failures (unknown operators, bad arguments) as the cloud's invalid-command error. */
function withMingo<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof CloudError) throw error
    const message = (error as Error).message ?? String(error)
    if (/unknown|not supported|unsupported|invalid/i.test(message)) throw invalidOperator(message)
    throw requestFailed(message)
  }
}

export class Store {
  private readonly sql: Database.Database
  private upsertStatement?: Database.Statement
  private removeStatement?: Database.Statement
  private readonly collections = new Map<string, Collection>()
  private readonly history = new Map<string, Version[]>()
  private readonly transactions = new Map<string, Transaction>()
  private readonly locks = new Map<string, string>()
  private seq = 1
  readonly strictIndexes: boolean
  private readonly now: () => number
  private readonly transactionTimeoutMs: number

  constructor(options: StoreOptions = {}) {
    this.strictIndexes = options.strictIndexes ?? false
    this.now = options.now ?? Date.now
    this.transactionTimeoutMs = options.transactionTimeoutMs ?? 30_000
    this.sql = new Database(options.file ?? ':memory:')
    if (options.file && options.file !== ':memory:') {
      this.sql.pragma('journal_mode = WAL')
      // NORMAL in WAL mode: a commit is in the OS before we answer, so it survives the process being killed.
      this.sql.pragma('synchronous = NORMAL')
    }
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (collection, id)) WITHOUT ROWID;`)
    this.load()
  }

  private load(): void {
    for (const raw of this.sql.prepare('SELECT name, indexes FROM collections').all()) {
      const row = collectionRowSchema.parse(raw)
      this.collections.set(row.name, {
        name: row.name,
        docs: new Map(),
        indexes: new CollectionIndexes(row.name, JSON.parse(row.indexes)),
      })
    }
    for (const raw of this.sql.prepare('SELECT collection, id, body FROM documents').iterate()) {
      const row = documentRowSchema.parse(raw)
      const collection = this.collections.get(row.collection)
      if (!collection) continue
      const doc = decode(row.body, 0)
      if (!isDoc(doc)) throw new Error(`${row.collection}/${row.id} on disk is not a document`)
      collection.docs.set(row.id, { doc, seq: 0 })
      collection.indexes.add(row.id, doc)
    }
  }

  close(): void {
    this.sql.close()
  }

  // ---------------------------------------------------------------- collections

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  /** Create a collection, or bring its declared indexes up to date. Existing documents are re-indexed. */
  ensureCollection(name: string, indexes: IndexDeclaration[] = []): void {
    const existing = this.collections.get(name)
    const next = new CollectionIndexes(name, indexes)
    const docs = existing?.docs ?? new Map<string, Stored>()
    for (const [id, stored] of docs) {
      next.assertUnique(id, stored.doc)
      next.add(id, stored.doc)
    }
    this.sql
      .prepare('INSERT INTO collections (name, indexes) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET indexes = excluded.indexes')
      .run(name, JSON.stringify(indexes))
    this.collections.set(name, { name, docs, indexes: next })
  }

  /** `database.addCollection`: like the cloud, creating one that exists is an error. */
  addCollection(name: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) throw invalidParam(`invalid collection name: ${name}`)
    if (this.collections.has(name)) throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`)
    this.ensureCollection(name, [])
  }

  private collection(name: string): Collection {
    const collection = this.collections.get(name)
    if (!collection) throw collectionNotExist(name)
    return collection
  }

  /** Every document of a collection, as plain copies (test assertions, tools). */
  dump(name: string): Doc[] {
    return [...this.collection(name).docs.values()].map((s) => clone(s.doc))
  }

  /** Remove every document, keep collections and indexes. */
  clear(): void {
    this.sql.exec('DELETE FROM documents')
    for (const collection of this.collections.values()) {
      collection.docs.clear()
      collection.indexes = new CollectionIndexes(collection.name, collection.indexes.declarations)
    }
  }

  // ---------------------------------------------------------------- committing

  /** Persist then apply a set of changes atomically; bumps the global sequence once. */
  private commitChanges(changes: Change[]): void {
    if (changes.length === 0) return
    const seq = ++this.seq
    // Validate unique indexes against the state the changes produce before touching anything.
    for (const change of changes) {
      const collection = this.collection(change.collection)
      if (change.doc) collection.indexes.assertUnique(change.id, change.doc)
    }
    this.upsertStatement ??= this.sql.prepare(
      'INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT(collection, id) DO UPDATE SET body = excluded.body',
    )
    this.removeStatement ??= this.sql.prepare('DELETE FROM documents WHERE collection = ? AND id = ?')
    const write = (c: Change) =>
      c.doc ? this.upsertStatement!.run(c.collection, c.id, encode(c.doc)) : this.removeStatement!.run(c.collection, c.id)
    // One statement is atomic on its own; several are written in one SQLite transaction.
    if (changes.length === 1) write(changes[0])
    else this.sql.transaction(() => changes.forEach(write))()
    for (const change of changes) {
      const collection = this.collection(change.collection)
      const previous = collection.docs.get(change.id)
      if (this.transactions.size > 0) this.remember(change, previous, seq)
      if (previous) collection.indexes.remove(change.id, previous.doc)
      if (change.doc) {
        collection.docs.set(change.id, { doc: change.doc, seq })
        collection.indexes.add(change.id, change.doc)
      } else {
        collection.docs.delete(change.id)
      }
    }
  }

  /** Keep the version a running transaction's snapshot may still need. */
  private remember(change: Change, previous: Stored | undefined, seq: number): void {
    const key = keyOf(change.collection, change.id)
    let versions = this.history.get(key)
    if (!versions) this.history.set(key, (versions = []))
    if (previous) versions.push({ seq: previous.seq, doc: previous.doc })
    if (!change.doc) versions.push({ seq, doc: null })
  }

  private readAt(collection: Collection, id: string, snapshotSeq: number): Doc | null {
    const current = collection.docs.get(id)
    const versions = [...(this.history.get(keyOf(collection.name, id)) ?? [])]
    if (current) versions.push({ seq: current.seq, doc: current.doc })
    let best: Version | undefined
    for (const v of versions) if (v.seq <= snapshotSeq && (!best || v.seq >= best.seq)) best = v
    return best?.doc ?? null
  }

  // ---------------------------------------------------------------- reads

  private matching(collection: Collection, query: Doc | undefined, what: string, sort?: Record<string, number>): Doc[] {
    assertQueryOperators(query)
    if (this.strictIndexes) collection.indexes.assertCovered(query, sort, what)
    // The commonest query of all — doc(id).get(), doc(id).update() — needs no query engine.
    if (query && typeof query._id === 'string' && Object.keys(query).length === 1) {
      const stored = collection.docs.get(query._id)
      return stored && stored.doc._id === query._id ? [stored.doc] : []
    }
    const byIds = equalityValues(query, '_id')
    let source: Iterable<Stored>
    if (byIds) {
      source = byIds.map((id) => collection.docs.get(String(id))).filter((s): s is Stored => s !== undefined)
    } else {
      const ids = collection.indexes.candidates(query)
      source = ids ? [...ids].map((id) => collection.docs.get(id)!).filter(Boolean) : collection.docs.values()
    }
    const hasFilter = query && Object.keys(query).length > 0
    const test = hasFilter ? withMingo(() => new Query(query!)) : undefined
    const out: Doc[] = []
    for (const stored of source) if (!test || withMingo(() => test.test(stored.doc))) out.push(stored.doc)
    return out
  }

  find(name: string, options: FindOptions): Doc[] {
    const collection = this.collection(name)
    const matched = this.matching(collection, options.query, 'query', options.sort)
    const limit = Math.min(Math.max(options.limit ?? DEFAULT_LIMIT, 0), MAX_LIMIT)
    const projected = options.projection && Object.keys(options.projection).length > 0
    const sorted = options.sort && Object.keys(options.sort).length > 0
    if (!projected && !sorted) return matched.slice(options.skip ?? 0, (options.skip ?? 0) + limit)
    return withMingo(() => {
      let cursor = mingoFind(matched, {}, options.projection && Object.keys(options.projection).length ? options.projection : undefined)
      if (options.sort && Object.keys(options.sort).length) cursor = cursor.sort(options.sort)
      if (options.skip) cursor = cursor.skip(options.skip)
      return cursor.limit(limit).all() as Doc[]
    })
  }

  count(name: string, query: Doc | undefined): number {
    return this.matching(this.collection(name), query, 'count').length
  }

  aggregate(name: string, pipeline: Doc[]): Doc[] {
    const collection = this.collection(name)
    for (const stage of pipeline) {
      const [op] = Object.keys(stage)
      if (op === '$geoNear') throw invalidOperator('$geoNear (geo queries are not available in the local emulator)')
    }
    const first = pipeline[0]
    const leadingMatch = first && '$match' in first ? (first.$match as Doc) : undefined
    const input = this.matching(collection, leadingMatch, 'aggregate $match')
    const rest = leadingMatch ? pipeline.slice(1) : pipeline
    const run = (docs: Doc[], stages: Doc[]) =>
      stages.length === 0
        ? docs
        : withMingo(() => mingoAggregate(docs, stages, { collectionResolver: (other: string) => this.dump(other) }) as Doc[])
    // A $lookup on the other collection's `_id` reads those documents by id, as the cloud's index does, instead of
    // scanning the whole collection for every call (the same result as mingo's $lookup).
    let docs = input
    let stages: Doc[] = []
    for (const stage of rest) {
      const lookup = (
        stage as { $lookup?: { from?: unknown; localField?: unknown; foreignField?: unknown; as?: unknown; pipeline?: unknown } }
      ).$lookup
      if (
        !lookup ||
        lookup.foreignField !== '_id' ||
        typeof lookup.localField !== 'string' ||
        typeof lookup.from !== 'string' ||
        typeof lookup.as !== 'string' ||
        lookup.pipeline
      ) {
        stages.push(stage)
        continue
      }
      docs = run(docs, stages)
      stages = []
      const other = this.collection(lookup.from)
      const local = lookup.localField.split('.')
      const as = lookup.as
      docs = docs.map((doc) => {
        let value: unknown = doc
        for (const key of local) value = value && typeof value === 'object' ? (value as Doc)[key] : undefined
        const keys = Array.isArray(value) ? value : [value]
        const found = keys
          .filter((k) => typeof k === 'string' || typeof k === 'number')
          .map((k) => other.docs.get(String(k)))
          .filter((hit): hit is Stored => hit !== undefined && keys.includes(hit.doc._id))
          .map((hit) => clone(hit.doc))
        return { ...doc, [as]: found }
      })
    }
    return run(docs, stages)
  }

  // ---------------------------------------------------------------- writes (outside transactions)

  /** Documents of any object type (tests and benches insert their typed documents); each is stored as a copy. */
  insert(name: string, docs: readonly object[]): string[] {
    const collection = this.collection(name)
    const ids: string[] = []
    const changes: Change[] = []
    const seen = new Set<string>()
    for (const input of docs) {
      const doc = clone(input)
      if (doc._id === undefined || doc._id === null) doc._id = newDocumentId()
      if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw invalidParam('_id must be a string or number')
      const id = String(doc._id)
      if (collection.docs.has(id) || seen.has(id)) throw duplicateKey(name, '_id_', { _id: doc._id })
      seen.add(id)
      ids.push(id)
      changes.push({ collection: name, id, doc })
    }
    this.commitChanges(changes)
    return ids
  }

  /** modifyDocument: update with operators (merge) or replace (set); optional upsert; one or many. */
  modify(
    name: string,
    args: { query?: Doc; data: Doc; multi: boolean; merge: boolean; upsert: boolean },
  ): { updated: number; upsertId?: string } {
    const collection = this.collection(name)
    const update = this.normalizeUpdate(args.data, args.merge)
    const targets = this.matching(collection, args.query, 'update')
    const chosen = args.multi ? targets : targets.slice(0, 1)
    const changes: Change[] = []
    for (const doc of chosen) {
      const next = this.applyUpdate(doc, update, args.merge)
      if (encode(next) !== encode(doc)) changes.push({ collection: name, id: String(doc._id), doc: next })
    }
    if (chosen.length === 0 && args.upsert) {
      const seed: Doc = {}
      for (const [k, v] of Object.entries(args.query ?? {}))
        if (!k.startsWith('$') && (v === null || typeof v !== 'object' || v instanceof Date)) seed[k] = v
      const created = this.applyUpdate(seed, update, args.merge)
      if (created._id === undefined) created._id = seed._id ?? newDocumentId()
      const id = String(created._id)
      this.commitChanges([{ collection: name, id, doc: created }])
      return { updated: 0, upsertId: id }
    }
    this.commitChanges(changes)
    return { updated: changes.length }
  }

  remove(name: string, args: { query?: Doc; multi: boolean }): number {
    const collection = this.collection(name)
    const targets = this.matching(collection, args.query, 'remove')
    const chosen = args.multi ? targets : targets.slice(0, 1)
    this.commitChanges(chosen.map((doc) => ({ collection: name, id: String(doc._id), doc: null })))
    return chosen.length
  }

  private normalizeUpdate(data: Doc, merge: boolean): Doc {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalidParam('update data must be an object')
    if (!merge) {
      if (hasOperators(data)) throw invalidParam('set() takes a plain document, not update operators')
      return data
    }
    if (!hasOperators(data)) return Object.keys(data).length ? { $set: data } : {}
    assertUpdateOperators(data)
    if (isDoc(data.$set) && '_id' in data.$set)
      throw invalidParam("Performing an update on the path '_id' would modify the immutable field '_id'")
    return data
  }

  private applyUpdate(doc: Doc, update: Doc, merge: boolean): Doc {
    if (!merge) {
      const replaced = clone(update)
      delete replaced._id
      return doc._id === undefined ? replaced : { _id: doc._id, ...replaced }
    }
    const next = clone(doc)
    if (Object.keys(update).length && !applyTopLevelSetAndInc(next, update)) {
      withMingo(() => mingoUpdate(next, update, [], undefined, { cloneMode: 'deep' }))
    }
    return next
  }

  // ---------------------------------------------------------------- transactions

  begin(): string {
    const id = randomUUID()
    const transaction: Transaction = { id, startSeq: this.seq, expiresAt: this.now() + this.transactionTimeoutMs, writes: new Map() }
    this.transactions.set(id, transaction)
    setTimeout(() => this.end(id), this.transactionTimeoutMs + 50).unref?.()
    return id
  }

  private transaction(id: string): Transaction {
    const transaction = this.transactions.get(id)
    if (!transaction) throw transactionNotExist()
    if (this.now() > transaction.expiresAt) {
      this.end(id)
      throw transactionNotExist()
    }
    return transaction
  }

  private end(id: string): void {
    const transaction = this.transactions.get(id)
    if (!transaction) return
    for (const key of transaction.writes.keys()) if (this.locks.get(key) === id) this.locks.delete(key)
    this.transactions.delete(id)
    if (this.transactions.size === 0) this.history.clear()
  }

  private requireId(query: Doc | undefined, what: string): string {
    const id = idFromQuery(query)
    if (id === undefined || Object.keys(query ?? {}).length !== 1) {
      throw invalidParam(`${what} inside a transaction must address one document by _id (doc(id)), as in the cloud`)
    }
    return id
  }

  /** The document as this transaction sees it: its own pending write, else the snapshot. */
  private txnView(transaction: Transaction, collection: Collection, id: string): Doc | null {
    const pending = transaction.writes.get(keyOf(collection.name, id))
    if (pending) return pending.doc
    return this.readAt(collection, id, transaction.startSeq)
  }

  /** First writer wins: a document locked by another transaction, or committed since our snapshot, conflicts now. */
  private claim(transaction: Transaction, collection: Collection, id: string): void {
    const key = keyOf(collection.name, id)
    const holder = this.locks.get(key)
    if (holder && holder !== transaction.id) throw transactionConflict()
    const current = collection.docs.get(id)
    const changedSince = current ? current.seq > transaction.startSeq : this.readAt(collection, id, transaction.startSeq) !== null
    if (changedSince) throw transactionConflict()
    this.locks.set(key, transaction.id)
  }

  txnGet(transactionId: string, name: string, query: Doc | undefined): Doc[] {
    const transaction = this.transaction(transactionId)
    const collection = this.collection(name)
    const doc = this.txnView(transaction, collection, this.requireId(query, 'get'))
    return doc ? [doc] : []
  }

  txnInsert(transactionId: string, name: string, docs: readonly object[]): string[] {
    const transaction = this.transaction(transactionId)
    const collection = this.collection(name)
    return docs.map((input) => {
      const doc = clone(input)
      if (doc._id === undefined || doc._id === null) doc._id = newDocumentId()
      const id = String(doc._id)
      if (this.txnView(transaction, collection, id)) throw duplicateKey(name, '_id_', { _id: doc._id })
      this.claim(transaction, collection, id)
      transaction.writes.set(keyOf(name, id), { collection: name, id, doc })
      return id
    })
  }

  txnModify(
    transactionId: string,
    name: string,
    args: { query?: Doc; data: Doc; merge: boolean; upsert: boolean; multi: boolean },
  ): { updated: number; upsertId?: string } {
    const transaction = this.transaction(transactionId)
    const collection = this.collection(name)
    if (args.multi) throw invalidParam('multi-document update inside a transaction is not supported, as in the cloud')
    const id = this.requireId(args.query, 'update')
    const update = this.normalizeUpdate(args.data, args.merge)
    const current = this.txnView(transaction, collection, id)
    if (!current && !args.upsert) return { updated: 0 }
    this.claim(transaction, collection, id)
    const next = this.applyUpdate(current ?? { _id: id }, update, args.merge)
    next._id = current?._id ?? id
    transaction.writes.set(keyOf(name, id), { collection: name, id, doc: next })
    return current ? { updated: encode(next) !== encode(current) ? 1 : 0 } : { updated: 0, upsertId: id }
  }

  txnRemove(transactionId: string, name: string, query: Doc | undefined): number {
    const transaction = this.transaction(transactionId)
    const collection = this.collection(name)
    const id = this.requireId(query, 'remove')
    if (!this.txnView(transaction, collection, id)) return 0
    this.claim(transaction, collection, id)
    transaction.writes.set(keyOf(name, id), { collection: name, id, doc: null })
    return 1
  }

  commit(transactionId: string): void {
    const transaction = this.transaction(transactionId)
    try {
      for (const change of transaction.writes.values()) {
        const current = this.collection(change.collection).docs.get(change.id)
        if (current && current.seq > transaction.startSeq) throw transactionConflict()
        if (!current && this.readAt(this.collection(change.collection), change.id, transaction.startSeq)) throw transactionConflict()
      }
      this.commitChanges([...transaction.writes.values()])
    } finally {
      this.end(transactionId)
    }
  }

  abort(transactionId: string): void {
    this.transaction(transactionId)
    this.end(transactionId)
  }

  activeTransactions(): number {
    return this.transactions.size
  }
}

/**
 * The updates functions send most — `$set` and `$inc` of top-level fields — applied without the query engine (which
 * builds its operator tables afresh for every update). Anything else (dotted paths, other operators, `$inc` of a
 * non-number) returns false and goes through mingo, which owns the semantics and the errors.
 */
function applyTopLevelSetAndInc(doc: Doc, update: Doc): boolean {
  const ops = Object.keys(update)
  if (!ops.every((op) => op === '$set' || op === '$inc')) return false
  const set = (update.$set ?? {}) as Doc
  const inc = (update.$inc ?? {}) as Doc
  const simple = (field: string) => !field.includes('.') && !field.startsWith('$') && field !== ''
  if (!Object.keys(set).every(simple) || !Object.keys(inc).every(simple)) return false
  for (const [field, by] of Object.entries(inc)) {
    if (field in set || typeof by !== 'number' || (doc[field] !== undefined && typeof doc[field] !== 'number')) return false
  }
  for (const [field, value] of Object.entries(set)) doc[field] = cloneValue(value)
  for (const [field, by] of Object.entries(inc)) doc[field] = ((doc[field] as number | undefined) ?? 0) + (by as number)
  return true
}
