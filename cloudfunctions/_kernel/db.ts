/**
 * The untyped helpers that came before `data.ts` (name-as-string, document type given by the caller). Kept, typed
 * over the SDK's shape, for code not yet moved onto `collection(...)`; new code uses `data.ts`.
 */
import { isDuplicateError, isMissingDocument, isTransactionConflict, retry, TX_ATTEMPTS } from './data'
import type { Db, RawTransaction } from './sdk'

export { isDuplicateError, isTransactionConflict } from './data'

/** The document with this `_id`, or null (a `where({_id})` query: no throw, no index needed). */
export async function findById<T>(db: Db, collection: string, id: string): Promise<T | null> {
  const res = await db.collection(collection).where({ _id: id }).limit(1).get()
  return (res.data[0] as T | undefined) ?? null
}

/**
 * `doc(id).get()` inside a transaction: the document, or null when there is none (the SDK throws for a missing
 * document — e.g. one a concurrent transaction has just removed); any other error propagates.
 */
export async function getInTransaction<T>(t: RawTransaction, collection: string, id: string): Promise<T | null> {
  try {
    return ((await t.collection(collection).doc(id).get()).data as T | null) ?? null
  } catch (error) {
    if (isMissingDocument(error)) return null
    throw error
  }
}

/** Documents by `_id` (at most 100), in no particular order. */
export async function findByIds<T>(db: Db, collection: string, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return []
  const _ = db.command
  const res = await db
    .collection(collection)
    .where({ _id: _.in(ids.slice(0, 100)) })
    .limit(100)
    .get()
  return res.data as T[]
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
export async function updateWhere(
  db: Db,
  collection: string,
  filter: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<number> {
  const res = await db.collection(collection).where(filter).update({ data })
  return res.stats?.updated ?? 0
}

/**
 * db.runTransaction on the raw handle, retried with the kernel's one backoff when an operation inside it hits a
 * conflict. The callback must be idempotent and use only doc(id) operations. New code: `withTransaction` of data.ts.
 */
export async function withTransaction<T>(
  db: { runTransaction(run: (transaction: RawTransaction) => Promise<NoInfer<T>>): Promise<NoInfer<T>> },
  run: (transaction: RawTransaction) => Promise<T>,
  attempts = TX_ATTEMPTS,
): Promise<T> {
  return retry(() => db.runTransaction(run), { attempts, retryOn: isTransactionConflict })
}
