/**
 * Runs built cloud-function bundles the way the cloud does: each function has a warm pool of instances (worker
 * threads); an instance serves one request at a time with that request's caller identity in its environment;
 * a request that outlives the function's timeout (config.json `timeout`, default 3 s) is killed with the cloud's
 * timeout error; timer triggers from config.json `triggers` fire on their cron.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
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
  constructor(readonly code: 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTION_NOT_FOUND', message: string, readonly functionStack?: string) {
    super(message)
  }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; start: () => void }
type Instance = { worker: Worker; busy: boolean; pending?: Pending & { id: number }; cold: boolean }

interface Deployed {
  name: string
  bundle: string
  config: FunctionConfig
  instances: Instance[]
  queue: Array<() => void>
  timers: Array<{ name: string; spec: CronSpec }>
}

export interface RunnerOptions {
  functionsDir: string
  /** Environment every instance starts with (where the SDK finds the emulator, dummy secrets, env id). */
  baseEnv: Record<string, string>
  appid?: string
  maxInstancesPerFunction?: number
  log?: (line: string) => void
}

export interface InvocationStats {
  coldStarts: number
  invocations: number
}

let nextId = 1
const INIT_TIMEOUT_MS = 30_000

export class FunctionRunner {
  private readonly deployed = new Map<string, Deployed>()
  private readonly workerFile = path.join(__dirname, 'worker.cjs')
  private scheduler?: NodeJS.Timeout
  readonly stats: InvocationStats = { coldStarts: 0, invocations: 0 }

  constructor(private readonly options: RunnerOptions) {}

