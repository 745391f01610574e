/**
 * Timer-trigger cron of WeChat cloud functions: 7 fields — second minute hour day-of-month month day-of-week year —
 * evaluated in China Standard Time (UTC+8), as the cloud's timer triggers are.
 * Supports `*`, `?`, lists `a,b`, ranges `a-b`, steps `x/n`, and MON..SUN / JAN..DEC names.
 */
const NAMES: Record<string, number> = {
  SUN: 0,
  MON: 1,
  TUE: 2,
  WED: 3,
  THU: 4,
  FRI: 5,
  SAT: 6,
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
}
const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
  [1970, 2199],
]

export type CronSpec = Array<Set<number> | null> // null = any

function parseValue(text: string): number {
  const upper = text.toUpperCase()
  if (upper in NAMES) return NAMES[upper]
  const n = Number(text)
  if (!Number.isInteger(n)) throw new Error(`bad cron value "${text}"`)
  return n
}

export function parseCron(expression: string): CronSpec {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`cron "${expression}" must have 7 fields (second minute hour day month week year)`)
  return fields.map((field, i) => {
    if (field === '*' || field === '?') return null
    const [lo, hi] = RANGES[i]
    const out = new Set<number>()
    for (const part of field.split(',')) {
      const [rangeText, stepText] = part.split('/')
      const step = stepText ? parseValue(stepText) : 1
      let from = lo
      let to = hi
      if (rangeText !== '*') {
        const [a, b] = rangeText.split('-')
        from = parseValue(a)
        to = b !== undefined ? parseValue(b) : stepText ? hi : from
      }
      if (from < lo || to > hi || step < 1) throw new Error(`cron field "${field}" out of range ${lo}-${hi}`)
      for (let v = from; v <= to; v += step) out.add(i === 5 && v === 7 ? 0 : v)
    }
    return out
  })
}

export function cronMatches(spec: CronSpec, at: Date): boolean {
  const cst = new Date(at.getTime() + 8 * 3600_000)
  const values = [
    cst.getUTCSeconds(),
    cst.getUTCMinutes(),
    cst.getUTCHours(),
    cst.getUTCDate(),
    cst.getUTCMonth() + 1,
    cst.getUTCDay(),
    cst.getUTCFullYear(),
  ]
  return spec.every((set, i) => set === null || set.has(values[i]))
}
