import { councilContract } from '../../../types/index'
import { orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { decideAgendaEdit, reorder } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { mutateMeeting } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/** A new order for the whole agenda (every item named once). */
export const reorderAgenda = action(councilContract.reorderAgenda, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  orFail(decideAgendaEdit(meeting) ?? true)
  const updated = await mutateMeeting(ctx, meeting._id, (m) => ({ items: orFail(reorder(m.items, input.itemIds)), updatedAt: ctx.now, updatedBy: ctx.openid }))
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
