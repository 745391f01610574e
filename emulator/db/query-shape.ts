/**
 * What a query asks for, independent of values: which operators it uses (to refuse ones the cloud would not accept
 * or the emulator cannot answer faithfully) and which fields it filters on (to pick an index and, in strict mode,
 * to refuse queries that no declared index covers).
 */
import { invalidOperator } from './errors'

const QUERY_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$and',
  '$or',
  '$nor',
  '$not',
  '$exists',
  '$elemMatch',
  '$all',
  '$size',
  '$regex',
  '$options',
])
const GEO_OPERATORS = new Set([
  '$geoNear',
  '$near',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$geometry',
  '$maxDistance',
  '$minDistance',
])
const UPDATE_OPERATORS = new Set([
  '$inc',
  '$set',
  '$unset',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$mul',
  '$min',
  '$max',
  '$pop',
  '$rename',
])
const PUSH_MODIFIERS = new Set(['$each', '$position', '$slice', '$sort'])

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp)
}

/** Throws DATABASE_INVALID_OPERRATOR naming the first operator the cloud database query language does not have. */
export function assertQueryOperators(query: unknown, path = 'query'): void {
  if (Array.isArray(query)) return query.forEach((item, i) => assertQueryOperators(item, `${path}[${i}]`))
  if (!isPlainObject(query)) return
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$')) {
      if (GEO_OPERATORS.has(key)) throw invalidOperator(`${key} (geo queries are not available in the local emulator) at ${path}`)
      if (!QUERY_OPERATORS.has(key)) throw invalidOperator(`${key} at ${path}`)
    }
    assertQueryOperators(value, key.startsWith('$') ? `${path}.${key}` : `${path}.${key}`)
  }
}

export function assertUpdateOperators(update: Record<string, unknown>): void {
  for (const [op, fields] of Object.entries(update)) {
    if (!op.startsWith('$')) continue
    if (!UPDATE_OPERATORS.has(op)) throw invalidOperator(`${op} in update`)
    if (op === '$push' && isPlainObject(fields)) {
      for (const spec of Object.values(fields)) {
        if (!isPlainObject(spec)) continue
        for (const key of Object.keys(spec)) {
          if (key.startsWith('$') && !PUSH_MODIFIERS.has(key)) throw invalidOperator(`${key} in $push`)
        }
      }
    }
  }
}

/**
 * The field groups a query needs an index for. A plain query is one group; a query with `$or` needs every branch
 * (plus the rest of the query) covered, as MongoDB needs an index per `$or` branch.
 */
export function filterFieldGroups(query: Record<string, unknown> | undefined): string[][] {
  if (!query) return [[]]
  const base: string[] = []
  const orBranches: Record<string, unknown>[][] = []
  const visit = (q: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((part) => isPlainObject(part) && visit(part))
      else if (key === '$or' && Array.isArray(value)) orBranches.push(value.filter(isPlainObject))
      else if (key === '$nor')
        continue // a negation never narrows the scan
      else if (!key.startsWith('$')) base.push(key)
    }
  }
  visit(query)
  if (orBranches.length === 0) return [unique(base)]
  let groups: string[][] = [base]
  for (const branches of orBranches) {
    const next: string[][] = []
    for (const group of groups) for (const branch of branches) next.push([...group, ...filterFieldGroups(branch).flat()])
    groups = next
  }
  return groups.map(unique)
}

/** Equality constraints on a field that an index lookup can use: `{f: v}`, `{f: {$eq: v}}`, `{f: {$in: [...]}}`. */
export function equalityValues(query: Record<string, unknown> | undefined, field: string): unknown[] | undefined {
  if (!query) return undefined
  const direct = query[field]
  const fromCondition = (cond: unknown): unknown[] | undefined => {
    if (cond === undefined) return undefined
    if (!isPlainObject(cond)) return cond instanceof RegExp || Array.isArray(cond) ? undefined : [cond]
    const keys = Object.keys(cond)
    if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return undefined
    const scalar = (v: unknown) => !isPlainObject(v) && !Array.isArray(v) && !(v instanceof RegExp)
    if ('$eq' in cond && scalar(cond.$eq)) return [cond.$eq]
    const list: unknown = cond.$in
    if (Array.isArray(list) && list.every(scalar)) return list
    return undefined
  }
  const found = fromCondition(direct)
  if (found) return found
  if (Array.isArray(query.$and)) {
    for (const part of query.$and) {
      const inner = isPlainObject(part) ? equalityValues(part, field) : undefined
      if (inner) return inner
    }
  }
  return undefined
}

function unique(list: string[]): string[] {
  return [...new Set(list)]
}
