/**
 * stop() closes everything the emulator opened, so the process that started it can end: its server and the
 * connections kept alive on it, every function instance (worker thread), every timer. An invocation still running
 * when stop() is called fails at once instead of hanging on; one that arrives while it stops, or after, is refused
 * without starting an instance. (The weapp suite once never ended: a page's call was answered while its emulator was
 * stopping, the page called again, and that call started a worker thread nobody stopped.)
 */
import { createHook } from 'node:async_hooks'
import http from 'node:http'
import path from 'node:path'
import { startEmulator } from '../../emulator'
import { FunctionError } from '../../emulator/functions/runner'
import { FIXTURES, TEST_SCHEMA } from './support'

/** What keeps a Node process alive, tracked as jest's --detectOpenHandles does: by async resource, until destroyed. */
const KEEPS_ALIVE = new Set(['TCPSERVERWRAP', 'TCPWRAP', 'Timeout', 'WORKER'])
type Resource = { type: string; resource: { hasRef?: () => boolean; _onTimeout?: unknown } }

/** The resources created while `track` is on that are still alive (and not unref'd). */
function tracker() {
  const live = new Map<number, Resource>()
  let tracking = true
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (tracking && KEEPS_ALIVE.has(type)) live.set(id, { type, resource: resource as Resource['resource'] })
    },
    destroy(id) {
      live.delete(id)
    },
  }).enable()
  const alive = () =>
    [...live.values()]
      .filter(({ resource }) => (typeof resource.hasRef === 'function' ? resource.hasRef() : true))
      .map(({ type, resource }) => (type === 'Timeout' ? `Timeout ${String(resource._onTimeout).slice(0, 100)}` : type))
  return {
    stopTracking: () => void (tracking = false),
    /** Waits until nothing tracked keeps the process alive (closing is asynchronous); what is left after 15 s. */
    async leftAlive(): Promise<string[]> {
      const until = Date.now() + 15_000
      while (alive().length > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
      hook.disable()
      return alive()
    },
  }
}

/** A POST to the gateway on `agent`; resolves with the status and the socket it went over. */
function post(url: string, agent: http.Agent): Promise<{ status: number; body: unknown; socket: import('node:net').Socket }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ action: 'x', input: {} })
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-dev-openid': 'o-phone', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()), socket: req.socket! }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const settled = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )

test.each(['default', 'cloud'] as const)(
  '%s profile: after stop() nothing the emulator opened keeps the process alive, and no call starts an instance',
  async (profile) => {
    const resources = tracker()
    const emu = await startEmulator({
      profile,
      port: 0,
      schemaFile: TEST_SCHEMA,
      functionsDir: path.join(FIXTURES, 'functions'),
      log: () => {},
    })
    // a phone's connection, kept alive by the gateway after its answer
    const agent = new http.Agent({ keepAlive: true })
    const answered = await post(`${emu.url}/api/functions/whoami`, agent)
    expect(answered).toMatchObject({ status: 200, body: { openid: 'o-phone' } })
    expect(answered.socket.destroyed).toBe(false)
    const socketClosed = new Promise((resolve) => answered.socket.once('close', resolve))
    // a call still running when stop() is called
    const running = settled(emu.invoke('sleepy', { ms: 60_000 }, { openid: 'o-running' }))

    const stopping = emu.stop()
    const whileStopping = settled(emu.invoke('whoami', {}, { openid: 'o-while' }))
    await stopping
    const afterStop = settled(emu.invoke('whoami', {}, { openid: 'o-after' }))
    resources.stopTracking()

    await socketClosed // the gateway closed the kept-alive connection
    expect(await resources.leftAlive()).toEqual([])
    for (const call of [running, whileStopping, afterStop]) {
      expect(await call).toEqual({ error: expect.any(FunctionError) })
    }
    agent.destroy()
  },
)
