import cloud from 'wx-server-sdk'
import { platformOf } from '../_kernel/platform'
import { handle } from '../_kernel/router'
import { router } from './router'
import { runDaily, timerContext } from './timers'

const platform = platformOf(cloud)
const actions = handle(router, { name: 'council', cloud: platform })

/** Timer triggers arrive as `{ Type: 'Timer', TriggerName }` with no caller; a client call always has one. */
export const main = async (event: unknown) => {
  const timer = (event ?? {}) as { Type?: unknown; TriggerName?: unknown }
  const isTimer = timer.Type === 'Timer' && timer.TriggerName === 'daily' && !platform.getWXContext().OPENID
  if (!isTimer) return actions(event)
  try {
    return { ok: true, data: await runDaily(timerContext(platform)) }
  } catch (error) {
    console.error('[council.timer] INTERNAL', error)
    return { ok: false, error: { code: 'INTERNAL', message: 'timer failed' } }
  }
}
