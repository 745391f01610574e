/**
 * Profiles: how much like the real cloud the emulator is. `default` is the fast local cloud (no latency, no quotas,
 * function instances as slots on one thread per core — docs/decisions/0005). `cloud` is as strict as the real one
 * (docs/decisions/0009):
 *   - every function instance is its own worker thread serving one invocation at a time, with its own module state;
 *     warm instances are reused, new ones pay a cold start, idle ones are reclaimed; beyond the function's
 *     concurrency the call is refused (EXCEED_CONCURRENT_REQUEST_LIMIT, -501004), as the cloud refuses a synchronous
 *     invocation over the limit;
 *   - every database request pays a latency, applied by the server (half before it runs, half after);
 *   - environment quotas: database requests per second (EXCEED_REQUEST_LIMIT, -501003) and concurrent database
 *     requests (EXCEED_CONCURRENT_REQUEST_LIMIT, -501004), answered as the SDK receives the cloud's refusals.
 * Every knob can be set on its own, under either profile.
 */
import { performance } from 'node:perf_hooks'
import { CloudError } from './db/errors'

export type ProfileName = 'default' | 'cloud'

export interface Latency {
  /** ms */
  mean: number
  /** ± ms, uniform */
  jitter: number
}

export interface ProfileKnobs {
  /** Latency of every database request: ms, or '8±4ms' / '8+-4' / '8ms'. */
  dbLatency?: number | string | Latency
  /** Database requests per second for the environment (sliding one-second window). */
  dbQps?: number
  /** Database requests in flight at once for the environment (同时连接数). */
  dbConnections?: number
  /** Instances of one function running at once (函数并发); beyond it calls are refused. Cloud profile only. */
  functionConcurrency?: number
  /** An idle instance is reclaimed after this long (ms). Cloud profile only. */
  instanceIdleMs?: number
  /**
   * Whose database requests the quotas count: 'functions' (default: requests from function instances; a test's or a
   * seeder's own SDK pays the latency but never trips a quota, so fixtures stay out of what is measured) or 'all'.
   */
  dbQuotaScope?: 'functions' | 'all'
}

export interface Profile {
  name: ProfileName
  dbLatency: Latency
  dbQps: number
  dbConnections: number
  /** true: a worker thread per instance, one invocation at a time (cloud); false: shared slots (default) */
  isolatedInstances: boolean
  functionConcurrency: number
  instanceIdleMs: number
  dbQuotaScope: 'functions' | 'all'
}

/**
 * The cloud profile's defaults. The database numbers are the shape issue 12 states for the sign-up bench (500
 * requests/s, 100 connections); function concurrency 1000 is the per-function ceiling WeChat staff quote. The base
 * plan once published 30 requests/s, 20 connections and 20 concurrent instances per function; current plans show
 * theirs in the console (环境 → 资源使用/配额) and through the TCB API DescribeQuotaData.
 */
export const CLOUD_DEFAULTS = {
  dbLatency: { mean: 8, jitter: 4 },
  dbQps: 500,
  dbConnections: 100,
  functionConcurrency: 1000,
  instanceIdleMs: 60_000,
}

export function parseLatency(value: number | string | Latency | undefined): Latency | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number') return { mean: value, jitter: 0 }
  if (typeof value === 'object') return value
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:ms)?\s*(?:(?:±|\+-|\+\/-)\s*(\d+(?:\.\d+)?)\s*(?:ms)?)?\s*$/.exec(value)
  if (!match) throw new Error(`latency "${value}": expected e.g. 8, 8ms or 8±4ms`)
  const latency = { mean: Number(match[1]), jitter: Number(match[2] ?? 0) }
  if (latency.jitter > latency.mean) throw new Error(`latency "${value}": the jitter cannot exceed the mean`)
  return latency
}

export function resolveProfile(name: ProfileName = 'default', knobs: ProfileKnobs = {}): Profile {
  const cloud = name === 'cloud'
  if (name !== 'default' && name !== 'cloud') throw new Error(`unknown profile ${name}: default or cloud`)
  return {
    name,
    dbLatency: parseLatency(knobs.dbLatency) ?? (cloud ? CLOUD_DEFAULTS.dbLatency : { mean: 0, jitter: 0 }),
    dbQps: knobs.dbQps ?? (cloud ? CLOUD_DEFAULTS.dbQps : Infinity),
    dbConnections: knobs.dbConnections ?? (cloud ? CLOUD_DEFAULTS.dbConnections : Infinity),
    isolatedInstances: cloud,
    functionConcurrency: knobs.functionConcurrency ?? CLOUD_DEFAULTS.functionConcurrency,
    instanceIdleMs: knobs.instanceIdleMs ?? CLOUD_DEFAULTS.instanceIdleMs,
    dbQuotaScope: knobs.dbQuotaScope ?? 'functions',
  }
}

