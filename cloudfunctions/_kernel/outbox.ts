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
 *  - erasable: a job about a child (`childId`) is removed with the child's data (`removeQueuedAbout`);
 *  - kept no longer than needed: a finished job (it holds its recipients' openids) is removed `FINISHED_KEEP_DAYS`
 *    after it finished, by the same timer run that drains the queue (`purgeFinished`, decision 0092).
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
/**
 * How long a finished job is kept (decision 0092): while it exists, enqueueing the same event key again writes
 * nothing (a resumed draw, a timer re-run after a crash, within days); after that a re-enqueue would still tell nobody
 * twice (the inbox entries are deterministic). A week covers a long weekend of troubleshooting "who was told?".
 */
export const FINISHED_KEEP_DAYS = 7
/** Finished jobs removed per read-and-remove (one read of `_id`s, one `_id in` remove per 100). */
const PURGE_BATCH = 100

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
  if (Date.now() < until) await purgeFinished(ctx, { budgetMs: until - Date.now() })
  return out
}

/**
 * Remove jobs finished more than `FINISHED_KEEP_DAYS` before `ctx.now`, in batches, until none is left or the budget
 * is spent (the next run goes on). Idempotent: it removes only what its own read found, by `_id`. Index fanout_finished.
 */
export async function purgeFinished(ctx: Pick<Context, 'db' | '_' | 'now'>, options: { budgetMs?: number } = {}): Promise<number> {
  const until = Date.now() + (options.budgetMs ?? 10_000)
  const before = new Date(ctx.now.getTime() - FINISHED_KEEP_DAYS * 24 * 60 * 60 * 1000)
  let removed = 0
  while (Date.now() < until) {
    const page = await jobs(ctx).pick({ status: 'done', updatedAt: ctx._.lt(before) }, ['status'], {
      orderBy: [['updatedAt', 'asc']],
      limit: PURGE_BATCH,
    })
    if (page.length === 0) break
    removed += await jobs(ctx).removeByIds(page.map((job) => job._id))
    if (page.length < PURGE_BATCH) break
  }
  return removed
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

/** A still-queued message about a child, as its guardian's export shows it (no other recipient's openid). */
export interface QueuedAbout {
  queuedAt: string
  kind: string
  /** the text; for per-recipient messages only the reader's own (null when none of them is theirs) */
  title: string | null
  body: string | null
  page: string | null
  /** recipients not yet told */
  waiting: number
}

/**
 * What is still queued about a child (delivered messages are in the inbox). `readers`: whose per-recipient messages
 * may be shown (the guardian exporting, the child's own account). Index fanout_child; a child's jobs are few.
 */
export async function queuedAbout(ctx: Pick<Context, 'db'>, childId: string, readers: readonly string[]): Promise<QueuedAbout[]> {
  const found = await jobs(ctx).all({ childId }, { max: 1000 })
  return found
    .filter((job) => job.status === 'pending')
    .map((job) => {
      const own = job.personal?.find((_, i) => readers.includes(job.recipients[i])) ?? null
      const shown = job.message ?? own
      return {
        queuedAt: new Date(job.createdAt).toISOString(),
        kind: job.kind,
        title: shown?.title ?? null,
        body: shown?.body ?? null,
        page: shown?.page ?? null,
        waiting: Math.max(0, job.recipients.length - job.next),
      }
    })
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
}

/** Remove what is still queued about a child (their data is being deleted). How many jobs were removed. */
export function removeQueuedAbout(ctx: Pick<Context, 'db'>, childId: string): Promise<number> {
  return jobs(ctx).remove({ childId }) // index fanout_child
}
