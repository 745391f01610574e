/**
 * Instants are shown in Asia/Shanghai through types/time-format, never by cutting an ISO string (which shows the UTC
 * date: a meeting at 07:30 in Chengdu is "yesterday" in UTC). A static scan of src/: slicing or substring-ing a field
 * whose name says it holds an instant or a date (…At, …Date, …Time, when, startsAt…) fails here, with the line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '..', '..', 'src')
const TIME_NAME = String.raw`\b(?:[A-Za-z_$][\w$]*)?(?:At|Date|date|Time|time|When|when|Day|day)`
/** `x.startsAt.slice(0, 10)`, `e.endAt?.substring(11, 16)`, `(m.startsAt).substr(0, 16)`, `String(createdAt).slice(0, 10)` */
const SLICED = new RegExp(String.raw`${TIME_NAME}\)?\??\.(?:slice|substring|substr)\(\s*\d+\s*(?:,\s*\d+\s*)?\)`, 'g')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return files(full)
    return /\.(t|j)sx?$/.test(name) ? [full] : []
  })
}

export function findIsoSlicing(source: string): string[] {
  return source.split('\n').flatMap((line, i) => [...line.matchAll(SLICED)].map((m) => `${i + 1}: ${m[0]}`))
}

describe('display code never slices ISO strings', () => {
  test('the scan catches the patterns it is meant to', () => {
    expect(findIsoSlicing('<View>{m.startsAt.slice(0, 10)} · {m.place}</View>')).toHaveLength(1)
    expect(findIsoSlicing('const d = e.endAt?.substring(11, 16)')).toHaveLength(1)
    expect(findIsoSlicing('String(p.createdAt).slice(0, 16)')).toHaveLength(1)
    expect(findIsoSlicing('const hm = when.slice(11, 16)')).toHaveLength(1)
    // not instants: a hash, a list, a name
    expect(findIsoSlicing('{e.lottery.seedCommitment.slice(0, 16)}')).toHaveLength(0)
    expect(findIsoSlicing('events.slice(0, SHOWN)')).toHaveLength(0)
    expect(findIsoSlicing('formatShanghai(m.startsAt, "M月D日")')).toHaveLength(0)
  })

  test('no file in src/ cuts an instant by position (use formatShanghai from types/time-format)', () => {
    const found = files(SRC).flatMap((file) =>
      findIsoSlicing(readFileSync(file, 'utf8')).map((hit) => `${path.relative(SRC, file)}:${hit}`),
    )
    expect(found).toEqual([])
  })
})
