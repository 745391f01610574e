import { EVENT_POSTER_PAGE, eventsContract, venueScene } from '../../../../types/index'
import { action } from '../../../_kernel/router'
import { miniProgramCode, tempUrls, uploadBuffer } from '../../../_kernel/storage'
import { updateEventWhere } from '../../repo'
import { loadManagedEvent } from '../load'

/**
 * The venue check-in code: a mini-program code with scene `a=<venueCode>` opening the home page, which hands the
 * scene to the check-in page. Stored and reused (codes never expire; generation is rate-limited).
 */
export const venuePoster = action(eventsContract.venuePoster, async (ctx, input) => {
  const { event } = await loadManagedEvent(ctx, input.eventId)
  const scene = venueScene(event.venueCode)
  if (event.venuePosterFileId && !input.regenerate) {
    const url = (await tempUrls(ctx, [event.venuePosterFileId])).get(event.venuePosterFileId)
    if (url) return { fileId: event.venuePosterFileId, url, scene, code: event.venueCode, page: EVENT_POSTER_PAGE }
  }
  const code = await miniProgramCode(ctx, { scene, page: EVENT_POSTER_PAGE })
  const fileId = await uploadBuffer(ctx, `events/${event.communityId}/${event._id}/venue-${ctx.now.getTime()}.png`, code.buffer)
  await updateEventWhere(ctx, { _id: event._id }, { venuePosterFileId: fileId })
  const url = (await tempUrls(ctx, [fileId])).get(fileId)
  if (!url) throw new Error('no temporary URL for the uploaded venue code')
  return { fileId, url, scene, code: event.venueCode, page: EVENT_POSTER_PAGE }
})
