import { councilContract } from '../../../types/index'
import { orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { agendaMessage } from '../domain/messages'
import { decidePublishAgenda } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { notify } from '../notify'
import { mutateMeeting, recipientsOf } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/** Publish the agenda: residents of the community see it; members (their own accounts) and guardians are told. */
export const publishAgenda = action(councilContract.publishAgenda, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  orFail(decidePublishAgenda(meeting) ?? true)
  const updated = await mutateMeeting(ctx, meeting._id, (m) => {
    orFail(decidePublishAgenda(m) ?? true)
    return { status: 'published', publishedAt: ctx.now, updatedAt: ctx.now, updatedBy: ctx.openid }
  })
  const extras = await meetingExtras(ctx, updated, viewer)
  const approved = [...extras.members.values()].filter((m) => m.status === 'approved')
  await notify(ctx, await recipientsOf(ctx, approved), `council.agenda:${meeting._id}`, agendaMessage(updated))
  return toMeetingView(updated, viewer, ctx.now, extras)
})
