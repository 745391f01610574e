/**
 * Fan-out off the request path: a message for many recipients (reminders, draw results, receipts to every supporter
 * of a proposal, council notices) is *enqueued* as one job document and *drained* by a timer in batches sized to the
 * quota, instead of being delivered inside the call that caused it.
 *
 *  - idempotent: the job's `_id` is derived from the message's event key (enqueueing twice makes one job), and each
 *    recipient's delivery is the kernel inbox's deterministic entry (`inboxId(eventKey, openid)`): a subscribe message
 *    goes out only with the entry it created — so a batch delivered twice reaches each person once;
 *  - resumable: the job keeps `next` (recipients before it are delivered) and advances it by a conditional update after
 *    each batch; a drain that dies mid-batch leaves `next` where it was and the next run re-delivers that batch
 *    (harmlessly, above); one drainer per job at a time by a lease;
 *  - personal: a job carries one message for everyone, or one per recipient (`enqueueEach`: a lottery's results);
 *  - observable: `outboxStats` — recipients still pending and the age of the oldest pending job, for one community or
 *    the whole district;
 *  - erasable: a job about a child (`childId`) is removed with the child's data (`removeQueuedAbout`).
 */
import { createHash } from 'node:crypto'
import { COLLECTIONS, type FanoutJobDoc } from '../../types/index'
import type { Context } from './context'
import { PAGE_MAX, collection, type Filter } from './data'
import { deliverEach, type Delivery } from './inbox'

type Ctx = Pick<Context, 'db' | '_' | 'platform' | 'log' | 'now'>

/** Recipients per job document: far below the 16 MB document limit, and a drain's read of 20 jobs stays small. */
const PER_JOB = 2000
/** … when each recipient has a message of their own (about 1 KB each). */
const PER_JOB_PERSONAL = 500
/**
 * Recipients per batch: each costs one database request (the inbox insert) and at most one subscribe message; a
 * batch of 50 with 8 in parallel stays far below a quota of 500 requests/s even with the other traffic.
 */
export const DRAIN_BATCH = 50
const LEASE_MS = 30_000

const jobs = (ctx: Pick<Context, 'db'>) => collection(ctx.db, COLLECTIONS.fanout)

export const fanoutId = (eventKey: string, part: number) =>
  `fanout_${createHash('sha1').update(eventKey).digest('hex').slice(0, 24)}_${part}`

