/**
 * Telling guardians and children, through the kernel's one delivery path (inbox entry + subscribe message), off the
 * request path: the message is queued (kernel outbox) and the events function's `fanout` timer delivers it in
 * batches — an agenda reaches every member's family without the staff member's call waiting for it. Each message
 * carries the `childId` it is about, so a guardian's deletion finds it, queued or delivered.
 */
import type { Context } from '../_kernel/context'
import { enqueue } from '../_kernel/outbox'
import type { CouncilMessage } from './domain/messages'

/** Queue `message` for `recipients` (the absent left out); how many were queued. */
export function notify(
  ctx: Pick<Context, 'db' | 'now'>,
  recipients: (string | null | undefined)[],
  eventKey: string,
  message: CouncilMessage,
): Promise<number> {
  const present = recipients.filter((x): x is string => typeof x === 'string' && x.length > 0)
  return enqueue(ctx, present, eventKey, message)
}
