/** After a place is given: tell the community's staff once when 80 % and once when 100 % of the places are taken. */
import type { EventDoc } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { deliver } from '../../_kernel/inbox'
import { fullnessAlertsDue } from '../domain/event-rules'
import { fullnessMessage } from '../domain/messages'
import { staffOf, updateEventWhere } from '../repo'

export async function sendFullnessAlerts(ctx: Context, event: EventDoc): Promise<void> {
  for (const level of fullnessAlertsDue(event)) {
    const field = level === '80' ? 'alert80At' : 'alert100At'
    // Claimed by a conditional update: of all the concurrent sign-ups that see the threshold, one sends.
    if (!(await updateEventWhere(ctx, { _id: event._id, [field]: null }, { [field]: ctx.now }))) continue
    await deliver(ctx, await staffOf(ctx, event.communityId), `alert${level}:${event._id}`, fullnessMessage(event, level))
  }
}
