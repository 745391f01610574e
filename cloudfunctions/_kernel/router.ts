/**
 * The typed action router: each action is an input schema (from types/) plus a handler.
 * `handle()` turns a router into a cloud function `main(event)` that always answers with the envelope.
 */
import { z } from 'zod'
import { MAX_REQUEST_CHARS } from '../../types/index'
import { checkMarkedInput, type ReviewOutcome } from './content-check'
import { type Context, makeLog } from './context'
import { failure, issuesOf, ok } from './envelope'
import { runAudited } from './audit'
import { AppError } from './errors'
import { busyOr } from './quota'
import { callDb } from './call-db'
import type { Platform } from './platform'
import type { Db } from './sdk'

// Field issues go back to the client in Chinese.
z.config(z.locales.zhCN())

type Schema = z.ZodType
/** `review`: what a content-check `review` verdict on the input's marked texts does (content-check.ts); default refuse. */
type ContractEntry = { input: Schema; output: Schema; review?: ReviewOutcome }

export interface ActionDef<S extends Schema = Schema, O = unknown> {
  input: S
  /** true only for an action that genuinely needs no caller; otherwise a call without OPENID fails with AUTH.NO_OPENID */
  public?: boolean
  /** from the contract entry: `hold` lets the action keep review-level text out of sight; default `refuse` */
  review?: ReviewOutcome
  run(ctx: Context, input: z.output<S>): Promise<O>
}

/** An action bound to its contract entry: input type = parsed schema output, return type = the output schema's type. */
export function action<C extends ContractEntry>(
  entry: C,
  run: (ctx: Context, input: z.output<C['input']>) => Promise<z.output<C['output']>>,
  options: { public?: boolean } = {},
): ActionDef<C['input'], z.output<C['output']>> {
  return { input: entry.input, public: options.public ?? false, review: entry.review ?? 'refuse', run }
}

export type Router = Record<string, ActionDef>

/** A router must implement exactly the actions of its contract. */
export function defineRouter<C extends Record<string, ContractEntry>>(
  _contract: C,
  actions: { [K in keyof C]: ActionDef },
): {
  [K in keyof C]: ActionDef
} {
  return actions
}

/** The action names of a router, for tests (authorization matrix, bad-input sweep) and docs. */
export function actionNames(router: Router): string[] {
  return Object.keys(router)
}

function tooLarge(event: unknown): boolean {
  try {
    const text = JSON.stringify(event)
    return text === undefined ? false : text.length > MAX_REQUEST_CHARS
  } catch {
    return true // circular or otherwise not JSON — cannot have come from a client
  }
}

export interface HandleOptions {
  /** the function's name, for logs */
  name: string
  cloud: Platform
  /** the clock; tests of the kernel may pin it */
  clock?: () => Date
}

export function handle(router: Router, options: HandleOptions) {
  const { name, cloud } = options
  const clock = options.clock ?? (() => new Date())
  let db: Db | undefined
  const database = () => (db ??= cloud.database())

  return async function main(event: unknown): Promise<ReturnType<typeof ok> | ReturnType<typeof failure>> {
    const request = typeof event === 'object' && event !== null ? event : {}
    const requested = 'action' in request ? request.action : undefined
    const actionName = typeof requested === 'string' ? requested : ''
    const where = `${name}.${actionName.slice(0, 64) || '?'}`
    try {
      if (tooLarge(event))
        return failure('INPUT.INVALID', `request larger than ${MAX_REQUEST_CHARS} characters`, [
          { path: '', code: 'too_big', message: '提交的内容太大' },
        ])
      if (!actionName || !Object.prototype.hasOwnProperty.call(router, actionName)) {
        return failure('ACTION.UNKNOWN', `unknown action: ${actionName.slice(0, 64) || '(none)'}`)
      }
      const def = router[actionName]
      const openid = cloud.getWXContext().OPENID
      if (!def.public && (typeof openid !== 'string' || openid.length === 0)) return failure('AUTH.NO_OPENID', 'no caller identity')

      const input = 'input' in request ? request.input : undefined
      const parsed = def.input.safeParse(input === undefined ? {} : input)
      if (!parsed.success) return failure('INPUT.INVALID', 'input does not match the schema', issuesOf(parsed.error))

      const d = callDb(database()) // this call's view: completing after its first change (call-db.ts)
      const ctx: Context = { openid: openid ?? '', now: clock(), db: d, _: d.command, log: makeLog(where), platform: cloud, where }
      // Text other people will read is checked before the action runs (docs/decisions/0036).
      ctx.content = await checkMarkedInput(ctx, def.input, parsed.data, def.review ?? 'refuse')
      return ok(await runAudited(name, actionName, def, ctx, parsed.data))
    } catch (thrown) {
      const error = busyOr(thrown)
      if (error instanceof AppError) {
        const answer = failure(error.code, error.message, error.issues)
        if (error.retryAfterMs !== undefined && !answer.ok) answer.error.retryAfterMs = error.retryAfterMs
        return answer
      }
      console.error(`[${where}] INTERNAL`, error)
      return failure('INTERNAL', '服务暂时不可用，请稍后再试')
    }
  }
}
