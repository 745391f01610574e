/**
 * Subscribe-message values must respect WeChat's field limits or the whole send fails with 47003
 * (platform-rules §5.4): `thing` ≤ 20 characters, `phrase` ≤ 5 Chinese characters. One home for both rules.
 */
export const THING_MAX = 20
export const PHRASE_MAX = 5

/** A `thing` value: one line, at most `max` characters (code points), an ellipsis marking the cut, never empty. */
export function thingValue(text: string, max = THING_MAX): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  if (chars.length === 0) return '—'
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** A `phrase` value: Chinese characters only, at most 5. Throws on anything else — phrases are fixed labels. */
export function phraseValue(label: string): string {
  if (!new RegExp(`^[\\u4e00-\\u9fa5]{1,${PHRASE_MAX}}$`).test(label)) throw new Error(`not a valid phrase value: ${label}`)
  return label
}
