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
import { collection } from './data'

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

type DeliverCtx = Pick<Context, 'db' | 'platform' | 'log' | 'now'>

/** One message for every recipient (deduplicated). */
export function deliver(
  ctx: DeliverCtx,
  recipients: Iterable<string>,
  eventKey: string,
  message: Delivery,
): Promise<{ delivered: number; sent: number; failed: number }> {
  return deliverEach(
    ctx,
    eventKey,
    [...recipients].map((openid) => ({ openid, message })),
  )
}

/** A field of a failure, if it has one (the SDK's errors carry `errCode`, `errMsg`). */
const fieldOf = (error: unknown, key: string): unknown =>
  error !== null && typeof error === 'object' ? Reflect.get(error, key) : undefined

/** Each recipient their own message (the first one given per recipient counts). */
export async function deliverEach(
  ctx: DeliverCtx,
  eventKey: string,
  items: readonly { openid: string; message: Delivery }[],
): Promise<{ delivered: number; sent: number; failed: number }> {
  const byOpenid = new Map<string, Delivery>()
  for (const { openid, message } of items) if (openid.length > 0 && !byOpenid.has(openid)) byOpenid.set(openid, message)
  const queue = [...byOpenid.entries()]
  const result = { delivered: 0, sent: 0, failed: 0 }
  const one = async ([openid, message]: [string, Delivery]) => {
    const created = await collection(ctx.db, COLLECTIONS.inbox).insertOnce({
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
      const errCode = fieldOf(error, 'errCode')
      // 43101: the person did not accept (or used up) the template — expected, the inbox entry stands.
      if (errCode !== 43101)
        ctx.log.warn('subscribeMessage.send failed', { errCode, errMsg: fieldOf(error, 'errMsg') ?? fieldOf(error, 'message') })
    }
  }
  let next = 0
  const worker = async () => {
    while (next < queue.length) await one(queue[next++])
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker))
  return result
}