  /** Function names found in functionsDir (a folder with index.js). */
  list(): string[] {
    const dir = this.options.functionsDir
    if (!existsSync(dir)) return []
    return readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'index.js'))).sort()
  }

  private deploy(name: string): Deployed {
    const existing = this.deployed.get(name)
    if (existing) return existing
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new FunctionError('FUNCTION_NOT_FOUND', `[FUNCTION_NOT_FOUND] 找不到对应的FunctionName: ${name}`)
    const dir = path.join(this.options.functionsDir, name)
    const bundle = path.join(dir, 'index.js')
    if (!existsSync(bundle)) throw new FunctionError('FUNCTION_NOT_FOUND', `[FUNCTION_NOT_FOUND] 找不到对应的FunctionName: ${name}`)
    const configFile = path.join(dir, 'config.json')
    const config: FunctionConfig = existsSync(configFile) ? JSON.parse(readFileSync(configFile, 'utf8')) : {}
    const timers = (config.triggers ?? [])
      .filter((t) => t.type === 'timer')
      .map((t) => ({ name: t.name, spec: parseCron(t.config) }))
    const deployed: Deployed = { name, bundle, config, instances: [], queue: [], timers }
    this.deployed.set(name, deployed)
    return deployed
  }

  triggersOf(name: string): string[] {
    return this.deploy(name).timers.map((t) => t.name)
  }

  private spawn(fn: Deployed): Instance {
    const worker = new Worker(this.workerFile, {
      env: { ...this.options.baseEnv },
      // A plain Node instance, as in the cloud: no loader hooks inherited from a tsx/jest parent.
      execArgv: [],
      workerData: { bundle: fn.bundle, name: fn.name },
      stdout: false,
      stderr: false,
    })
    const instance: Instance = { worker, busy: false, cold: true }
    worker.on('message', (message: any) => {
      const pending = instance.pending
      if (!pending || message.id !== pending.id) return
      if (message.started) return pending.start()
      clearTimeout(pending.timer)
      instance.pending = undefined
      if (message.ok) pending.resolve(message.result)
      else {
        this.options.log?.(`[${fn.name}] ${message.error.stack ?? message.error.message}`)
        pending.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', message.error.message, message.error.stack))
      }
      this.release(fn, instance)
    })
    const retire = (reason: string) => {
      fn.instances = fn.instances.filter((i) => i !== instance)
      const pending = instance.pending
      if (pending) {
        clearTimeout(pending.timer)
        instance.pending = undefined
        pending.reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', reason))
      }
      this.drain(fn)
    }
    worker.on('error', (error) => retire(`function ${fn.name} crashed: ${error.message}`))
    worker.on('exit', (code) => retire(`function ${fn.name} exited with code ${code}`))
    fn.instances.push(instance)
    return instance
  }

  private release(fn: Deployed, instance: Instance): void {
    instance.busy = false
    this.drain(fn)
  }

  private drain(fn: Deployed): void {
    while (fn.queue.length > 0) {
      const free = fn.instances.some((i) => !i.busy) || fn.instances.length < (this.options.maxInstancesPerFunction ?? 16)
      if (!free) return
      fn.queue.shift()!()
    }
  }

  private acquire(fn: Deployed): Promise<Instance> {
    return new Promise((resolve) => {
      const take = () => {
        let instance = fn.instances.find((i) => !i.busy)
        if (!instance) instance = this.spawn(fn)
        instance.busy = true
        resolve(instance)
      }
      const max = this.options.maxInstancesPerFunction ?? 16
      if (fn.instances.some((i) => !i.busy) || fn.instances.length < max) take()
      else fn.queue.push(take)
    })
  }

  /** Invoke a function as `identity`; resolves with its (JSON) return value or rejects with FunctionError. */
  async invoke(name: string, event: unknown, identity: Identity = {}): Promise<unknown> {
    const fn = this.deploy(name)
    const instance = await this.acquire(fn)
    this.stats.invocations++
    if (instance.cold) {
      this.stats.coldStarts++
      instance.cold = false
    }
    const env: Record<string, string> = {}
    const keys: string[] = []
    const put = (key: string, value: string | undefined) => {
      if (value === undefined || value === '') return
      env[key] = value
      keys.push(key)
    }
    put('WX_OPENID', identity.openid)
    put('WX_APPID', identity.openid ? identity.appid ?? this.options.appid : identity.appid)
    put('WX_UNIONID', identity.unionid)
    put('WX_CLIENTIP', identity.clientIp)
    put('WX_SOURCE', identity.source)
    env.WX_CONTEXT_KEYS = keys.join(',')
    const timeoutSeconds = fn.config.timeout ?? 3
    const id = nextId++
    return new Promise((resolve, reject) => {
      const kill = (message: string) => () => {
        instance.pending = undefined
        instance.worker.removeAllListeners('exit')
        fn.instances = fn.instances.filter((i) => i !== instance)
        void instance.worker.terminate()
        reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', message))
        this.drain(fn)
      }
      // Loading the bundle (initialisation) has its own generous limit; the function's timeout starts when main() does.
      const pending: Pending & { id: number } = {
        id, resolve, reject,
        timer: setTimeout(kill(`Function initialization timed out after ${INIT_TIMEOUT_MS / 1000} seconds`), INIT_TIMEOUT_MS),
        start: () => {
          clearTimeout(pending.timer)
          pending.timer = setTimeout(kill(`Invoking task timed out after ${timeoutSeconds} seconds`), timeoutSeconds * 1000)
        },
      }
      instance.pending = pending
      const context = { function_name: name, request_id: `${Date.now().toString(16)}_${id}`, environment: '{}' }
      instance.worker.postMessage({ type: 'invoke', id, event, context, env })
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

  /** Drop every instance (the next call loads the bundle afresh). */
  async reload(): Promise<void> {
    const all = [...this.deployed.values()]
    this.deployed.clear()
    await Promise.all(all.flatMap((fn) => fn.instances.map((i) => { i.worker.removeAllListeners('exit'); return i.worker.terminate() })))
  }

  async stop(): Promise<void> {
    if (this.scheduler) clearInterval(this.scheduler)
    await this.reload()
  }
}
