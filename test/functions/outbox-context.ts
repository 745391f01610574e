/**
 * A kernel Context over a test's own SDK for driving the outbox directly (enqueue, drain): subscribe messages are
 * counted per recipient in `sent` instead of sent, and `dieAfter` kills the drain after that many inbox inserts (a
 * function that dies mid-batch), so a second drain must finish the job without repeating anyone.
 */
import { COLLECTIONS } from '../../types/index'
import type { Context } from '../../cloudfunctions/_kernel/context'
import type { Harness } from './harness'

export function outboxContext(h: Harness, options: { sent: Map<string, number>; now?: Date; dieAfter?: number; where: string }): Context {
  const { sent, now = new Date(), dieAfter = Infinity, where } = options
  let inserts = 0
  const db = new Proxy(h.db, {
    get(target, key) {
      if (key !== 'collection') return Reflect.get(target, key)
      return (name: string) => {
        const c = target.collection(name)
        if (name !== COLLECTIONS.inbox) return c
        return new Proxy(c, {
          get(t, k) {
            if (k !== 'add') return Reflect.get(t, k)
            return async (arg: unknown) => {
              if (++inserts > dieAfter) throw new Error('killed')
              return t.add(arg)
            }
          },
        })
      }
    },
  })
  const send = async ({ touser }: { touser: string }) => {
    sent.set(touser, (sent.get(touser) ?? 0) + 1)
    return { errCode: 0 }
  }
  // only the part of the platform the outbox uses
  const platform = { openapi: { subscribeMessage: { send } } } as unknown as Context['platform']
  return { openid: '', now, db, _: h.db.command, log: { info() {}, warn() {}, error() {} }, platform, where }
}
