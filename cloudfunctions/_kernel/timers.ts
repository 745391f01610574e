/**
 * Timer triggers next to the action router. A timer invocation is `{Type: 'Timer', TriggerName, Time}` with no caller
 * (config.json `triggers`); everything else goes to the router. A client cannot pose as a timer: a call that carries
 * an OPENID is always routed as an action (and `{Type:'Timer'}` is no action → ACTION.UNKNOWN).
 * Each job gets the same Context as an action (openid ''), must be idempotent, and answers a small summary for logs.
 */
import { callDb } from './call-db'
import type { Context } from './context'
import { fieldOf } from './data'
import type { Db } from './sdk'
import { makeLog } from './context'
import { handle, type HandleOptions, type Router } from './router'

export type TimerJob = (ctx: Context) => Promise<Record<string, unknown>>

export function isTimerEvent(event: unknown): event is { Type: 'Timer'; TriggerName: string; Time?: string } {
  return fieldOf(event, 'Type') === 'Timer' && typeof fieldOf(event, 'TriggerName') === 'string'
}

export function handleWithTimers(router: Router, jobs: Record<string, TimerJob>, options: HandleOptions) {
  const api = handle(router, options)
  const clock = options.clock ?? (() => new Date())
  let db: Db | undefined
  return async function main(event: unknown) {
    const openid = options.cloud.getWXContext().OPENID
    if (!isTimerEvent(event) || (typeof openid === 'string' && openid.length > 0)) return api(event)
    const name = event.TriggerName
    const where = `${options.name}.timer:${name.slice(0, 40)}`
    if (!Object.prototype.hasOwnProperty.call(jobs, name))
      return { ok: false, error: { code: 'ACTION.UNKNOWN', message: `unknown trigger ${name.slice(0, 40)}` } }
    const d = callDb((db ??= options.cloud.database())) // this run's view (call-db.ts)
    const ctx: Context = { openid: '', now: clock(), db: d, _: d.command, log: makeLog(where), platform: options.cloud, where }
    try {
      const data = await jobs[name](ctx)
      ctx.log.info('done', data)
      return { ok: true, data }
    } catch (error) {
      console.error(`[${where}] INTERNAL`, error)
      return { ok: false, error: { code: 'INTERNAL', message: 'timer job failed' } }
    }
  }
}
