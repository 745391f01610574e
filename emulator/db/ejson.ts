/**
 * The database speaks canonical Extended JSON on the wire (what @cloudbase/database 1.4.3 sends and reads).
 * Inside the emulator documents are plain JS values: numbers, strings, booleans, null, Date, arrays, objects.
 */
import { EJSON, BSONRegExp } from 'bson'

export type Doc = Record<string, unknown>

const SERVER_DATE = '$tcb_server_date'

/** A document (or a query, an update): an object that is not an array, a Date or a RegExp. */
export function isDoc(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp)
}

/** Parse an EJSON string from the SDK into plain JS values; `serverDate()` placeholders become Dates at `now`. */
export function decode(text: string | undefined, now: number): unknown {
  if (text === undefined || text === null || text === '') return undefined
  const value: unknown = EJSON.parse(text, { relaxed: true })
  return normalize(value, now)
}

function normalize(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''))
  if (value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map((item) => normalize(item, now))
  const bsontype = '_bsontype' in value ? value._bsontype : undefined
  // Number() reads a Long through its toString, an Int32 or Double through its valueOf
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double') return Number(value)
  if (bsontype) return value
  const entries: Array<[string, unknown]> = Object.entries(value)
  if (entries.length === 1 && entries[0][0] === SERVER_DATE) {
    const marker = entries[0][1]
    const offset = Number((isDoc(marker) ? marker.offset : undefined) ?? 0)
    return new Date(now + offset)
  }
  const out: Doc = {}
  for (const [key, item] of entries) out[key] = normalize(item, now)
  return out
}

/** Canonical EJSON, the shape the SDK's deserializer expects ({"$numberInt":"1"}, {"$date":{"$numberLong":"…"}}). */
export function encode(value: unknown): string {
  return EJSON.stringify(value, { relaxed: false })
}

/** Deep copy of a document that keeps Dates and RegExps. Documents handed out are always copies, never the stored objects. */
export function clone(doc: object): Doc {
  const out: Doc = {}
  for (const [key, item] of Object.entries(doc)) out[key] = cloneValue(item)
  return out
}

/** Deep copy of any stored value (see clone). */
export function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return new Date(value.getTime())
  if (value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map(cloneValue)
  const out: Doc = {}
  for (const [key, item] of Object.entries(value)) out[key] = cloneValue(item)
  return out
}
