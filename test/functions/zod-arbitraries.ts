/**
 * fast-check arbitraries derived from the contract's zod schemas (zod 4 internals: `_zod.def`):
 *  - `shapedArb(schema)`: values of the schema's shape — ids from their pattern, texts within their bounds (with
 *    zero-width and bidi characters mixed in, which normalisation removes), numbers in range, enums, arrays;
 *    object-level refinements are not modelled, so some are still refused.
 *  - `hostileArb(schema)`: one of those values made hostile at one place: a wrong type, zero-width-only or
 *    bidi-only text, an operator object where a string belongs (`{"$ne": null}`, `{"$gt": ""}`), an oversize string
 *    or array, a missing required field, an unknown field, or a non-object input.
 */
import fc from 'fast-check'
import type { z } from 'zod'
import { textMarks } from '../../types/index'

type Def = { type: string; checks?: { _zod: { def: any } }[]; [key: string]: any }
const defOf = (schema: z.ZodType): Def => (schema as any)._zod.def
const checksOf = (schema: z.ZodType) => (defOf(schema).checks ?? []).map((c) => c._zod.def)
const bound = (schema: z.ZodType, check: string, key: string): number | undefined => checksOf(schema).find((c) => c.check === check)?.[key]

export const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']
export const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F']
const CJK = [...'院坝社区居民活动通知建议孩子议事会儿童小明路灯停车花园老人课程报名志愿服务']
const OPERATORS = [{ $ne: null }, { $gt: '' }, { $regex: '.*' }, { $where: '1' }, { $exists: true }, { $in: ['demo-staff'] }]

const invisible = fc.constantFrom(...ZERO_WIDTH, ...BIDI)
/** Visible text of length min..max, with invisible characters sprinkled in (they do not count). */
function textArb(min: number, max: number): fc.Arbitrary<string> {
  const visible = fc.array(fc.constantFrom(...CJK, ' ', 'a', '1'), {
    minLength: Math.max(min, 1),
    maxLength: Math.max(min, Math.min(max, 40)),
  })
  return fc.tuple(visible, fc.array(fc.tuple(fc.nat(40), invisible), { maxLength: 3 })).map(([chars, extra]) => {
    const out = chars.map((c, i) => (i === 0 && c === ' ' ? '字' : c))
    for (const [at, c] of extra) out.splice(at % (out.length + 1), 0, c)
    return out.join('')
  })
}

/** Values of the schema's shape (see the module comment). */
export function shapedArb(schema: z.ZodType): fc.Arbitrary<unknown> {
  const mark = textMarks.get(schema)
  if (mark) return textArb(mark.min, mark.max)
  const def = defOf(schema)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const required = Object.keys(shape).filter((k) => !['optional', 'default', 'prefault'].includes(defOf(shape[k]).type))
      const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, shapedArb(s)]))
      // an undefined optional value is the same as a missing one on the wire
      return fc
        .record(fields, { requiredKeys: required as any })
        .map((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)))
    }
    case 'optional':
      return fc.option(shapedArb(def.innerType), { nil: undefined })
    case 'nullable':
      return fc.option(shapedArb(def.innerType), { nil: null })
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return shapedArb(def.innerType)
    case 'pipe':
      return defOf(def.out).type === 'transform' ? shapedArb(def.in) : shapedArb(def.out)
    case 'string': {
      if (def.format === 'datetime')
        return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
      const pattern = checksOf(schema).find((c) => c.check === 'string_format' && c.pattern)?.pattern as RegExp | undefined
      if (pattern) return fc.stringMatching(pattern).filter((s) => schema.safeParse(s).success)
      const min = bound(schema, 'min_length', 'minimum') ?? 0
      const max = bound(schema, 'max_length', 'maximum') ?? 40
      return textArb(min, max)
    }
    case 'number': {
      const min = bound(schema, 'greater_than', 'value') ?? -1000
      const max = bound(schema, 'less_than', 'value') ?? 1000
      return fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    }
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'array': {
      const min = bound(schema, 'min_length', 'minimum') ?? 0
      const max = Math.min(bound(schema, 'max_length', 'maximum') ?? 5, Math.max(min, 3))
      return fc.array(shapedArb(def.element), { minLength: min, maxLength: max })
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(shapedArb))
    case 'record':
      return fc.dictionary(fc.constantFrom('a', 'b'), shapedArb(def.valueType), { maxKeys: 2 })
    case 'null':
      return fc.constant(null)
    default:
      return fc.constant(undefined)
  }
}

