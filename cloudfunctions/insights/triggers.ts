/**
 * The rollup timer: recompute day rollups of every community (idempotent: each day's document is written whole under
 * `${communityId}_${day}`), then the month rollups of the months touched. `rollup` (daily, 03:20) covers the last
 * LOOKBACK_DAYS days (from the first of that month) — late ratings, answers and cancellations land in their day; `rollupToday` (hourly) covers
 * yesterday and today.
 */
import type { TimerJob } from '../_kernel/timers'
import type { Context } from '../_kernel/context'
import { inShanghai } from '../../types/index'
import { daysBetween, dayOf, districtMonth, rollupDays, rollupMonth } from './domain/rollup'
import { allCommunities, communityMonthRollups, dayRollupsOfMonth, recordsFor, saveRollups } from './repo'

export const LOOKBACK_DAYS = 40

/** Roll up `[from, to]` (days) of one community. */
export async function rollUpCommunity(ctx: Context, communityId: string, from: string, to: string): Promise<number> {
  const days = daysBetween(from, to)
  const start = new Date(`${from}T00:00:00+08:00`)
  const end = inShanghai(new Date(`${to}T00:00:00+08:00`))
    .add(1, 'day')
    .toDate()
  const records = await recordsFor(ctx, communityId, start, end)
  const dayDocs = rollupDays(communityId, days, records, ctx.now)
  await saveRollups(ctx, dayDocs)
  const months = [...new Set(days.map((d) => d.slice(0, 7)))]
  const monthDocs = await Promise.all(
    months.map(async (m) => rollupMonth(communityId, m, await dayRollupsOfMonth(ctx, communityId, m), ctx.now)),
  )
  await saveRollups(ctx, monthDocs)
  return dayDocs.length
}

/** The district documents of the months of `[from, to]`, from every community's month rollups. */
export async function rollUpDistrict(ctx: Context, from: string, to: string): Promise<void> {
  const months = [...new Set(daysBetween(from, to).map((d) => d.slice(0, 7)))]
  await saveRollups(ctx, await Promise.all(months.map(async (m) => districtMonth(m, await communityMonthRollups(ctx, m), ctx.now))))
}

async function rollUpAll(ctx: Context, lookback: number, wholeMonths: boolean) {
  const to = dayOf(ctx.now)
  // the daily run starts at the first of the month, so every month it touches is summed from days all rolled up
  const first = inShanghai(ctx.now).subtract(lookback - 1, 'day')
  const from = (wholeMonths ? first.startOf('month') : first).format('YYYY-MM-DD')
  let days = 0
  const communities = await allCommunities(ctx)
  for (const c of communities) days += await rollUpCommunity(ctx, c._id, from, to)
  await rollUpDistrict(ctx, from, to)
  return { communities: communities.length, days, from, to }
}

export const jobs: Record<string, TimerJob> = {
  rollup: (ctx) => rollUpAll(ctx, LOOKBACK_DAYS, true),
  rollupToday: (ctx) => rollUpAll(ctx, 2, false),
}
