/**
 * Runs built cloud-function bundles the way the cloud does: a request is one instance's request — it sees only its
 * caller's identity in its environment, and one that outlives the function's timeout (config.json `timeout`, default
 * 3 s) fails with the cloud's timeout error; timer triggers from config.json `triggers` fire on their cron.
 * Default: instances are slots on a few worker threads per function (one per core): each thread loads the bundle
 * once and serves many invocations at a time, each with its own identity (see worker.cjs and docs/decisions/0005).
 * Cloud profile (`isolatedInstances`): every instance is its own worker thread serving one invocation at a time, with
 * its own module state; idle ones are reused, new ones pay a cold start, over `functionConcurrency` busy instances a
 * call is refused with the cloud's EXCEED_CONCURRENT_REQUEST_LIMIT, idle ones go after `instanceIdleMs`
 * (docs/decisions/0009).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { z } from 'zod'
import { cronMatches, parseCron, type CronSpec } from './cron'

export interface Identity {
  openid?: string
  appid?: string
  unionid?: string
  clientIp?: string
  source?: string
}

export interface FunctionConfig {
  timeout?: number
  triggers?: Array<{ name: string; type: string; config: string }>
}

export class FunctionError extends Error {
  constructor(
    readonly code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTION_NOT_FOUND' | 'EXCEED_CONCURRENT_REQUEST_LIMIT',
    message: string,
    readonly functionStack?: string,
  ) {
    super(message)
  }
  /** The errCode wx-server-sdk gives this code (TCB_ERR_CODE). */
  get errCode(): number {
    return this.code === 'EXCEED_CONCURRENT_REQUEST_LIMIT' ? -501004 : this.code === 'FUNCTION_NOT_FOUND' ? -501000 : -504002
  }
}

/** What worker.cjs posts back: loaded (cold start done), started (the timeout runs from here), then ok or failed. */
const workerMessageSchema = z.union([
  z.object({ loaded: z.literal(true) }),
  z.object({ id: z.number(), started: z.literal(true) }),
  z.object({ id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    id: z.number(),
    ok: z.literal(false),
    error: z.object({
      message: z.coerce.string(),
      stack: z
        .string()
        .nullish()
        .transform((v) => v ?? undefined),
    }),
  }),
])

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; start: () => void }
/** A worker thread of one function: it loads the bundle once and serves `inflight` invocations at a time. */
type Thread = {
  worker: Worker
  inflight: Map<number, Pending>
  retiring: boolean
  busy: boolean
  idleTimer?: NodeJS.Timeout
  /** told when the bundle is loaded (or the worker is gone) after a `load` message */
  onLoaded?: () => void
  /** why the thread was terminated (stop or reload): a caller that acquired it must not use it */
  closed?: string
}

interface Deployed {
  name: string
  bundle: string
  config: FunctionConfig
  threads: Thread[]
  /** invocations running (instances busy) */
  active: number
  queue: Array<() => void>
  timers: Array<{ name: string; spec: CronSpec }>
  /** cloud profile: instances promised to callers, waiting for a start slot (they count toward the concurrency) */
  reserved: number
}

export interface RunnerOptions {
  functionsDir: string
  /** Environment every instance starts with (where the SDK finds the emulator, dummy secrets, env id). */
  baseEnv: Record<string, string>
  appid?: string
  /** How many invocations of one function run at once (busy instances); more wait in line. Default 64. */
  maxInstancesPerFunction?: number
  /** Worker threads per function. Default: the machine's cores (os.availableParallelism()). */
  threadsPerFunction?: number
  log?: (line: string) => void
  /** Told of every invocation that ran: how long it waited for an instance and how long main() took (ms). */
  onInvoked?: (name: string, timing: { waitedMs: number; runMs: number }) => void
  /** Cloud profile: a worker thread per instance, one invocation at a time. */
  isolatedInstances?: boolean
  /** Cloud profile: busy instances of one function at most (default 1000); beyond it calls are refused. */
  functionConcurrency?: number
  /** Cloud profile: an idle instance is reclaimed after this long (ms, default 60 s). */
  instanceIdleMs?: number
  /**
   * Cloud profile: instances loading their bundle at once, over all functions (default: the machine's cores). In the
   * cloud every new instance has its own CPU; here they share the machine's, so a burst of cold starts is paced
   * instead of all starving each other (and the server) at once. A caller waits for its instance to be ready.
   */
  maxStartingInstances?: number
}