/** The largest `max_length` of a string or array schema (unwrapping optional/nullable/pipe), or a default. */
function maxOf(schema: z.ZodType): number {
  const mark = textMarks.get(schema)
  if (mark) return mark.max
  const def = defOf(schema)
  if (['optional', 'nullable', 'default', 'readonly'].includes(def.type)) return maxOf(def.innerType)
  if (def.type === 'pipe') return maxOf(def.in)
  return bound(schema, 'max_length', 'maximum') ?? 64
}
const kindOf = (schema: z.ZodType): string => {
  if (textMarks.get(schema)) return 'string'
  const def = defOf(schema)
  if (['optional', 'nullable', 'default', 'readonly'].includes(def.type)) return kindOf(def.innerType)
  if (def.type === 'pipe') return kindOf(def.in)
  return def.type
}

/** A hostile value for one field of the given schema. */
function hostileValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  const kind = kindOf(schema)
  const wrongTypes: unknown[] = [12345, -1.5, true, null, [], ['x'], {}, 'x', '', 1e308]
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(
      ...wrongTypes.filter((v) =>
        kind === 'string'
          ? typeof v !== 'string'
          : kind === 'number'
            ? typeof v !== 'number'
            : kind === 'boolean'
              ? typeof v !== 'boolean'
              : kind === 'array'
                ? !Array.isArray(v)
                : true,
      ),
    ),
    fc.constantFrom(...OPERATORS),
  ]
  if (kind === 'string' || kind === 'enum' || kind === 'literal') {
    options.push(
      fc.array(fc.constantFrom(...ZERO_WIDTH), { minLength: 1, maxLength: 8 }).map((a) => a.join('')), // zero-width only
      fc.array(fc.constantFrom(...BIDI, ' ', '\u3000'), { minLength: 1, maxLength: 8 }).map((a) => a.join('')), // bidi only
      fc.constantFrom('\u202Eadmin', '../../etc', 'a/b', '$where', 'a.b'),
      fc.constant('长'.repeat(maxOf(schema) * 4 + 100)), // oversize even after any normalisation
    )
  }
  if (kind === 'array') {
    const max = maxOf(schema)
    options.push(fc.constant(Array.from({ length: max + 1 + 50 }, () => 'x')), fc.constant([{ $gt: '' }]), fc.constant([null]))
  }
  return fc.oneof(...options)
}

const objectShape = (schema: z.ZodType): Record<string, z.ZodType> | null => {
  const def = defOf(schema)
  if (def.type === 'object') return def.shape
  if (def.type === 'pipe') return objectShape(def.in)
  return null
}

/** A shaped input made hostile at one place (see the module comment). Not filtered: the caller keeps what the schema refuses. */
export function hostileArb(schema: z.ZodType): fc.Arbitrary<{ how: string; input: unknown }> {
  const shape = objectShape(schema)
  const base = shapedArb(schema) as fc.Arbitrary<Record<string, unknown>>
  const notAnObject = fc
    .constantFrom<unknown>('communityId', 42, null, true, [], [{}], { $where: '1' })
    .map((input) => ({ how: 'input is not a plain object', input }))
  const extra = fc
    .tuple(
      base,
      fc.constantFrom('isDistrictAdmin', '$set', 'openid', '_id', 'role', 'constructor'),
      fc.constantFrom<unknown>(true, 'demo-admin', { $ne: null }, 1),
    )
    .map(([v, key, value]) => ({ how: `unknown field ${key}`, input: { ...v, [key]: value } }))
  const keys = shape ? Object.keys(shape) : []
  if (keys.length === 0) return fc.oneof(notAnObject, extra)
  const field = fc.constantFrom(...keys).chain((key) =>
    fc.tuple(base, fc.constant(key), hostileValue(shape![key])).map(([v, k, value]) => ({
      how: `${k} = ${JSON.stringify(value)?.slice(0, 60)}`,
      input: { ...v, [k]: value },
    })),
  )
  const missing = fc.tuple(base, fc.constantFrom(...keys)).map(([v, key]) => {
    const { [key]: _dropped, ...rest } = v
    return { how: `missing ${key}`, input: rest }
  })
  return fc.oneof(
    { weight: 6, arbitrary: field },
    { weight: 1, arbitrary: missing },
    { weight: 1, arbitrary: extra },
    { weight: 1, arbitrary: notAnObject },
  )
}
