import { eventsContract } from '../../../../types/index'
import { action } from '../../../_kernel/router'
import { applyDraw, claimDraw } from '../draw'
import { loadManagedEvent } from '../load'
import { toLotteryLog } from '../lottery-log'

/** Staff draw a lottery once its sign-up has closed (the timer does it too). A published draw cannot be rerun. */
export const drawLottery = action(eventsContract.draw, async (ctx, input) => {
  const { event } = await loadManagedEvent(ctx, input.eventId)
  await claimDraw(ctx, event)
  const draw = await applyDraw(ctx, event._id, ctx.openid)
  return toLotteryLog(event, draw, [])
})
