/**
 * Every cloud function's actions: input schema + output schema. The client types its calls from this map
 * (`ActionInput<'notices', 'create'>`), the functions parse inputs with the same schemas.
 */
import type { z } from 'zod'
import { communitiesContract } from './communities'
import { noticesContract } from './notices'
import { proposalsContract } from './proposals'
import { eventsContract } from './events'
import { councilContract } from './council'
import { auditContract } from './audit'
import { insightsContract } from './insights'
import { searchContract } from './search'

export const contract = {
  communities: communitiesContract,
  notices: noticesContract,
  proposals: proposalsContract,
  events: eventsContract,
  council: councilContract,
  audit: auditContract,
  insights: insightsContract,
  search: searchContract,
} as const

export type Contract = typeof contract
export type FunctionName = keyof Contract
export type ActionName<F extends FunctionName> = keyof Contract[F] & string
type Entry<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { input: z.ZodType; output: z.ZodType }
  ? Contract[F][A]
  : never
/** What the caller sends (before defaults/trim). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Entry<F, A>['input']>
/** What `data` holds in an `{ ok: true }` answer. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.infer<Entry<F, A>['output']>
