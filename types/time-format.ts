/**
 * Formatting instants in Asia/Shanghai without dayjs. `types/time.ts` re-exports `formatShanghai` from here; code in
 * the weapp main package (首页, 我的 and their components) imports this file directly so dayjs (≈ 9 KiB) stays in the
 * subpackages (docs/decisions/0007). China Standard Time is UTC+8 all year, so a fixed offset is exact.
 *
 * Tokens (as dayjs): YYYY YY M MM D DD H HH h hh m mm s ss SSS; `[text]` is literal. Output equals dayjs's
 * `dayjs(at).utcOffset(480).format(pattern)` for these tokens — test/unit/time.test.ts compares the two.
 */
import type { Instant } from './time'

const SHANGHAI_OFFSET_MS = 8 * 60 * 60_000
// dayjs's own parse rule: a string without an offset or `Z` is a wall-clock time on the device.
const LOCAL_WALL_CLOCK = /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/
const TOKENS = /\[([^\]]+)]|YYYY|YY|SSS|MM?|DD?|HH?|hh?|mm?|ss?/g

function toDate(at: Instant): Date {
  if (at instanceof Date) return new Date(at.getTime())
  if (typeof at === 'string' && !/Z$/i.test(at)) {
    const d = LOCAL_WALL_CLOCK.exec(at)
    if (d) {
      const ms = (d[7] || '0').substring(0, 3)
      return new Date(
        Number(d[1]),
        Number(d[2] || 1) - 1,
        Number(d[3] || 1),
        Number(d[4] || 0),
        Number(d[5] || 0),
        Number(d[6] || 0),
        Number(ms),
      )
    }
  }
  return new Date(at)
}

function pad(n: number, width = 2): string {
  let out = String(n)
  while (out.length < width) out = `0${out}`
  return out
}

/** Format an instant for people in Chengdu, e.g. `2026-05-01 09:30`. */
export function formatShanghai(at: Instant, pattern = 'YYYY-MM-DD HH:mm'): string {
  const t = toDate(at).getTime()
  if (Number.isNaN(t)) return 'Invalid Date'
  // The UTC fields of the shifted instant are the wall-clock fields in Chengdu.
  const s = new Date(t + SHANGHAI_OFFSET_MS)
  const year = s.getUTCFullYear()
  const hour = s.getUTCHours()
  const h12 = hour % 12 || 12
  const values: Record<string, string> = {
    YYYY: pad(year, 4),
    YY: String(year).slice(-2),
    M: String(s.getUTCMonth() + 1),
    MM: pad(s.getUTCMonth() + 1),
    D: String(s.getUTCDate()),
    DD: pad(s.getUTCDate()),
    H: String(hour),
    HH: pad(hour),
    h: String(h12),
    hh: pad(h12),
    m: String(s.getUTCMinutes()),
    mm: pad(s.getUTCMinutes()),
    s: String(s.getUTCSeconds()),
    ss: pad(s.getUTCSeconds()),
    SSS: pad(s.getUTCMilliseconds(), 3),
  }
  return pattern.replace(TOKENS, (token, literal?: string) => literal ?? values[token])
}