export const exceedRequestLimit = (qps: number) =>
  new CloudError(
    'EXCEED_REQUEST_LIMIT',
    `[LimitExceeded.RequestLimit] database requests exceed the environment's quota (${qps} per second). 请求次数超出环境配额`,
  )

export const exceedConcurrentRequests = (what: string, limit: number) =>
  new CloudError(
    'EXCEED_CONCURRENT_REQUEST_LIMIT',
    `[LimitExceeded.ConcurrentLimit] ${what} exceed the environment's quota (${limit} at once). 请求并发数超出环境配额`,
  )

export interface DatabaseCounters {
  /** database requests served (refusals not counted) */
  requests: number
  /** served requests per calling function (from the SDK's seqId prefix, TCB_SEQID); "-" for callers outside functions */
  byFunction: Record<string, number>
  rejections: { requestLimit: number; concurrentLimit: number }
  /** sum of the latencies applied (ms), and the shortest time the server held a request (ms, measured) */
  latencyAppliedMs: number
  minHeldMs: number | null
  inFlight: number
  maxInFlight: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : resolve()))

/** Quotas and latency in front of every database request. */
export class DatabaseGate {
  readonly counters: DatabaseCounters = {
    requests: 0,
    byFunction: {},
    rejections: { requestLimit: 0, concurrentLimit: 0 },
    latencyAppliedMs: 0,
    minHeldMs: null,
    inFlight: 0,
    maxInFlight: 0,
  }
  /** times (ms) of the last `dbQps` admitted requests, a ring */
  private readonly admitted: number[] = []
  private next = 0

  constructor(
    private readonly profile: Profile,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * Run `work` as one database request from `caller` (a function name, or '-' from outside any function): refused
   * over a quota, else held for the latency around it.
   */
  async run<T>(caller: string, work: () => T): Promise<T> {
    const { dbLatency, dbQuotaScope } = this.profile
    const counted = dbQuotaScope === 'all' || caller !== '-'
    const dbQps = counted ? this.profile.dbQps : Infinity
    const dbConnections = counted ? this.profile.dbConnections : Infinity
    const c = this.counters
    if (c.inFlight >= dbConnections) {
      c.rejections.concurrentLimit++
      throw exceedConcurrentRequests('database requests in flight', dbConnections)
    }
    if (Number.isFinite(dbQps)) {
      const now = performance.now()
      if (this.admitted.length < dbQps) this.admitted.push(now)
      else if (now - this.admitted[this.next] < 1000) {
        c.rejections.requestLimit++
        throw exceedRequestLimit(dbQps)
      } else {
        this.admitted[this.next] = now
        this.next = (this.next + 1) % dbQps
      }
    }
    c.inFlight++
    c.maxInFlight = Math.max(c.maxInFlight, c.inFlight)
    const started = performance.now()
    try {
      const latency = dbLatency.mean + dbLatency.jitter * (2 * this.random() - 1)
      await sleep(latency / 2)
      let result: T | undefined
      let failure: unknown
      try {
        result = work()
      } catch (error) {
        failure = error // the cloud's error answer travels back with the same latency
      }
      await sleep(latency / 2)
      c.requests++
      c.byFunction[caller] = (c.byFunction[caller] ?? 0) + 1
      c.latencyAppliedMs += latency
      const held = performance.now() - started
      c.minHeldMs = c.minHeldMs === null ? held : Math.min(c.minHeldMs, held)
      if (failure !== undefined) throw failure
      return result as T
    } finally {
      c.inFlight--
    }
  }
}

/**
 * Profile options from the environment, for test harnesses and scripts: EMULATOR_PROFILE (default|cloud),
 * EMULATOR_DB_LATENCY (8±4ms), EMULATOR_DB_QPS, EMULATOR_DB_CONNECTIONS, EMULATOR_FUNCTION_CONCURRENCY,
 * EMULATOR_INSTANCE_IDLE_MS. Unset ones are left to the profile.
 */
export function profileFromEnv(env: Record<string, string | undefined> = process.env): ProfileKnobs & { profile?: ProfileName } {
  const num = (key: string) => (env[key] ? Number(env[key]) : undefined)
  const out: ProfileKnobs & { profile?: ProfileName } = {}
  if (env.EMULATOR_PROFILE) out.profile = env.EMULATOR_PROFILE as ProfileName
  if (env.EMULATOR_DB_LATENCY) out.dbLatency = env.EMULATOR_DB_LATENCY
  if (env.EMULATOR_DB_QPS) out.dbQps = num('EMULATOR_DB_QPS')
  if (env.EMULATOR_DB_CONNECTIONS) out.dbConnections = num('EMULATOR_DB_CONNECTIONS')
  if (env.EMULATOR_FUNCTION_CONCURRENCY) out.functionConcurrency = num('EMULATOR_FUNCTION_CONCURRENCY')
  if (env.EMULATOR_INSTANCE_IDLE_MS) out.instanceIdleMs = num('EMULATOR_INSTANCE_IDLE_MS')
  return out
}
