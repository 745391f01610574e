/**
 * The demo fits the day it is seeded on: every seeded instant in Chengdu's day (08:00–21:00), whatever the hour
 * of seeding, and seasonal titles that fit their dates (no 端午 in November, no 暑期 in December).
 */
import { formatShanghai, parseShanghai } from '../../types/time'
import { demoDocuments } from '../../scripts/seed-demo'
import { demoEventDocuments } from '../../scripts/seed-demo-events'
import { demoCouncilDocuments } from '../../scripts/seed-demo-council'
import { demoProposalDocuments } from '../../scripts/seed-demo-proposals'
import { demoClock, demoTitles, toDaytime } from '../../scripts/seed-demo-clock'

function instants(value: unknown, path = '', out: { path: string; at: Date }[] = []) {
  if (value instanceof Date) out.push({ path, at: value })
  else if (Array.isArray(value)) value.forEach((v, i) => instants(v, `${path}[${i}]`, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) instants(v, path ? `${path}.${k}` : k, out)
  return out
}

const SEEDED_AT = ['2026-11-20 03:10', '2026-12-03 23:40', '2026-06-15 12:00', '2027-01-02 00:05'].map(parseShanghai)

describe('demo times', () => {
  test.each(SEEDED_AT.map((d) => [formatShanghai(d), d] as const))(
    'seeded at %s: every instant between 08:00 and 21:00 in Chengdu (a film night ends 20:45)',
    (_label, now) => {
      const all = instants([demoDocuments(now), demoEventDocuments(now), demoCouncilDocuments(now), demoProposalDocuments(now)])
      expect(all.length).toBeGreaterThan(100)
      const night = all.filter(({ at }) => {
        const hm = formatShanghai(at, 'HH:mm')
        return hm < '08:00' || hm > '21:00'
      })
      expect(night.map((n) => `${n.path} ${formatShanghai(n.at)}`)).toEqual([])
    },
  )

  test('ago stays in the past and ahead in the future, keeping order within a day', () => {
    for (const now of SEEDED_AT) {
      const { ago, ahead } = demoClock(now)
      for (const d of [0, 1, 2, 30]) {
        expect(ago(d).getTime()).toBeLessThanOrEqual(now.getTime())
        expect(ahead(d).getTime()).toBeGreaterThan(now.getTime())
      }
    }
    const morning = toDaytime(parseShanghai('2026-12-03 02:00'))
    const evening = toDaytime(parseShanghai('2026-12-03 23:00'))
    expect(morning.getTime()).toBeLessThan(evening.getTime())
    expect(formatShanghai(morning, 'YYYY-MM-DD')).toBe('2026-12-03')
  })

  test('titles fit their dates', () => {
    const nov = demoTitles(parseShanghai('2026-11-20 10:00'))
    expect(Object.values(nov).join()).not.toMatch(/端午|粽|暑期|夏季|国庆/)
    const dec = demoTitles(parseShanghai('2026-12-03 10:00'))
    expect(dec.scienceClass).toBe('寒假课堂·小小科学家')
    expect(dec.powerNotice).toBe('冬季用电安全提醒')
    expect(dec.holidayNotice).toBe('元旦假期社区服务安排')
    const june = demoTitles(parseShanghai('2026-06-20 10:00'))
    expect(june.festivalEvent).toBe('包粽子，过端午')
    expect(june.scienceClass).toBe('暑期课堂·小小科学家')
    const events = demoEventDocuments(parseShanghai('2026-11-20 10:00'))
    expect(JSON.stringify(events)).not.toMatch(/端午|粽|暑期/)
  })
})
