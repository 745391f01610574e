import { COUNCIL_DEFAULT_SPEAKING_SECONDS, councilContract, type CouncilMeetingDoc } from '../../../types/index'
import { checkTextOrRefuse } from '../../_kernel/content-check'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canManageCouncil } from '../domain/permissions'
import { toMeetingView } from '../domain/views'
import { insertMeeting } from '../repo'
import { meetingExtras, requireCouncil } from './load'

/** Staff create a meeting (time, place); its agenda is built next and published when ready. */
export const createMeeting = action(councilContract.createMeeting, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canManageCouncil(viewer, input.communityId)) forbidden()
  const council = await requireCouncil(ctx, input.communityId)
  await checkTextOrRefuse(ctx, { scene: 'forum', content: `${input.title}\n${input.place}` })
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
    createdBy: ctx.openid,
    updatedBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const meeting = await insertMeeting(ctx, doc)
  return toMeetingView(meeting, viewer, ctx.now, await meetingExtras(ctx, meeting, viewer))
})
