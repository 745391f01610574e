/**
 * Telling guardians and children, through the kernel's one delivery path (inbox entry + subscribe message). Each
 * entry carries the `childId` it is about, so a guardian's deletion finds it.
 */
import type { Context } from '../_kernel/context'
import { deliver } from '../_kernel/inbox'
import type { CouncilMessage } from './domain/messages'

export async function notify(
  ctx: Pick<Context, 'db' | 'platform' | 'log' | 'now'>,
  recipients: (string | null | undefined)[],
  eventKey: string,
  message: CouncilMessage,
): Promise<number> {
  const present = recipients.filter((x): x is string => typeof x === 'string' && x.length > 0)
  return (await deliver(ctx, present, eventKey, message)).delivered
}
