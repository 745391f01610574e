import cloud from 'wx-server-sdk'
import { handle } from '../_kernel/router'
import { router } from './router'
import { runDaily, timerContext } from './timers'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as any })

const actions = handle(router, { name: 'council', cloud: cloud as any })

/** Timer triggers arrive as `{ Type: 'Timer', TriggerName }` with no caller; a client call always has one. */
export const main = async (event: any) => {
  const isTimer = event?.Type === 'Timer' && event?.TriggerName === 'daily' && !cloud.getWXContext().OPENID
  if (!isTimer) return actions(event)
  try {
    return { ok: true, data: await runDaily(timerContext(cloud as any)) }
  } catch (error) {
    console.error('[council.timer] INTERNAL', error)
    return { ok: false, error: { code: 'INTERNAL', message: 'timer failed' } }
  }
}
