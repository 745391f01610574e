import { COUNCIL_DEFAULT_SPEAKING_SECONDS, councilContract, type CouncilMeetingDoc } from '../../../types/index'
import { action } from '../../_kernel/router'
import { toMeetingView } from '../domain/views'
import { insertMeeting } from '../repo'
import { agendaAccess, loadCouncilViewer, meetingExtras } from './load'

/** Staff or the elected chair create a meeting (time, place); its agenda is built next and published (by staff) when ready. */
export const createMeeting = action(councilContract.createMeeting, async (ctx, input) => {
  const viewer = await loadCouncilViewer(ctx, [input.communityId])
  const { council, byChair } = await agendaAccess(ctx, viewer, input.communityId)
  const doc: Omit<CouncilMeetingDoc, '_id'> = {
    councilId: council._id,
    communityId: input.communityId,
    title: input.title,
    startsAt: new Date(input.startsAt),
    place: input.place,
    status: 'draft',
    items: [],
    attendance: [],
    speakingSeconds: input.speakingSeconds ?? COUNCIL_DEFAULT_SPEAKING_SECONDS,
    speaking: { current: null, queue: [], turns: {} },
    minutes: null,
    publishedAt: null,
    byChair,
    createdBy: ctx.openid,
    updatedBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const meeting = await insertMeeting(ctx, doc)
  return toMeetingView(meeting, viewer, ctx.now, await meetingExtras(ctx, meeting, viewer))
})
