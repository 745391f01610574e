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

describe('formatShanghai without dayjs (types/time-format, for the weapp main package)', () => {
  const { formatShanghai: format } = jest.requireActual<typeof import('../../types/time-format')>('../../types/time-format')
  const { inShanghai } = jest.requireActual<typeof import('../../types/time')>('../../types/time')
  const patterns = [
    'YYYY-MM-DD HH:mm',
    'YYYY-MM-DD',
    'M月D日 HH:mm',
    'M月D日',
    'MM-DD',
    'MM-DD HH:mm',
    'HH:mm',
    'YYYYMMDD-HHmmss',
    'YYYY年M月D日 HH:mm',
    'YY/M/D H:m:s.SSS h hh',
    '[YYYY] YYYY',
  ]
  it('equals dayjs for every pattern the app uses, at instants across years, months, days and hours', () => {
    const instants: (Date | string | number)[] = [
      new Date('2026-12-31T15:59:59.999Z'),
      new Date('2026-12-31T16:00:00.000Z'),
      '2026-02-28T16:30:05.007Z',
      '2026-05-01T09:30:00+08:00',
      '2024-02-29T00:00:00.000Z',
      0,
      Date.UTC(2030, 6, 4, 3, 4, 5, 60),
    ]
    for (let i = 0; i < 200; i++) instants.push(Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 15 * 365 * 86_400_000))
    for (const at of instants) for (const p of patterns) expect([at, p, format(at, p)]).toEqual([at, p, inShanghai(at).format(p)])
  })
  it('reads an offset-less string as dayjs does, and says Invalid Date as dayjs does', () => {
    for (const at of ['2026-05-01 09:30', '2026-05-01T09:30:00', '2026-05-01'])
      expect(format(at)).toBe(inShanghai(at).format('YYYY-MM-DD HH:mm'))
    expect(format('not a date')).toBe(inShanghai('not a date').format('YYYY-MM-DD HH:mm'))
  })
})
