/**
 * Every function's router, by name — one list for the generated suites (authorization matrix, role changes, audit).
 * Typed by the contract's function names: a new function in `types/contract.ts` does not compile here until its
 * router is added, and then not in cases.ts until it has a case for every action.
 */
import type { Router } from '../../cloudfunctions/_kernel/router'
import { router as auditRouter } from '../../cloudfunctions/audit/router'
import { router as communitiesRouter } from '../../cloudfunctions/communities/router'
import { router as councilRouter } from '../../cloudfunctions/council/router'
import { router as eventsRouter } from '../../cloudfunctions/events/router'
import { router as insightsRouter } from '../../cloudfunctions/insights/router'
import { router as noticesRouter } from '../../cloudfunctions/notices/router'
import { router as proposalsRouter } from '../../cloudfunctions/proposals/router'
import { router as searchRouter } from '../../cloudfunctions/search/router'
import type { FunctionName } from '../../types/index'

export type Fn = FunctionName

export const ROUTERS: Record<Fn, Router> = {
  communities: communitiesRouter,
  notices: noticesRouter,
  proposals: proposalsRouter,
  council: councilRouter,
  events: eventsRouter,
  audit: auditRouter,
  insights: insightsRouter,
  search: searchRouter,
}

export const FUNCTIONS = Object.keys(ROUTERS) as Fn[]
