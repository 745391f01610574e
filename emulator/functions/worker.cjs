/*
 * One worker thread of a function: loads a built bundle (dist/cloudfunctions/<name>/index.js) once and serves the
 * invocations the runner routes to it — several at a time. Each invocation is one cloud-function instance's request:
 * the caller identity (WX_OPENID, WX_APPID, ... and WX_CONTEXT_KEYS) is what that invocation alone sees in
 * process.env, from the start of main() to the end of every callback it causes, because process.env answers those
 * keys from the invocation's AsyncLocalStorage store. So cloud.getWXContext() — which reads process.env on every
 * call — gives each invocation its own caller, exactly as a single-request cloud instance would, while the SDK's
 * 3 MB of code is compiled and kept hot once per thread instead of once per instance. See docs/decisions/0005.
 */
const { AsyncLocalStorage } = require('node:async_hooks')
const { parentPort, workerData } = require('node:worker_threads')

const IDENTITY_KEYS = new Set(['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6', 'WX_SOURCE', 'WX_CONTEXT_KEYS'])
const invocation = new AsyncLocalStorage()
// A plain copy: the SDK reads process.env many times per request, and a plain object answers fastest.
const base = { ...process.env }
for (const key of IDENTITY_KEYS) delete base[key]

const isIdentity = (key) => typeof key === 'string' && key.charCodeAt(0) === 87 /* W */ && IDENTITY_KEYS.has(key)
/** Outside an invocation (loading the bundle, timers the bundle set up at load) there is no caller. */
const identity = () => invocation.getStore() ?? {}

process.env = new Proxy(base, {
  get: (target, key) => (isIdentity(key) ? identity()[key] : target[key]),
  set: (target, key, value) => {
    if (isIdentity(key) && invocation.getStore()) invocation.getStore()[key] = String(value)
    else if (!isIdentity(key)) target[key] = String(value)
    return true
  },
  has: (target, key) => (isIdentity(key) ? key in identity() : key in target),
  deleteProperty: (target, key) => {
    if (isIdentity(key)) delete identity()[key]
    else delete target[key]
    return true
  },
  ownKeys: (target) => [...Reflect.ownKeys(target).filter((key) => !isIdentity(key)), ...Object.keys(identity())],
  getOwnPropertyDescriptor: (target, key) => {
    if (!isIdentity(key)) return Reflect.getOwnPropertyDescriptor(target, key)
    const own = identity()
    return key in own ? { value: own[key], writable: true, enumerable: true, configurable: true } : undefined
  },
})

process.on('unhandledRejection', (reason) => {
  console.error(`[emulator] ${workerData.name}: unhandled rejection`, reason)
})

let entry
let loadError
/** Load the bundle once, with no caller: the cloud's initialisation phase. */
function load() {
  if (entry || loadError) return
  try {
    entry = require(workerData.bundle)
  } catch (error) {
    loadError = error
  }
}

parentPort.on('message', async (message) => {
  if (message.type === 'load') {
    // Cloud profile: the instance loads its bundle (a cold start) before it is given its first invocation.
    load()
    parentPort.postMessage({ loaded: true })
    return
  }
  if (message.type !== 'invoke') return
  const started = Date.now()
  try {
    load()
    if (loadError) throw loadError
    if (typeof entry.main !== 'function') throw new Error(`${workerData.name}: the bundle exports no main()`)
    // The function's own timeout runs from here: loading the code is the cloud's initialisation phase.
    parentPort.postMessage({ id: message.id, started: true })
    const result = await invocation.run({ ...message.env }, () => entry.main(message.event, message.context))
    // The cloud returns the function's value as JSON: what cannot be serialized does not reach the caller.
    const json = result === undefined ? null : JSON.parse(JSON.stringify(result))
    parentPort.postMessage({ id: message.id, ok: true, result: json, ms: Date.now() - started })
  } catch (error) {
    parentPort.postMessage({
      id: message.id,
      ok: false,
      error: { message: (error && error.message) || String(error), stack: error && error.stack },
      ms: Date.now() - started,
    })
  }
})
