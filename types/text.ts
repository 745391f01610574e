/**
 * The one text schema for every human-readable field of the contract (titles, aliases, names, nicknames, answers,
 * reasons, bodies, comments, options, agenda items, minutes…): it normalises, THEN checks the length.
 *
 *  - NFC;
 *  - strips invisible and direction-changing characters: zero-width (U+200B–U+200D, U+2060, U+FEFF and kin), bidi
 *    controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), fillers that render as nothing (U+3164, U+115F…)
 *    and control characters;
 *  - collapses whitespace: one line → runs of any whitespace become one space; several lines (bodies, answers) →
 *    runs of spaces within a line become one space, lines are trimmed, at most one empty line in a row;
 *  - trims; then min (after normalisation) and max.
 *
 * Every text field also says who reads it (`audience`): `others` — someone other than its author will read it, so the
 * cloud-function kernel sends it through the content check before the action runs (docs/decisions/0035); `author` —
 * only its author (and the system) ever reads it. The mark lives in `textMarks`, a zod registry, so a test (and the
 * kernel) can walk any schema and find the marked fields. Forms parse with the same schemas, so the client gets the
 * same normalisation.
 */
import { z } from 'zod'

/** Who reads a text: someone other than its author (checked by the kernel), or only the author. */
export type TextAudience = 'others' | 'author'
/** msgSecCheck's scene for the text: a nickname or alias (profile), a comment, or anything else (forum). */
export type TextScene = 'profile' | 'comment' | 'forum'

export interface TextMark {
  audience: TextAudience
  scene: TextScene
  multiline: boolean
  min: number
  max: number
}

/** The registry of text marks: `textMarks.get(schema)` is the mark of a text field (undefined for anything else). */
export const textMarks = z.registry<TextMark>()

/** Characters that render as nothing or change the direction of what follows — removed, never counted. */
// eslint-disable-next-line no-control-regex
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/g
/** Whitespace other than a line break (incl. the ideographic space U+3000 and no-break spaces). */
const SPACES = /[^\S\n]+/g

/** The normal form of a text: what is stored, shown, counted and checked. */
export function normalizeText(value: string, multiline = false): string {
  const s = value
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
  if (!multiline) return s.replace(/\s+/g, ' ').trim()
  return s
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export interface TextOptions {
  audience: TextAudience
  max: number
  /** after normalisation; 0 = may be empty (optional reasons, notes) */
  min?: number
  /** keep line breaks (bodies, descriptions, answers, minutes) */
  multiline?: boolean
  scene?: TextScene
  /** the message when shorter than min (e.g. 请填写标题) */
  empty?: string
  /** the message when longer than max (default 最多 N 个字) */
  tooLong?: string
}

/**
 * A human-readable text field. Input: a string; output: its normal form, min ≤ length ≤ max (UTF-16 units, as
 * everywhere else in the app). A raw value far longer than max is refused before it is normalised.
 */
export function text(options: TextOptions) {
  const { audience, max, min = 1, multiline = false, scene = 'forum' } = options
  const tooLong = options.tooLong ?? `最多 ${max} 个字`
  const empty = options.empty ?? '请填写内容'
  const checked =
    min > 0
      ? z
          .string()
          .min(min, min === 1 ? empty : (options.empty ?? `至少 ${min} 个字`))
          .max(max, tooLong)
      : z.string().max(max, tooLong)
  return z
    .string()
    .max(max * 4 + 64, tooLong)
    .transform((v) => normalizeText(v, multiline))
    .pipe(checked)
    .register(textMarks, { audience, scene, multiline, min, max })
}

/** Shown to others: checked by the kernel before the action runs. */
export const shownText = (options: Omit<TextOptions, 'audience'>) => text({ ...options, audience: 'others' })
/** Read only by its author (search terms, filters, the caller's own notes). */
export const ownText = (options: Omit<TextOptions, 'audience'>) => text({ ...options, audience: 'author' })

// ---------- walking a schema for its text fields ----------

export interface TextField {
  /** `title`, `tags.0`, `categories.*` (in a schema walk, `*` stands for any array index) */
  path: string
  mark: TextMark
}

/** The parts of zod 4's `_zod.def` the walkers read. */
interface Def {
  type: string
  shape: Record<string, z.ZodType>
  element: z.ZodType
  innerType: z.ZodType
  in: z.ZodType
  out: z.ZodType
  options: z.ZodType[]
  valueType: z.ZodType
  format?: unknown
  checks?: { _zod?: { def?: { check?: string; format?: string; pattern?: unknown } } }[]
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Every string leaf of a schema with its mark (null for a string that is not a text field), path by path. */
export function stringLeaves(schema: z.ZodType, path: string[] = []): { path: string; mark: TextMark | null; schema: z.ZodType }[] {
  const mark = textMarks.get(schema)
  if (mark) return [{ path: path.join('.'), mark, schema }]
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      return [{ path: path.join('.'), mark: null, schema }]
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, s]) => stringLeaves(s, [...path, key]))
    case 'array':
      return stringLeaves(def.element, [...path, '*'])
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return stringLeaves(def.innerType, path)
    case 'pipe':
      // a transform's output is described by `out`; its input by `in` (a string code that is upper-cased, …)
      return defOf(def.out).type === 'transform' ? stringLeaves(def.in, path) : stringLeaves(def.out, path)
    case 'union':
      return (def.options as z.ZodType[]).flatMap((s) => stringLeaves(s, path))
    case 'record':
      return stringLeaves(def.valueType, [...path, '*'])
    default:
      return []
  }
}

/** The text fields of a schema (marked leaves only). */
export function textFieldsOf(schema: z.ZodType): TextField[] {
  return stringLeaves(schema).flatMap((leaf) => (leaf.mark ? [{ path: leaf.path, mark: leaf.mark }] : []))
}

/**
 * Is a string leaf a token rather than prose — an id, a code, a date, a file id: a string whose whole shape a format
 * or a pattern fixes (`z.iso.datetime()`, `.regex(…)`, `z.literal`)? Such strings are not human text.
 */
export function isTokenString(schema: z.ZodType): boolean {
  const def = defOf(schema)
  if (def.type !== 'string') return false
  if (typeof def.format === 'string') return true
  return (def.checks ?? []).some((check) => {
    const d = check?._zod?.def
    return d?.check === 'string_format' && (d.format === 'regex' || typeof d.pattern !== 'undefined')
  })
}

/** The marked texts of a parsed value, with their paths (array indexes as numbers): what the kernel checks. */
export function markedTexts(
  schema: z.ZodType,
  value: unknown,
  path: (string | number)[] = [],
): { path: string; text: string; mark: TextMark }[] {
  const mark = textMarks.get(schema)
  if (mark) return typeof value === 'string' ? [{ path: path.join('.'), text: value, mark }] : []
  if (value === undefined || value === null) return []
  const def = defOf(schema)
  switch (def.type) {
    case 'object':
      if (typeof value !== 'object') return []
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, s]) =>
        markedTexts(s, (value as Record<string, unknown>)[key], [...path, key]),
      )
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => markedTexts(def.element, v, [...path, i])) : []
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return markedTexts(def.innerType, value, path)
    case 'pipe':
      return defOf(def.out).type === 'transform' ? [] : markedTexts(def.out, value, path)
    case 'union':
      return (def.options as z.ZodType[]).flatMap((s) => markedTexts(s, value, path))
    default:
      return []
  }
}
