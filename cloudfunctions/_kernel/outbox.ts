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
 *  - observable: `outboxStats` — recipients still pending and the age of the oldest pending job.
 */
import { createHash } from 'node:crypto'
import { COLLECTIONS, type FanoutJobDoc } from '../../types/index'
import type { Context } from './context'
import { insertOnce, updateWhere } from './db'
import { deliver, type Delivery } from './inbox'

type Ctx = Pick<Context, 'db' | '_' | 'platform' | 'log' | 'now'>

/** Recipients per job document (a job stays far below the 16 MB document limit). */
const PER_JOB = 2000
/**
 * Recipients per batch: each costs one database request (the inbox insert) and at most one subscribe message; a
 * batch of 50 with 8 in parallel stays far below a quota of 500 requests/s even with the other traffic.
 */
export const DRAIN_BATCH = 50
const LEASE_MS = 30_000

export const fanoutId = (eventKey: string, part: number) =>
  `fanout_${createHash('sha1').update(eventKey).digest('hex').slice(0, 24)}_${part}`

/** Queue `message` for `recipients` (deduplicated); nothing is delivered now. Returns how many were queued. */
export async function enqueue(ctx: Ctx, recipients: Iterable<string>, eventKey: string, message: Delivery): Promise<number> {
  const all = [...new Set(recipients)].filter((openid) => openid.length > 0)
  for (let part = 0; part * PER_JOB < all.length; part++) {
    const doc: FanoutJobDoc = {
      _id: fanoutId(eventKey, part),
      eventKey,
      message,
      recipients: all.slice(part * PER_JOB, (part + 1) * PER_JOB),
      next: 0,
      status: 'pending',
      leaseUntil: 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    await insertOnce(ctx.db, COLLECTIONS.fanout, { ...doc }) // a second enqueue of the same key: already there
  }
  return all.length
}

/** Pending jobs, oldest first. Index fanout_pending. */
async function pendingJobs(ctx: Ctx, limit: number): Promise<FanoutJobDoc[]> {
  const res = (await ctx.db.collection(COLLECTIONS.fanout).where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(limit).get()) as {
    data: FanoutJobDoc[]
  }
  return res.data
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
  for (const job of await pendingJobs(ctx, 20)) {
    if (Date.now() > until || (options.maxBatches !== undefined && out.batches >= options.maxBatches)) break
    const lease = Date.now() + LEASE_MS
    const taken = await updateWhere(
      ctx.db,
      COLLECTIONS.fanout,
      { _id: job._id, status: 'pending', leaseUntil: ctx._.lte(Date.now()) },
      { leaseUntil: lease },
    )
    if (taken !== 1) continue // another drainer has it
    out.jobs++
    let next = job.next
    try {
      while (next < job.recipients.length && Date.now() < until && (options.maxBatches === undefined || out.batches < options.maxBatches)) {
        const slice = job.recipients.slice(next, next + batch)
        const res = await deliver(ctx, slice, job.eventKey, job.message)
        out.delivered += res.delivered
        out.batches++
        const moved = await updateWhere(
          ctx.db,
          COLLECTIONS.fanout,
          { _id: job._id, next, leaseUntil: lease },
          { next: next + slice.length, updatedAt: ctx.now },
        )
        if (moved !== 1) break // the lease ran out and someone else took over
        next += slice.length
      }
    } finally {
      const done = next >= job.recipients.length
      await updateWhere(
        ctx.db,
        COLLECTIONS.fanout,
        { _id: job._id, leaseUntil: lease },
        done ? { status: 'done', leaseUntil: 0, updatedAt: ctx.now } : { leaseUntil: 0 },
      )
    }
  }
  return out
}

/** What is waiting: recipients not yet delivered and the age of the oldest pending job (ms; 0 when none). */
export async function outboxStats(ctx: Ctx): Promise<{ pendingJobs: number; pendingRecipients: number; oldestAgeMs: number }> {
  const jobs = await pendingJobs(ctx, 100)
  return {
    pendingJobs: jobs.length,
    pendingRecipients: jobs.reduce((sum, j) => sum + (j.recipients.length - j.next), 0),
    oldestAgeMs: jobs.length ? Math.max(0, ctx.now.getTime() - new Date(jobs[0].createdAt).getTime()) : 0,
  }
}
