import { cronMatches, parseCron } from '../../emulator/functions/cron'

// 2026-07-01 09:00:00 in Asia/Shanghai = 01:00:00 UTC
const nineAmShanghai = new Date('2026-07-01T01:00:00Z')

test('7-field cron evaluated in China Standard Time', () => {
  expect(cronMatches(parseCron('0 0 9 * * * *'), nineAmShanghai)).toBe(true)
  expect(cronMatches(parseCron('0 0 1 * * * *'), nineAmShanghai)).toBe(false)
  expect(cronMatches(parseCron('0 0 9 * * * *'), new Date(nineAmShanghai.getTime() + 1000))).toBe(false)
})

test('lists, ranges, steps and names', () => {
  expect(cronMatches(parseCron('0 */15 8-10 * * WED *'), nineAmShanghai)).toBe(true) // 2026-07-01 is a Wednesday
  expect(cronMatches(parseCron('0 */15 8-10 * * MON,TUE *'), nineAmShanghai)).toBe(false)
  expect(cronMatches(parseCron('0 0 9 1 JUL ? 2026'), nineAmShanghai)).toBe(true)
  expect(cronMatches(parseCron('0 0 9 1 7 7 *'), new Date('2026-07-05T01:00:00Z'))).toBe(false) // 7 = Sunday; the 5th is not the 1st
})

test('malformed expressions are refused', () => {
  expect(() => parseCron('0 0 9 * *')).toThrow(/7 fields/)
  expect(() => parseCron('0 61 * * * * *')).toThrow(/out of range/)
  expect(() => parseCron('0 x * * * * *')).toThrow(/bad cron value/)
})
