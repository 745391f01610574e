import { councilContract } from '../../../types/index'
import { orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { decideAgendaEdit, reorder } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { mutateMeeting } from '../repo'
import { loadAgendaMeeting, meetingExtras } from './load'

/** A new order for the whole agenda (every item named once). Staff or the chair. */
export const reorderAgenda = action(councilContract.reorderAgenda, async (ctx, input) => {
  const { meeting, viewer, byChair } = await loadAgendaMeeting(ctx, input.meetingId)
  orFail(decideAgendaEdit(meeting) ?? true)
  const updated = await mutateMeeting(ctx, meeting._id, (m) => ({
    items: orFail(reorder(m.items, input.itemIds)),
    updatedAt: ctx.now,
    updatedBy: ctx.openid,
    ...(byChair ? { byChair } : {}),
  }))
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
