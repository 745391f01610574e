/** Small database helpers over wx-server-sdk semantics (doc(id).get() throws on a missing doc, duplicate _id inserts fail). */
import type { Db } from './platform'

function textOf(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error)
  const e = error as { message?: unknown; errMsg?: unknown; code?: unknown }
  return [e.code, e.errMsg, e.message].filter((x) => typeof x === 'string').join(' ')
}

/** A second insert of the same `_id` (or a unique-index clash). */
export function isDuplicateError(error: unknown): boolean {
  return /E11000|duplicate|DATABASE_DUPLICATE_WRITE/i.test(textOf(error))
}

export function isTransactionConflict(error: unknown): boolean {
  return /TransactionConflict|Transaction is conflict|DATABASE_TRANSACTION_CONFLICT/i.test(textOf(error))
}

/** The document with this `_id`, or null (a `where({_id})` query: no throw, no index needed). */
export async function findById<T>(db: Db, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as { data: T[] }
  return res.data[0] ?? null
}

/**
 * `doc(id).get()` inside a transaction: the document, or null when there is none (the SDK throws for a missing
 * document — e.g. one a concurrent transaction has just removed); any other error propagates.
 */
export async function getInTransaction<T>(t: any, collection: string, id: string): Promise<T | null> {
  try {
    return ((await t.collection(collection).doc(id).get()) as { data: T | null }).data ?? null
  } catch (error) {
    if (/does not exist|DOCUMENT_NOT_EXIST/i.test(textOf(error))) return null
    throw error
  }
}

/** Documents by `_id` (at most 100), in no particular order. */
export async function findByIds<T>(db: Db, collection: string, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return []
  const _ = db.command
  const res = (await db.collection(collection).where({ _id: _.in(ids.slice(0, 100)) }).limit(100).get()) as { data: T[] }
  return res.data
}

/**
 * Every document matching `filter`, page by page in `_id` order (keyset: the next page starts after the last `_id`),
 * never one capped read — for exports and erasures, where a page not read is data left behind. `filter` must not
 * constrain `_id` itself. Strict index mode accepts it where `filter` alone is covered.
 */
export async function walkAll<T extends { _id: string }>(db: Db, collection: string, filter: Record<string, unknown>, pageSize = 1000): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  let last: string | null = null
  for (;;) {
    const where: Record<string, unknown> = last === null ? filter : { ...filter, _id: _.gt(last) }
    const res = (await db.collection(collection).where(where).orderBy('_id', 'asc').limit(pageSize).get()) as { data: T[] }
    out.push(...res.data)
    if (res.data.length < pageSize) return out
    last = res.data[res.data.length - 1]._id
  }
}

/** Insert a document with a deterministic `_id`; false if one with that `_id` already exists. */
export async function insertOnce(db: Db, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc })
    return true
  } catch (error) {
    if (isDuplicateError(error)) return false
    throw error
  }
}

/** `where(filter).update(data)` → how many documents were modified (the conditional-update primitive). */
export async function updateWhere(db: Db, collection: string, filter: Record<string, unknown>, data: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(collection).where(filter).update({ data })) as { stats?: { updated?: number } }
  return res.stats?.updated ?? 0
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * db.runTransaction, retried when an operation inside it hits a conflict (the SDK retries only conflicting commits).
 * The callback must be idempotent and use only doc(id) operations.
 */
export async function withTransaction<T>(db: Db, run: (transaction: any) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(run)) as T
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error
      await sleep(10 * attempt + Math.floor(Math.random() * 40))
    }
  }
}
