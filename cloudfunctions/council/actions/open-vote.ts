import { councilContract } from '../../../types/index'
import { orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { decideOpenVote, findItem } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { mutateMeeting } from '../repo'
import { loadManagedMeeting, meetingExtras } from './load'

/** Open the vote on one agenda item, open (who voted what is shown after closing) or secret (never shown). */
export const openVote = action(councilContract.openVote, async (ctx, input) => {
  const { meeting, viewer } = await loadManagedMeeting(ctx, input.meetingId)
  orFail(decideOpenVote(meeting, orFail(findItem(meeting, input.itemId))) ?? true)
  const updated = await mutateMeeting(ctx, meeting._id, (m) => {
    orFail(decideOpenVote(m, orFail(findItem(m, input.itemId))) ?? true)
    return {
      items: m.items.map((i) =>
        i.itemId === input.itemId
          ? {
              ...i,
              vote: {
                status: 'open' as const,
                secret: input.secret,
                openedAt: ctx.now,
                closedAt: null,
                tally: null,
                present: null,
                memberCount: null,
                quorumMet: null,
                passed: null,
              },
            }
          : i,
      ),
      updatedAt: ctx.now,
    }
  })
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
