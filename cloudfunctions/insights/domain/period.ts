import { MAX_INSIGHT_DAYS } from '../../../types/index'
import type { Refusal } from '../../_kernel/errors'
import { daysBetween } from './rollup'

/** A period `[from, to]` of Chengdu days, at most MAX_INSIGHT_DAYS long. Pure. */
export function checkPeriod(from: string, to: string): Refusal | { days: string[] } {
  if (from > to) return { code: 'INPUT.INVALID', message: 'from is after to' }
  const days = daysBetween(from, to)
  if (days.length > MAX_INSIGHT_DAYS) return { code: 'INPUT.INVALID', message: `period longer than ${MAX_INSIGHT_DAYS} days` }
  return { days }
}
