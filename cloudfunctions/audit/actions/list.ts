import { auditContract, type AuditEntryDoc, type AuditEntryView } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canReadAudit } from '../domain/permissions'
import { listEntries } from '../repo'

const PAGE = 50

const view = (e: AuditEntryDoc): AuditEntryView => ({
  id: e._id,
  communityId: e.communityId,
  seq: e.seq,
  kind: e.kind,
  action: e.action,
  actor: e.actor,
  objectId: e.objectId,
  summary: e.summary,
  at: new Date(e.at).toISOString(),
})

const cursorOf = (e: AuditEntryDoc) => `${String(new Date(e.at).getTime()).padStart(13, '0')}_${e._id}`

/** Newest first, 50 a page. Staff: their community (communityId required); the district admin: any or all. */
export const listAudit = action(auditContract.list, async (ctx, input) => {
  const viewer = await loadViewer(ctx, input.communityId ? [input.communityId] : [])
  if (!canReadAudit(viewer, input.communityId)) forbidden()
  const before = input.cursor ? { at: new Date(Number(input.cursor.slice(0, 13))), id: input.cursor.slice(14) } : undefined
  const rows = await listEntries(ctx, {
    communityId: input.communityId,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
    before,
    limit: PAGE,
  })
  const key = (e: AuditEntryDoc) => cursorOf(e)
  const sorted = rows.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0))
  const after = before ? sorted.filter((e) => key(e) < input.cursor!) : sorted
  const page = after.slice(0, PAGE)
  return { entries: page.map(view), cursor: after.length > PAGE ? cursorOf(page[page.length - 1]) : null }
})
