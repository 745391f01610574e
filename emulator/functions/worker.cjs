/*
 * One cloud-function instance: loads a built bundle (dist/cloudfunctions/<name>/index.js) and serves one invocation
 * at a time. Its process.env is its own copy (worker_threads), so the caller identity set here for an invocation is
 * exactly what cloud.getWXContext() reads inside that invocation, and nothing another instance does can change it.
 */
const { parentPort, workerData } = require('node:worker_threads')

const IDENTITY_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6', 'WX_SOURCE']
let entry

process.on('unhandledRejection', (reason) => {
  console.error(`[emulator] ${workerData.name}: unhandled rejection`, reason)
})

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke') return
  for (const key of IDENTITY_KEYS) delete process.env[key]
  Object.assign(process.env, message.env)
  const started = Date.now()
  let loadMs = 0
  try {
    if (!entry) {
      entry = require(workerData.bundle)
      loadMs = Date.now() - started
    }
    if (typeof entry.main !== 'function') throw new Error(`${workerData.name}: the bundle exports no main()`)
    // The function's own timeout runs from here: loading the code is the cloud's initialisation phase.
    parentPort.postMessage({ id: message.id, started: true })
    const result = await entry.main(message.event, message.context)
    // The cloud returns the function's value as JSON: what cannot be serialized does not reach the caller.
    const json = result === undefined ? null : JSON.parse(JSON.stringify(result))
    parentPort.postMessage({ id: message.id, ok: true, result: json, ms: Date.now() - started, loadMs })
  } catch (error) {
    parentPort.postMessage({
      id: message.id,
      ok: false,
      error: { message: (error && error.message) || String(error), stack: error && error.stack },
      ms: Date.now() - started,
    })
  }
})
