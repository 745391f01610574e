import type { AuditScope } from './audit'
import type { ContentVerdict } from './content-check'
import type { Db, Platform } from './platform'
import type { Command } from './sdk'

export interface Log {
  info(message: string, extra?: unknown): void
  warn(message: string, extra?: unknown): void
  error(message: string, extra?: unknown): void
}

/** What an action runs with. Built once per call by the kernel; a test can build one by hand. */
export interface Context {
  /** the caller, from cloud.getWXContext().OPENID only ('' for a public action called without one) */
  openid: string
  /** the instant the call started; every rule in this call uses it */
  now: Date
  db: Db
  /** db.command */
  _: Command
  log: Log
  platform: Platform
  /** `notices.create` — for logs */
  where: string
  /**
   * The kernel's content-check verdict on the input's marked texts (set before the action runs; absent for timers).
   * Read it with `contentVerdict(ctx)` (content-check.ts).
   */
  content?: ContentVerdict
  /**
   * Set by the kernel for an audited action (audit.ts): the call's entry, resolved before the run. A transactional
   * change appends it inside its transaction with `await ctx.audit?.inTx(tx)`; otherwise the kernel appends after.
   */
  audit?: AuditScope
}

export function makeLog(where: string): Log {
  const line = (message: string) => `[${where}] ${message}`
  return {
    info: (message, extra) => (extra === undefined ? console.log(line(message)) : console.log(line(message), extra)),
    warn: (message, extra) => (extra === undefined ? console.warn(line(message)) : console.warn(line(message), extra)),
    error: (message, extra) => (extra === undefined ? console.error(line(message)) : console.error(line(message), extra)),
  }
}