export interface InvocationStats {
  /** bundle loads (a new worker thread); in the cloud profile every one is a new instance paying a cold start */
  coldStarts: number
  /** the same count under the cloud profile's name */
  instancesStarted: number
  invocations: number
  /** idle instances reclaimed (cloud profile) */
  instancesReclaimed: number
  /** calls refused over the function's concurrency (cloud profile) */
  concurrencyRejections: number
  /** most instances of one function alive at once */
  maxInstances: number
}

let nextId = 1
const INIT_TIMEOUT_MS = 30_000
const STOPPED = 'the local cloud has stopped'

export class FunctionRunner {
  private readonly deployed = new Map<string, Deployed>()
  private readonly workerFile = path.join(__dirname, 'worker.cjs')
  private scheduler?: NodeJS.Timeout
  /** set by stop(): from then on no call starts an instance */
  private stopped = false
  readonly stats: InvocationStats = {
    coldStarts: 0,
    instancesStarted: 0,
    invocations: 0,
    instancesReclaimed: 0,
    concurrencyRejections: 0,
    maxInstances: 0,
  }

  constructor(private readonly options: RunnerOptions) {}

  /** Function names found in functionsDir (a folder with index.js). */
  list(): string[] {
    const dir = this.options.functionsDir
    if (!existsSync(dir)) return []
    return readdirSync(dir)
      .filter((name) => existsSync(path.join(dir, name, 'index.js')))
      .sort()
  }

