/**
 * `POST /admin` database actions, in the shapes @cloudbase/database 1.4.3 (inside wx-server-sdk 4.0.2) sends and reads.
 * See ../../test/fixtures/tcb-wire for captured request bodies; test/emulator/wire-contract.test.ts keeps them stable.
 */
import { z } from 'zod'
import { decode, encode, isDoc, type Doc } from './ejson'
import { invalidParam } from './errors'
import type { Store } from './store'

export type DatabaseBody = Record<string, unknown>

function parseOrder(order: unknown, now: number): Record<string, 1 | -1> | undefined {
  if (!order) return undefined
  const parsed = typeof order === 'string' ? decode(order, now) : order
  if (Array.isArray(parsed)) {
    // older SDKs: [{field, direction}]
    const out: Record<string, 1 | -1> = {}
    for (const item of parsed) out[item.field] = item.direction === 'desc' ? -1 : 1
    return out
  }
  const out: Record<string, 1 | -1> = {}
  for (const [k, v] of Object.entries(parsed ?? {})) out[k] = Number(v) < 0 || v === 'desc' ? -1 : 1
  return out
}

function parseQuery(body: DatabaseBody, now: number): Doc | undefined {
  const query = typeof body.query === 'string' ? decode(body.query, now) : body.query
  if (query === undefined || query === null) return undefined
  if (!isDoc(query)) throw invalidParam('query must be an object')
  return query
}

/** aggregate: each stage as the SDK sends it, its value EJSON text (older SDKs: the value itself) */
const stagesSchema = z.array(z.object({ stageKey: z.string(), stageValue: z.unknown() }))

function collectionName(body: DatabaseBody): string {
  const name = body.collectionName
  if (typeof name !== 'string' || !name) throw invalidParam('collectionName is required')
  return name
}

function nonNegativeInt(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw invalidParam(`${field} must be a non-negative integer`)
  return n
}

/** Answers one database action; throws CloudError for the cloud's error answers. */
export function handleDatabaseAction(store: Store, body: DatabaseBody, now: number): Record<string, unknown> {
  const transactionId = typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined
  switch (body.action) {
    case 'database.addCollection':
      store.addCollection(collectionName(body))
      return { data: {} }

    case 'database.insertDocument': {
      const name = collectionName(body)
      const raw: unknown[] = Array.isArray(body.data) ? body.data : [body.data]
      const docs = raw.map((item) => (typeof item === 'string' ? decode(item, now) : item))
      if (!docs.every(isDoc)) throw invalidParam('data must be documents')
      const insertedIds = transactionId ? store.txnInsert(transactionId, name, docs) : store.insert(name, docs)
      return { data: { insertedIds } }
    }

    case 'database.getDocument': {
      const name = collectionName(body)
      const query = parseQuery(body, now)
      if (transactionId) {
        return { data: { list: store.txnGet(transactionId, name, query).map(encode) } }
      }
      const limit = nonNegativeInt(body.limit, 'limit')
      const offset = nonNegativeInt(body.offset, 'offset')
      const projected = typeof body.projection === 'string' ? decode(body.projection, now) : body.projection
      const projection = isDoc(projected) ? projected : undefined
      const docs = store.find(name, {
        query,
        sort: parseOrder(body.order, now),
        skip: offset,
        limit: body.queryType === 'DOC' ? 1 : limit,
        projection,
      })
      return { data: { list: docs.map(encode), limit: limit ?? 100, offset: offset ?? 0 } }
    }

    case 'database.calculateDocument':
      return { data: { total: store.count(collectionName(body), parseQuery(body, now)) } }

    case 'database.modifyDocument': {
      const name = collectionName(body)
      const data = typeof body.data === 'string' ? decode(body.data, now) : body.data
      if (!isDoc(data)) throw invalidParam('update data must be an object')
      const args = {
        query: parseQuery(body, now),
        data,
        multi: body.queryType === 'DOC' ? false : Boolean(body.multi),
        merge: body.merge !== false,
        upsert: Boolean(body.upsert),
      }
      const result = transactionId ? store.txnModify(transactionId, name, args) : store.modify(name, args)
      return { data: result.upsertId !== undefined ? { updated: result.updated, upsert_id: result.upsertId } : { updated: result.updated } }
    }

    case 'database.removeDocument': {
      const name = collectionName(body)
      const query = parseQuery(body, now)
      const deleted = transactionId
        ? store.txnRemove(transactionId, name, query)
        : store.remove(name, { query, multi: body.queryType === 'DOC' ? false : body.multi !== false })
      return { data: { deleted } }
    }

    case 'database.aggregateDocuments': {
      const name = collectionName(body)
      const parsed = stagesSchema.safeParse(body.stages ?? [])
      if (!parsed.success) throw invalidParam('stages must be a list of {stageKey, stageValue}')
      const stages = parsed.data
      const pipeline = stages.map((s) => ({ [s.stageKey]: typeof s.stageValue === 'string' ? decode(s.stageValue, now) : s.stageValue }))
      return { data: { list: store.aggregate(name, pipeline).map(encode) } }
    }

    case 'database.startTransaction':
      return { transactionId: store.begin() }

    case 'database.commitTransaction':
      store.commit(String(body.transactionId))
      return {}

    case 'database.abortTransaction':
      store.abort(String(body.transactionId))
      return {}

    default:
      throw invalidParam(`unknown action ${body.action}`)
  }
}
