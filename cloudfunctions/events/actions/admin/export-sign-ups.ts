import {
  KIND_LABEL,
  SIGNUP_STATUS_LABEL,
  ageBandLabel,
  eventsContract,
  formatShanghai,
  type EventDoc,
  type SignupDoc,
} from '../../../../types/index'
import { action } from '../../../_kernel/router'
import { tempUrls, uploadBuffer } from '../../../_kernel/storage'
import { allSignups } from '../../repo'
import { loadManagedEvent } from '../load'

/** Sheet order: places, then the waitlist in order, then lottery registrations, then cancellations. */
const ORDER: Record<SignupDoc['status'], number> = { confirmed: 0, waitlisted: 1, registered: 2, cancelled: 3, pending: 4 }

/** Builds the .xlsx (exceljs is loaded on first use only: it is the heaviest part of the bundle). */
export async function signupWorkbook(event: EventDoc, signups: SignupDoc[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '院坝'
  wb.created = new Date()
  const sheet = wb.addWorksheet('报名名单', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '姓名/称呼', key: 'name', width: 14 },
    { header: '类型', key: 'kind', width: 8 },
    { header: '状态', key: 'status', width: 14 },
    { header: '候补位次', key: 'position', width: 9 },
    { header: '出生年', key: 'birthYear', width: 8 },
    { header: '签到', key: 'checkIn', width: 18 },
    { header: '票码', key: 'ticket', width: 13 },
    { header: '报名时间', key: 'createdAt', width: 18 },
    { header: '代报名', key: 'proxy', width: 8 },
  ]
  sheet.getRow(1).font = { bold: true }
  const sorted = [...signups].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.seq - b.seq)
  let position = 0
  sorted.forEach((s, i) => {
    sheet.addRow({
      n: i + 1,
      name: s.displayName,
      kind: KIND_LABEL[s.kind],
      status: s.status === 'pending' ? '处理中' : SIGNUP_STATUS_LABEL[s.status],
      position: s.status === 'waitlisted' ? ++position : null,
      birthYear: s.birthYear,
      checkIn: s.checkedInAt ? `已签到 ${formatShanghai(s.checkedInAt, 'MM-DD HH:mm')}` : s.noShow ? '未到' : null,
      ticket: s.status === 'confirmed' ? s.ticketCode : null,
      createdAt: formatShanghai(s.createdAt, 'YYYY-MM-DD HH:mm'),
      proxy: s.source === 'proxy' ? '是' : null,
    })
  })
  const info = wb.addWorksheet('活动信息')
  info.columns = [
    { key: 'k', width: 12 },
    { key: 'v', width: 40 },
  ]
  const rows: [string, string | number][] = [
    ['活动', event.title],
    ['时间', `${formatShanghai(event.startAt)} – ${formatShanghai(event.endAt, 'HH:mm')}`],
    ['地点', event.place],
    ['年龄', ageBandLabel(event.ageMin, event.ageMax)],
    ['名额', event.capacity],
    ['已报名', event.confirmedCount],
    ['候补', event.waitlistCount],
    ['已签到', event.checkedInCount],
    ['导出时间', formatShanghai(new Date())],
  ]
  for (const [k, v] of rows) info.addRow({ k, v })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The sign-up list as an .xlsx in cloud storage, with a temporary URL (openDocument on a phone, a download in H5). */
export const exportSignUps = action(eventsContract.export, async (ctx, input) => {
  const { event } = await loadManagedEvent(ctx, input.eventId)
  const signups = (await allSignups(ctx, event._id, ['confirmed', 'waitlisted', 'registered', 'cancelled'])).filter((s) => !s.rejectCode)
  const buffer = await signupWorkbook(event, signups)
  const stamp = formatShanghai(ctx.now, 'YYYYMMDD-HHmmss')
  const fileName = `报名名单-${stamp}.xlsx`
  const fileId = await uploadBuffer(ctx, `exports/${event.communityId}/${event._id}/signups-${stamp}.xlsx`, buffer)
  const url = (await tempUrls(ctx, [fileId])).get(fileId)
  if (!url) throw new Error('no temporary URL for the export')
  return { fileId, url, fileName, rows: signups.length }
})
