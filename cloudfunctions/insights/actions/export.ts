import { FIGURES, formatShanghai, insightsContract, type FigureKey } from '../../../types/index'
import { action } from '../../_kernel/router'
import { tempUrls, uploadBuffer } from '../../_kernel/storage'
import { communityInsights, districtInsights } from './load'

type Table = { title: string; columns: string[]; rows: { name: string; figures: Record<string, unknown> }[] }

/** Sheet 1: the figures (one row per community or month); sheet 2: every figure's one definition. */
export async function insightsWorkbook(table: Table, keys: FigureKey[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '院坝'
  wb.created = new Date()
  const sheet = wb.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] })
  sheet.columns = [
    { header: table.title, key: 'name', width: 16 },
    ...keys.map((k) => ({ header: `${FIGURES[k].label}（${FIGURES[k].unit}）`, key: k, width: 14 })),
  ]
  sheet.getRow(1).font = { bold: true }
  for (const r of table.rows) sheet.addRow({ name: r.name, ...Object.fromEntries(keys.map((k) => [k, r.figures[k] ?? '—'])) })
  const defs = wb.addWorksheet('指标定义')
  defs.columns = [
    { header: '指标', key: 'label', width: 22 },
    { header: '分组', key: 'group', width: 12 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '定义', key: 'definition', width: 80 },
  ]
  defs.getRow(1).font = { bold: true }
  for (const k of keys)
    defs.addRow({ label: FIGURES[k].label, group: FIGURES[k].group, unit: FIGURES[k].unit, definition: FIGURES[k].definition })
  defs.addRow({})
  defs.addRow({ label: '<5', definition: '统计人数少于 5 人（且多于 0 人）的格子显示为 <5，避免识别到具体的孩子或家庭。' })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The figures as .xlsx: a community by month (its staff, the district admin), or every community (the district admin). */
export const exportInsights = action(insightsContract.export, async (ctx, input) => {
  const stamp = formatShanghai(ctx.now, 'YYYYMMDD-HHmmss')
  let buffer: Buffer
  let folder: string
  if (input.communityId) {
    const data = await communityInsights(ctx, input.communityId, input.from, input.to)
    const keys = Object.keys(data.figures) as FigureKey[]
    buffer = await insightsWorkbook(
      {
        title: '月份',
        columns: keys,
        rows: [...data.months.map((m) => ({ name: m.month, figures: m.figures })), { name: '合计', figures: data.figures }],
      },
      keys,
    )
    folder = input.communityId
  } else {
    const data = await districtInsights(ctx, input.from, input.to)
    const keys = Object.keys(data.total) as FigureKey[]
    buffer = await insightsWorkbook(
      {
        title: '社区',
        columns: keys,
        rows: [...data.communities.map((c) => ({ name: c.name, figures: c.figures })), { name: '全区', figures: data.total }],
      },
      keys,
    )
    folder = 'district'
  }
  const fileName = `数据看板-${input.from}-${input.to}.xlsx`
  const fileId = await uploadBuffer(ctx, `exports/${folder}/insights-${stamp}.xlsx`, buffer)
  const url = (await tempUrls(ctx, [fileId])).get(fileId) || null
  return { fileId, fileName, url }
})
