import { formatShanghai, parseShanghai, shanghaiYear } from '../../types/index'

describe('Asia/Shanghai through the one dayjs setup', () => {
  it('formats instants in Chengdu time, whatever the process zone', () => {
    expect(formatShanghai(new Date('2026-05-01T01:30:00.000Z'))).toBe('2026-05-01 09:30')
    expect(formatShanghai('2026-12-31T16:00:00.000Z', 'YYYY年M月D日 HH:mm')).toBe('2027年1月1日 00:00')
  })
  it('parses a wall-clock time typed in Chengdu', () => {
    expect(parseShanghai('2026-05-01 09:30').toISOString()).toBe('2026-05-01T01:30:00.000Z')
  })
  it('years turn at Chengdu midnight', () => {
    expect(shanghaiYear(new Date('2026-12-31T15:59:59.000Z'))).toBe(2026)
    expect(shanghaiYear(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027)
  })
})
