/**
 * The database speaks canonical Extended JSON on the wire (what @cloudbase/database 1.4.3 sends and reads).
 * Inside the emulator documents are plain JS values: numbers, strings, booleans, null, Date, arrays, objects.
 */
import { EJSON, BSONRegExp } from 'bson'

export type Doc = Record<string, any>

const SERVER_DATE = '$tcb_server_date'

/** Parse an EJSON string from the SDK into plain JS values; `serverDate()` placeholders become Dates at `now`. */
export function decode(text: string | undefined, now: number): any {
  if (text === undefined || text === null || text === '') return undefined
  const value = EJSON.parse(text, { relaxed: true })
  return normalize(value, now)
}

function normalize(value: any, now: number): any {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''))
  if (value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map((item) => normalize(item, now))
  const bsontype = (value as any)._bsontype
  if (bsontype === 'Long' || bsontype === 'Int32' || bsontype === 'Double') return Number(value.valueOf?.() ?? value.toString())
  if (bsontype) return value
  const keys = Object.keys(value)
  if (keys.length === 1 && keys[0] === SERVER_DATE) {
    const offset = Number(value[SERVER_DATE]?.offset ?? 0)
    return new Date(now + offset)
  }
  const out: Doc = {}
  for (const key of keys) out[key] = normalize(value[key], now)
  return out
}

/** Canonical EJSON, the shape the SDK's deserializer expects ({"$numberInt":"1"}, {"$date":{"$numberLong":"…"}}). */
export function encode(value: any): string {
  return EJSON.stringify(value, { relaxed: false })
}

/** Deep copy that keeps Dates and RegExps. Documents handed out are always copies, never the stored objects. */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return new Date(value.getTime()) as any
  if (value instanceof RegExp) return value
  if (Array.isArray(value)) return value.map(clone) as any
  const out: any = {}
  for (const key of Object.keys(value as any)) out[key] = clone((value as any)[key])
  return out
}