  private deploy(name: string): Deployed {
    const existing = this.deployed.get(name)
    if (existing) return existing
    if (!/^[A-Za-z0-9_-]+$/.test(name))
      throw new FunctionError('FUNCTION_NOT_FOUND', `[FUNCTION_NOT_FOUND] 找不到对应的FunctionName: ${name}`)
    const dir = path.join(this.options.functionsDir, name)
    const bundle = path.join(dir, 'index.js')
    if (!existsSync(bundle)) throw new FunctionError('FUNCTION_NOT_FOUND', `[FUNCTION_NOT_FOUND] 找不到对应的FunctionName: ${name}`)
    const configFile = path.join(dir, 'config.json')
    const config: FunctionConfig = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : {}
    const timers = (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ name: t.name, spec: parseCron(t.config) }))
    const deployed: Deployed = { name, bundle, config, threads: [], active: 0, queue: [], timers, reserved: 0 }
    this.deployed.set(name, deployed)
    return deployed
  }

  triggersOf(name: string): string[] {
    return this.deploy(name).timers.map((t) => t.name)
  }

  private get maxInstances(): number {
    return this.options.maxInstancesPerFunction ?? 64
  }

  private get maxThreads(): number {
    return Math.max(1, this.options.threadsPerFunction ?? os.availableParallelism())
  }

  private spawn(fn: Deployed): Thread {
    const worker = new Worker(this.workerFile, {
      // TCB_SEQID (a runtime context variable the SDK prefixes its seqIds with) names the caller of each database
      // request, for the per-function counters.
      env: { ...this.options.baseEnv, TCB_SEQID: fn.name, TCB_CONTEXT_KEYS: 'TCB_SEQID' },
      // Plain Node, as in the cloud: no loader hooks inherited from a tsx/jest parent.
      execArgv: [],
      workerData: { bundle: fn.bundle, name: fn.name },
      stdout: false,
      stderr: false,
    })
    const thread: Thread = { worker, inflight: new Map(), retiring: false, busy: false }
    this.stats.coldStarts++
    this.stats.instancesStarted++
    worker.on('message', (raw: unknown) => {
      const parsed = workerMessageSchema.safeParse(raw)
      if (!parsed.success) return this.options.log?.(`[${fn.name}] unexpected message from the worker: ${parsed.error.message}`)
      const message = parsed.data
      if ('loaded' in message) return thread.onLoaded?.()
      const pending = thread.inflight.get(message.id)
      if (!pending) return
      if ('started' in message) return pending.start()
      clearTimeout(pending.timer)
      thread.inflight.delete(message.id)
      if (message.ok) pending.resolve(message.result)
      else {
        this.options.log?.(`[${fn.name}] ${message.error.stack ?? message.error.message}`)
        pending.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', message.error.message, message.error.stack))
      }
      this.finished(fn, thread)
    })
    const crashed = (reason: string) => {
      thread.onLoaded?.()
      clearTimeout(thread.idleTimer)
      fn.threads = fn.threads.filter((t) => t !== thread)
      for (const pending of thread.inflight.values()) {
        clearTimeout(pending.timer)
        pending.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', reason))
        fn.active--
      }
      thread.inflight.clear()
      this.drain(fn)
    }
    worker.on('error', (error) => crashed(`function ${fn.name} crashed: ${error.message}`))
    worker.on('exit', (code) => crashed(`function ${fn.name} exited with code ${code}`))
    fn.threads.push(thread)
    this.stats.maxInstances = Math.max(this.stats.maxInstances, fn.threads.length)
    return thread
  }

  /** An invocation ended (answered or timed out): free its instance; a retiring thread goes once it is idle. */
  private finished(fn: Deployed, thread: Thread): void {
    fn.active--
    thread.busy = false
    if (thread.retiring && thread.inflight.size === 0) this.retire(fn, thread)
    else if (this.options.isolatedInstances) {
      thread.idleTimer = setTimeout(() => {
        if (thread.busy || thread.retiring) return
        this.stats.instancesReclaimed++
        this.retire(fn, thread)
      }, this.options.instanceIdleMs ?? 60_000)
      thread.idleTimer.unref?.()
    }
    this.drain(fn)
  }

  private retire(fn: Deployed, thread: Thread): void {
    clearTimeout(thread.idleTimer)
    fn.threads = fn.threads.filter((t) => t !== thread)
    thread.worker.removeAllListeners('exit')
    void thread.worker.terminate()
  }

  private drain(fn: Deployed): void {
    while (fn.queue.length > 0 && fn.active < this.maxInstances) fn.queue.shift()!()
  }

  /** A free instance: on a new thread while the function has fewer than one per core busy, else the least busy one. */
  private acquire(fn: Deployed): Promise<Thread> {
    if (this.options.isolatedInstances) return this.acquireInstance(fn)
    return new Promise((resolve, reject) => {
      const take = () => {
        if (this.stopped) return reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', STOPPED))
        fn.active++
        const open = fn.threads.filter((t) => !t.retiring)
        const idle = open.find((t) => t.inflight.size === 0)
        if (idle) return resolve(idle)
        if (open.length < this.maxThreads) return resolve(this.spawn(fn))
        resolve(open.reduce((a, b) => (b.inflight.size < a.inflight.size ? b : a)))
      }
      if (fn.active < this.maxInstances) take()
      else fn.queue.push(take)
    })
  }

  /**
   * Cloud profile: an idle warm instance, else a new one (cold start) while fewer than the function's concurrency
   * are busy, else the cloud's refusal (a synchronous invocation over the limit is not run, not queued).
   */
  private async acquireInstance(fn: Deployed): Promise<Thread> {
    const warm = fn.threads.find((t) => !t.retiring && !t.busy)
    if (warm) {
      clearTimeout(warm.idleTimer)
      warm.busy = true
      fn.active++
      return warm
    }
    const limit = this.options.functionConcurrency ?? 1000
    if (fn.threads.filter((t) => !t.retiring).length + fn.reserved >= limit) {
      this.stats.concurrencyRejections++
      throw new FunctionError(
        'EXCEED_CONCURRENT_REQUEST_LIMIT',
        `[LimitExceeded.ConcurrentLimit] function ${fn.name} is running ${limit} instances, its concurrency limit. 请求并发数超出环境配额`,
      )
    }
    // A cold start: wait for a start slot, then load the bundle before the invocation is handed over.
    fn.reserved++
    fn.active++
    await new Promise<void>((resolve) => {
      if (this.starting < this.maxStarting) resolve()
      else this.startQueue.push(resolve)
    })
    if (this.stopped) throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', STOPPED)
    this.starting++
    const thread = this.spawn(fn)
    fn.reserved-- // now among fn.threads
    thread.busy = true
    try {
      await new Promise<void>((resolve) => {
        thread.onLoaded = resolve
        thread.worker.postMessage({ type: 'load' })
      })
    } finally {
      thread.onLoaded = undefined
      this.starting--
      this.startQueue.shift()?.()
    }
    if (thread.closed) throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', thread.closed)
    return thread
  }

  private starting = 0
  private readonly startQueue: Array<() => void> = []
  private get maxStarting(): number {
    return Math.max(1, this.options.maxStartingInstances ?? os.availableParallelism())
  }

  /** Invoke a function as `identity`; resolves with its (JSON) return value or rejects with FunctionError. */
  async invoke(name: string, event: unknown, identity: Identity = {}): Promise<unknown> {
    if (this.stopped) throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', STOPPED)
    const fn = this.deploy(name)
    const asked = performance.now()
    const thread = await this.acquire(fn)
    // stopped (or reloaded) between the instance being found and this call taking it
    if (thread.closed) throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', thread.closed)
    const acquired = performance.now()
    this.stats.invocations++
    const env: Record<string, string> = {}
    const keys: string[] = []
    const put = (key: string, value: string | undefined) => {
      if (value === undefined || value === '') return
      env[key] = value
      keys.push(key)
    }
    put('WX_OPENID', identity.openid)
    put('WX_APPID', identity.openid ? (identity.appid ?? this.options.appid) : identity.appid)
    put('WX_UNIONID', identity.unionid)
    put('WX_CLIENTIP', identity.clientIp)
    put('WX_SOURCE', identity.source)
    env.WX_CONTEXT_KEYS = keys.join(',')
    const timeoutSeconds = fn.config.timeout ?? 3
    const id = nextId++
    return new Promise((resolve, reject) => {
      // The cloud kills a timed-out instance. Here the thread hosts other invocations: it takes no more and goes
      // when the last one ends (at once, if this was its only one).
      const timedOut = (message: string) => () => {
        if (!thread.inflight.delete(id)) return
        reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', message))
        thread.retiring = true
        this.finished(fn, thread)
      }
      // Loading the bundle (initialisation) has its own generous limit; the function's timeout starts when main() does.
      let started = acquired
      const pending: Pending = {
        resolve: (value) => {
          this.options.onInvoked?.(name, { waitedMs: acquired - asked, runMs: performance.now() - started })
          resolve(value)
        },
        reject,
        timer: setTimeout(timedOut(`Function initialization timed out after ${INIT_TIMEOUT_MS / 1000} seconds`), INIT_TIMEOUT_MS),
        start: () => {
          started = performance.now()
          clearTimeout(pending.timer)
          pending.timer = setTimeout(timedOut(`Invoking task timed out after ${timeoutSeconds} seconds`), timeoutSeconds * 1000)
        },
      }
      thread.inflight.set(id, pending)
      const context = { function_name: name, request_id: `${Date.now().toString(16)}_${id}`, environment: '{}' }
      thread.worker.postMessage({ type: 'invoke', id, event, context, env })
    })
  }

  /** Fire a timer trigger now, as the cloud would: event {Type:'Timer', TriggerName, Time}, no caller identity. */
  fireTrigger(name: string, triggerName: string, at = new Date()): Promise<unknown> {
    const fn = this.deploy(name)
    if (!fn.timers.some((t) => t.name === triggerName)) {
      return Promise.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', `function ${name} has no timer trigger "${triggerName}"`))
    }
    return this.invoke(name, { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString() }, { source: 'wx_trigger' })
  }

  /** Check every deployed function's timers once a second. */
  startTimers(): void {
    for (const name of this.list()) this.deploy(name)
    let last = Math.floor(Date.now() / 1000)
    this.scheduler = setInterval(() => {
      const nowSecond = Math.floor(Date.now() / 1000)
      for (let s = last + 1; s <= nowSecond; s++) {
        const at = new Date(s * 1000)
        for (const fn of this.deployed.values()) {
          for (const timer of fn.timers) {
            if (!cronMatches(timer.spec, at)) continue
            this.fireTrigger(fn.name, timer.name, at).then(
              () => this.options.log?.(`[timer] ${fn.name}.${timer.name} ok`),
              (error) => this.options.log?.(`[timer] ${fn.name}.${timer.name} failed: ${error.message}`),
            )
          }
        }
      }
      last = nowSecond
    }, 1000)
    this.scheduler.unref?.()
  }

  /** Drop every instance (the next call loads the bundle afresh); calls running on them fail. */
  async reload(): Promise<void> {
    await this.dropAll('the function was reloaded while this call ran')
  }

  /**
   * Terminate every instance and end every call: those running or waiting fail with `reason` at once (their timers
   * cleared), so nothing is left to keep the process alive. Synchronous up to the wait for the threads to exit.
   */
  private async dropAll(reason: string): Promise<void> {
    const all = [...this.deployed.values()]
    this.deployed.clear()
    await Promise.all(
      all.flatMap((fn) =>
        fn.threads.map((t) => {
          t.closed = reason
          clearTimeout(t.idleTimer)
          for (const pending of t.inflight.values()) {
            clearTimeout(pending.timer)
            pending.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', reason))
          }
          t.inflight.clear()
          t.onLoaded?.() // a cold start waiting for this thread's bundle
          t.worker.removeAllListeners('exit')
          return t.worker.terminate()
        }),
      ),
    )
  }

  /**
   * No call starts an instance from here on (one arriving now is refused, as are those waiting in line or for a start
   * slot); every instance goes and the calls still running on them fail. What the emulator's stop() starts with.
   */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.scheduler) clearInterval(this.scheduler)
    for (const fn of this.deployed.values()) for (const take of fn.queue.splice(0)) take()
    for (const resolve of this.startQueue.splice(0)) resolve()
    await this.dropAll(STOPPED)
  }
}
