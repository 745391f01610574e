import { eventsContract, previewText } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { getEvent } from '../repo'

/**
 * A shared event for anyone signed in, member or not: what, when, where — never who signed up (a children's event
 * names no child). Drafts and events waiting for the content check do not exist here.
 */
export const previewEvent = action(eventsContract.preview, async (ctx, input) => {
  const event = await getEvent(ctx, input.eventId)
  if (!event || event.status === 'draft' || event.moderation !== 'pass') fail('EVENT.NOT_FOUND', 'event not found')
  return {
    kind: 'event' as const,
    communityId: event.communityId,
    title: event.title,
    text: previewText(event.description),
    at: event.startAt.toISOString(),
    place: event.place,
    supportsNeeded: null,
    progress: null,
  }
})
