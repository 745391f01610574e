/**
 * Telling people something: one in-app inbox entry per recipient (the durable channel) and, where a template is
 * given, one subscribe message (which WeChat delivers only if the person accepted that template; 43101 otherwise).
 *
 * Idempotent per event: the inbox `_id` is derived from `eventKey` and the recipient, so a retried fan-out writes
 * each entry once and sends the subscribe message only alongside the entry it created. A failed send is logged and
 * counted, never fatal — the inbox entry is there either way.
 */
import { createHash } from 'node:crypto'
import { COLLECTIONS } from '../../types/index'
import type { Context } from './context'
import { insertOnce } from './db'

export interface Delivery {
  kind: string
  communityId: string
  title: string
  body: string
  /** page + query, no leading slash */
  page: string
  subscribe: { templateId: string; data: Record<string, string> } | null
  /** The child an entry is about (children's council), so a guardian's deletion request can find it. */
  childId?: string | null
}

export const inboxId = (eventKey: string, openid: string) =>
  `inbox_${createHash('sha1').update(`${eventKey}\n${openid}`).digest('hex').slice(0, 32)}`

/** How many recipients are handled at once. */
const PARALLEL = 8

export async function deliver(
  ctx: Pick<Context, 'db' | 'platform' | 'log' | 'now'>,
  recipients: Iterable<string>,
  eventKey: string,
  message: Delivery,
): Promise<{ delivered: number; sent: number; failed: number }> {
  const queue = [...new Set(recipients)].filter((openid) => openid.length > 0)
  const result = { delivered: 0, sent: 0, failed: 0 }
  const one = async (openid: string) => {
    const created = await insertOnce(ctx.db, COLLECTIONS.inbox, {
      _id: inboxId(eventKey, openid),
      openid,
      communityId: message.communityId,
      ...(message.childId !== undefined ? { childId: message.childId } : {}),
      kind: message.kind,
      title: message.title,
      body: message.body,
      page: message.page,
      read: false,
      createdAt: ctx.now,
      readAt: null,
    })
    if (!created) return
    result.delivered++
    if (!message.subscribe) return
    try {
      await ctx.platform.openapi.subscribeMessage.send({
        touser: openid,
        templateId: message.subscribe.templateId,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.subscribe.data).map(([key, value]) => [key, { value }])),
        miniprogramState: process.env.SUBSCRIBE_MINIPROGRAM_STATE ?? 'formal',
      })
      result.sent++
    } catch (error) {
      result.failed++
      const e = (error ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown }
      // 43101: the person did not accept (or used up) the template — expected, the inbox entry stands.
      if (e.errCode !== 43101) ctx.log.warn('subscribeMessage.send failed', { errCode: e.errCode, errMsg: e.errMsg ?? e.message })
    }
  }
  let next = 0
  const worker = async () => {
    while (next < queue.length) await one(queue[next++])
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker))
  return result
}