/** Write the job documents (a second enqueue of the same key finds them there and writes nothing). */
async function put(
  ctx: Pick<Context, 'db' | 'now'>,
  eventKey: string,
  items: readonly { openid: string; message: Delivery }[],
  shared: boolean,
) {
  const unique = new Map<string, Delivery>()
  for (const { openid, message } of items) if (openid.length > 0 && !unique.has(openid)) unique.set(openid, message)
  const all = [...unique.entries()]
  const size = shared ? PER_JOB : PER_JOB_PERSONAL
  for (let part = 0; part * size < all.length; part++) {
    const slice = all.slice(part * size, (part + 1) * size)
    const [, first] = slice[0]
    await jobs(ctx).insertOnce({
      _id: fanoutId(eventKey, part),
      eventKey,
      communityId: first.communityId,
      childId: first.childId ?? null,
      kind: first.kind,
      message: shared ? first : null,
      personal: shared ? null : slice.map(([, message]) => message),
      recipients: slice.map(([openid]) => openid),
      total: slice.length,
      next: 0,
      status: 'pending',
      leaseUntil: 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
  }
  return all.length
}

/** Queue `message` for `recipients` (deduplicated); nothing is delivered now. Returns how many were queued. */
export function enqueue(
  ctx: Pick<Context, 'db' | 'now'>,
  recipients: Iterable<string>,
  eventKey: string,
  message: Delivery,
): Promise<number> {
  return put(
    ctx,
    eventKey,
    [...recipients].map((openid) => ({ openid, message })),
    true,
  )
}

/**
 * Queue each recipient's own message (deduplicated by recipient, the first counts; one community). Nothing is
 * delivered now. Returns how many were queued.
 */
export function enqueueEach(
  ctx: Pick<Context, 'db' | 'now'>,
  eventKey: string,
  items: readonly { openid: string; message: Delivery }[],
): Promise<number> {
  return put(ctx, eventKey, items, false)
}

/** What `recipients[from, to)` of a job are told. */
function itemsOf(job: FanoutJobDoc, from: number, to: number): { openid: string; message: Delivery }[] {
  return job.recipients.slice(from, to).map((openid, i) => {
    const message = job.personal?.[from + i] ?? job.message
    if (!message) throw new Error(`fan-out job ${job._id} has no message for recipient ${from + i}`)
    return { openid, message }
  })
}

export interface DrainOptions {
  /** recipients per batch */
  batch?: number
  /** stop starting batches after this long (a timer invocation has its function's timeout) */
  budgetMs?: number
  /** at most this many batches in all (tests) */
  maxBatches?: number
}

/** Deliver queued messages batch by batch until the queue is empty or the budget is spent. */
export async function drain(ctx: Ctx, options: DrainOptions = {}): Promise<{ jobs: number; delivered: number; batches: number }> {
  const batch = options.batch ?? DRAIN_BATCH
  const until = Date.now() + (options.budgetMs ?? 10_000)
  const out = { jobs: 0, delivered: 0, batches: 0 }
  const more = () => Date.now() < until && (options.maxBatches === undefined || out.batches < options.maxBatches)
  const pending = await jobs(ctx).find({ status: 'pending' }, { orderBy: [['createdAt', 'asc']], limit: 20 }) // index fanout_pending
  for (const job of pending) {
    if (!more()) break
    const lease = Date.now() + LEASE_MS
    const taken = await jobs(ctx).update({ _id: job._id, status: 'pending', leaseUntil: ctx._.lte(Date.now()) }, { leaseUntil: lease })
    if (taken !== 1) continue // another drainer has it
    out.jobs++
    let next = job.next
    try {
      while (next < job.recipients.length && more()) {
        const items = itemsOf(job, next, next + batch)
        const res = await deliverEach(ctx, job.eventKey, items)
        out.delivered += res.delivered
        out.batches++
        const moved = await jobs(ctx).update({ _id: job._id, next, leaseUntil: lease }, { next: next + items.length, updatedAt: ctx.now })
        if (moved !== 1) break // the lease ran out and someone else took over
        next += items.length
      }
    } finally {
      const done = next >= job.recipients.length
      await jobs(ctx).update(
        { _id: job._id, leaseUntil: lease },
        done ? { status: 'done', leaseUntil: 0, updatedAt: ctx.now } : { leaseUntil: 0 },
      )
    }
  }
  return out
}

export interface OutboxStats {
  pendingJobs: number
  /** recipients not yet delivered */
  pendingRecipients: number
  /** age of the oldest pending job (ms; 0 when none) */
  oldestAgeMs: number
}

/** What is waiting, in one community's queue or (no `communityId`) the whole district's. */
export async function outboxStats(ctx: Pick<Context, 'db' | 'now'>, communityId?: string): Promise<OutboxStats> {
  // indexes fanout_community and fanout_pending
  const where: Filter<FanoutJobDoc> = communityId === undefined ? { status: 'pending' } : { communityId, status: 'pending' }
  const out: OutboxStats = { pendingJobs: 0, pendingRecipients: 0, oldestAgeMs: 0 }
  for (let skip = 0; ; skip += PAGE_MAX) {
    const page = await jobs(ctx).pick(where, ['total', 'next', 'createdAt'], { orderBy: [['createdAt', 'asc']], limit: PAGE_MAX, skip })
    if (skip === 0 && page.length > 0) out.oldestAgeMs = Math.max(0, ctx.now.getTime() - new Date(page[0].createdAt).getTime())
    out.pendingJobs += page.length
    for (const job of page) {
      const left = job.total - job.next
      if (left > 0) out.pendingRecipients += left // (a job queued before `total` existed counts as none: NaN > 0 is false)
    }
    if (page.length < PAGE_MAX) return out
  }
}

/** Remove what is still queued about a child (their data is being deleted). How many jobs were removed. */
export function removeQueuedAbout(ctx: Pick<Context, 'db'>, childId: string): Promise<number> {
  return jobs(ctx).remove({ childId }) // index fanout_child
}
