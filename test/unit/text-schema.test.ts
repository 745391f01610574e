/**
 * The one text schema (types/text.ts): normalisation, then length — and every human-readable field of every action
 * input in the contract uses it. A plain `z.string()` in an input fails here unless a format or pattern fixes its
 * shape (ids, codes, dates, file ids, openids) — see `isTokenString`.
 */
import { z } from 'zod'
import { contract, normalizeText, stringLeaves, text, textFieldsOf, isTokenString } from '../../types/index'

const ZW = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F']

const entries = () =>
  Object.entries(contract).flatMap(([fn, actions]) =>
    Object.entries(actions as Record<string, { input: z.ZodType }>).map(([action, entry]) => ({ fn, action, input: entry.input })),
  )

describe('normalizeText', () => {
  it('strips zero-width and bidi controls, NFC, collapses whitespace and trims', () => {
    expect(normalizeText(`  ${ZW.join('')}院${BIDI.join('')}坝  \t 通知\u3000\u3000 `)).toBe('院坝 通知')
    expect(normalizeText('e\u0301')).toBe('\u00e9') // NFC
    expect(normalizeText('第一行\n\n\n\n第二行')).toBe('第一行 第二行') // one line: line breaks are whitespace
    expect(normalizeText(' 第一行  很长 \r\n\n\n\n  第二行\u2028第三行 ', true)).toBe('第一行 很长\n\n第二行\n第三行')
    expect(normalizeText('abc\u202Egpj.exe')).toBe('abcgpj.exe')
    expect(normalizeText('\u3164\u115F\u00AD')).toBe('')
  })
})

describe('the text schema', () => {
  const title = text({ audience: 'others', max: 5, empty: '请填写标题' })
  it('normalises, then checks the length', () => {
    expect(title.parse(`  ${ZW.join('')}院坝${BIDI.join('')} `)).toBe('院坝')
    for (const invisible of [...ZW, ...BIDI, ZW.join(''), BIDI.join(''), ' \u3000 ', '\u3164']) {
      const res = title.safeParse(invisible)
      expect({ invisible: [...invisible].map((c) => c.codePointAt(0)!.toString(16)), ok: res.success }).toEqual({
        invisible: [...invisible].map((c) => c.codePointAt(0)!.toString(16)),
        ok: false,
      })
    }
    expect(title.safeParse('一二三四五').success).toBe(true)
    expect(title.safeParse(`一二三四五${ZW.join('')}`).success).toBe(true) // invisible characters do not count
    expect(title.safeParse('一二三四五六').success).toBe(false)
    expect(title.safeParse({ $ne: null }).success).toBe(false)
  })
})

describe('every human-readable input field uses the text schema', () => {
  it('no plain z.string() in any action input (ids, codes, dates and file ids have a pattern or format)', () => {
    const plain: string[] = []
    for (const { fn, action, input } of entries()) {
      for (const leaf of stringLeaves(input)) if (!leaf.mark && !isTokenString(leaf.schema)) plain.push(`${fn}.${action}.${leaf.path}`)
    }
    expect(plain).toEqual([])
  })

  it('no text input keeps zero-width or bidi characters, and none accepts invisible-only text as content', () => {
    const accepted: string[] = []
    for (const { fn, action, input } of entries()) {
      for (const leaf of stringLeaves(input)) {
        if (!leaf.mark && isTokenString(leaf.schema)) continue
        const mayBeEmpty = leaf.schema.safeParse('').success
        for (const bad of [ZW.join(''), BIDI.join(''), '\u202E', ` ${ZW[0]} ${BIDI[4]} `]) {
          const res = leaf.schema.safeParse(bad)
          if (res.success && !(mayBeEmpty && res.data === '')) accepted.push(`${fn}.${action}.${leaf.path} ← ${JSON.stringify(bad)}`)
        }
        const res = leaf.schema.safeParse(`\u202E\u200B字字字字字`)
        if (res.success && /[\u200B\u202E]/.test(String(res.data))) accepted.push(`${fn}.${action}.${leaf.path} keeps U+202E`)
      }
    }
    expect(accepted).toEqual([])
  })
})
