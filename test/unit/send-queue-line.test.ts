/** The workbench's one line about the fan-out queue (types/insights.ts sendQueueLine). */
import { sendQueueLine } from '../../types/insights'

const MIN = 60_000

test('nothing waiting: no line', () => {
  expect(sendQueueLine({ pending: 0, oldestAgeMs: 0 })).toBeNull()
})

test.each([
  [12, 3 * MIN + 59_000, '待发送通知 12 条，最早 3 分钟前'],
  [1, 20_000, '待发送通知 1 条，刚刚加入'],
  [5, 59 * MIN, '待发送通知 5 条，最早 59 分钟前'],
  [5, 60 * MIN, '待发送通知 5 条，最早 1 小时前'],
  [2000, 25 * 60 * MIN, '待发送通知 2000 条，最早 1 天前'],
])('%i waiting, the oldest %i ms old → %s', (pending, oldestAgeMs, line) => {
  expect(sendQueueLine({ pending, oldestAgeMs })).toBe(line)
})
