/**
 * The cloud profile (issue 12): an isolate per function instance serving one invocation at a time, warm reuse, cold
 * starts, the function's concurrency limit, idle reclaim; a latency on every database request applied by the
 * server; environment quotas answered with the cloud's codes as the real SDK receives them. No wall-clock
 * assertions: the server's own counters say what was applied, and waits are on conditions.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { FunctionError } from '../../emulator/functions/runner'
import { parseLatency, resolveProfile } from '../../emulator/profile'
import { ANSWERS, FIXTURES, failure, startWithSdk, type Harness } from './support'

const FUNCTIONS = path.join(FIXTURES, 'functions')
const instanceState = (answer: unknown) => ANSWERS.instanceState.parse(answer)

/** Wait for a condition (never for a time). */
async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('knobs', () => {
  test('latency parses as ms, 8ms or 8±4ms; the default profile stays fast and open', () => {
    expect(parseLatency('8±4ms')).toEqual({ mean: 8, jitter: 4 })
    expect(parseLatency('8+-4')).toEqual({ mean: 8, jitter: 4 })
    expect(parseLatency('12ms')).toEqual({ mean: 12, jitter: 0 })
    expect(parseLatency(5)).toEqual({ mean: 5, jitter: 0 })
    expect(() => parseLatency('fast')).toThrow()
    expect(resolveProfile('default')).toMatchObject({
      dbLatency: { mean: 0, jitter: 0 },
      dbQps: Infinity,
      dbConnections: Infinity,
      isolatedInstances: false,
    })
    expect(resolveProfile('cloud')).toMatchObject({
      dbLatency: { mean: 8, jitter: 4 },
      dbQps: 500,
      dbConnections: 100,
      functionConcurrency: 1000,
      isolatedInstances: true,
    })
    expect(resolveProfile('cloud', { dbQps: 30, dbConnections: 20, functionConcurrency: 20, dbLatency: '20ms' })).toMatchObject({
      dbLatency: { mean: 20, jitter: 0 },
      dbQps: 30,
      dbConnections: 20,
      functionConcurrency: 20,
    })
  })
})

describe('instances', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startWithSdk({ profile: 'cloud', functionsDir: FUNCTIONS, functionConcurrency: 6, dbLatency: 0 })
  })
  afterAll(() => h.emu.stop())

  test('a function that counts its concurrent invocations in module state never sees more than one', async () => {
    const results = (await Promise.all(Array.from({ length: 6 }, () => h.emu.invoke('instance-state', { ms: 150 })))).map(instanceState)
    expect(results.map((r) => r.maxConcurrent)).toEqual([1, 1, 1, 1, 1, 1])
    // six at once: six instances, each a cold start
    expect(new Set(results.map((r) => r.instanceId)).size).toBe(6)
    expect(h.emu.counters().functions.instancesStarted).toBe(6)
  })

  test('state set in one instance is not seen by another; a warm instance is reused and keeps its own', async () => {
    const started = h.emu.counters().functions.instancesStarted
    const [a, b] = (
      await Promise.all([h.emu.invoke('instance-state', { set: 'mine', ms: 150 }), h.emu.invoke('instance-state', { ms: 150 })])
    ).map(instanceState)
    expect(a.instanceId).not.toBe(b.instanceId)
    expect(b.seen).not.toBe('mine')
    // both warm: no new instance
    expect(h.emu.counters().functions.instancesStarted).toBe(started)
    // Later calls land on warm instances; the one that was told 'mine' remembers it, no other ever sees it.
    const later = (await Promise.all(Array.from({ length: 6 }, () => h.emu.invoke('instance-state', { ms: 100 })))).map(instanceState)
    for (const r of later) expect(r.seen === 'mine').toBe(r.instanceId === a.instanceId)
    expect(h.emu.counters().functions.instancesStarted).toBe(started)
  })

  test('beyond the function concurrency the call is refused with the cloud code (EXCEED_CONCURRENT_REQUEST_LIMIT through the real SDK)', async () => {
    const before = h.emu.counters()
    const calls = Array.from({ length: 9 }, () =>
      h.cloud.callFunction({ name: 'instance-state', data: { ms: 2500 } }).then(
        (res: any) => ({ ok: true, res }),
        (error: any) => ({ ok: false, error }),
      ),
    )
    const outcomes = await Promise.all(calls)
    const refused = outcomes.filter((o) => !o.ok)
    expect(refused.length).toBeGreaterThanOrEqual(3)
    for (const o of refused) {
      // callFunction passes request-level errors through unmapped: errCode -1, the code string on .code
      expect(o.error.code).toBe('EXCEED_CONCURRENT_REQUEST_LIMIT')
      expect(o.error.errMsg).toMatch(/^callFunction:fail .*请求并发数超出环境配额/)
    }
    for (const o of outcomes.filter((x) => x.ok)) expect(o.res.result.maxConcurrent).toBe(1)
    const after = h.emu.counters()
    expect(after.functions.concurrencyRejections - before.functions.concurrencyRejections).toBe(refused.length)
    expect(after.quotaRejections - before.quotaRejections).toBe(refused.length)
    // and from the mini-program side (emu.invoke): the same code
    const held = Array.from({ length: 6 }, () => h.emu.invoke('instance-state', { ms: 400 }))
    const extra = await failure(h.emu.invoke('instance-state', { ms: 1 }))
    expect(extra).toBeInstanceOf(FunctionError)
    expect(extra.code).toBe('EXCEED_CONCURRENT_REQUEST_LIMIT')
    await Promise.all(held)
  })
})

describe('idle instances', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startWithSdk({ profile: 'cloud', functionsDir: FUNCTIONS, instanceIdleMs: 300, dbLatency: 0 })
  })
  afterAll(() => h.emu.stop())

  test('are reclaimed after the idle time; the next call pays a cold start', async () => {
    const first = instanceState(await h.emu.invoke('instance-state', { set: 'before', ms: 1 }))
    await until(() => h.emu.counters().functions.instancesReclaimed >= 1, 'the idle instance to be reclaimed')
    const next = instanceState(await h.emu.invoke('instance-state', { ms: 1 }))
    expect(next.instanceId).not.toBe(first.instanceId)
    expect(next.seen).toBeUndefined()
    expect(h.emu.counters().functions.coldStarts).toBe(2)
  })
})

describe('database latency', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startWithSdk({ profile: 'cloud', functionsDir: FUNCTIONS, dbLatency: '30±10ms', random: () => 1 })
  })
  afterAll(() => h.emu.stop())

  test('every SDK request pays it, from the test and from a function (counted per function); a transaction per request', async () => {
    const before = h.emu.counters().db
    await h.db
      .collection('events')
      .doc('lat')
      .set({ data: { title: 'lat', seatsLeft: 3 } })
    await h.db.collection('events').doc('lat').get()
    expect(await h.emu.invoke('dbcaller', { n: 3 })).toEqual({ ok: true })
    await h.db.runTransaction(async (t: any) => {
      const doc = await t.collection('events').doc('lat').get()
      await t
        .collection('events')
        .doc('lat')
        .update({ data: { seatsLeft: doc.data.seatsLeft - 1 } })
    })
    const after = h.emu.counters().db
    // 2 + 3 + (start, get, update, commit)
    expect(after.requests - before.requests).toBe(9)
    expect(after.byFunction.dbcaller).toBe(3)
    expect(after.byFunction['-'] - (before.byFunction['-'] ?? 0)).toBe(6)
    // random() = 1: each request 30 + 10 ms; the server held none for less (timers never fire early)
    expect(after.latencyAppliedMs - before.latencyAppliedMs).toBe(9 * 40)
    expect(after.minHeldMs).toBeGreaterThanOrEqual(38) // libuv may fire each half up to 1 ms early
  })
})

describe('quotas through the real SDK', () => {
  test('database requests per second: EXCEED_REQUEST_LIMIT, errCode -501003, inside the function', async () => {
    const h = await startWithSdk({ profile: 'cloud', functionsDir: FUNCTIONS, dbQps: 5, dbLatency: 0 })
    try {
      // 50 requests one after another from one instance: for none to be refused they would need over 9 s
      const outcome = ANSWERS.dbcaller.parse(await h.emu.invoke('dbcaller', { n: 50 }))
      expect(outcome).toMatchObject({ ok: false, refused: 1, errCode: -501003 })
      expect(outcome.errMsg).toContain('exceed request limit')
      const counters = h.emu.counters()
      expect(counters.db.rejections.requestLimit).toBe(1) // the caller stopped at its first refusal
      expect(counters.db.byFunction.dbcaller).toBeGreaterThanOrEqual(5)
      expect(counters.quotaRejections).toBe(1)
      // the test's own SDK (a seeder, outside any function) pays latency but is not counted against the quota
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          h.db
            .collection('events')
            .doc(`seed${i}`)
            .set({ data: { title: 'seed' } }),
        ),
      )
      expect(h.emu.counters().db.rejections.requestLimit).toBe(1)
    } finally {
      await h.emu.stop()
    }
  })

  test("with dbQuotaScope 'all' every SDK request counts: the test's own SDK gets -501003 too", async () => {
    const h = await startWithSdk({ profile: 'cloud', functionsDir: FUNCTIONS, dbQps: 5, dbLatency: 0, dbQuotaScope: 'all' })
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          h.db
            .collection('events')
            .doc(`q${i}`)
            .set({ data: { title: 'q' } })
            .then(
              () => 'ok',
              (e: any) => e,
            ),
        ),
      )
      const refused = outcomes.filter((o) => o !== 'ok')
      expect(refused.length).toBeGreaterThanOrEqual(1)
      for (const e of refused) {
        expect(e.errCode).toBe(-501003)
        expect(e.errMsg).toContain('exceed request limit')
      }
      expect(h.emu.counters().db.rejections.requestLimit).toBe(refused.length)
    } finally {
      await h.emu.stop()
    }
  })

  test('concurrent database requests: EXCEED_CONCURRENT_REQUEST_LIMIT, errCode -501004', async () => {
    const h = await startWithSdk({ profile: 'cloud', functionsDir: FUNCTIONS, dbConnections: 2, dbLatency: 1000 })
    try {
      // six at once from one instance while each is held a second: at most two in flight
      const outcome = ANSWERS.dbcaller.parse(await h.emu.invoke('dbcaller', { n: 6, parallel: true }))
      expect(outcome).toMatchObject({ ok: false, errCodes: [-501004] })
      expect(outcome.errMsg).toContain('exceed concurrent request limit')
      expect(outcome.refused).toBeGreaterThanOrEqual(1)
      const counters = h.emu.counters()
      expect(counters.db.rejections.concurrentLimit).toBe(outcome.refused)
      expect(counters.db.maxInFlight).toBeLessThanOrEqual(2)
    } finally {
      await h.emu.stop()
    }
  })
})

describe('the default profile is unchanged', () => {
  test('instances share a thread: the same counting function sees more than one invocation at once', async () => {
    const h = await startWithSdk({ functionsDir: FUNCTIONS, threadsPerFunction: 1 })
    try {
      const results = (await Promise.all(Array.from({ length: 6 }, () => h.emu.invoke('instance-state', { ms: 150 })))).map(instanceState)
      expect(Math.max(...results.map((r) => r.maxConcurrent))).toBeGreaterThan(1)
      expect(h.emu.counters().db.latencyAppliedMs).toBe(0)
    } finally {
      await h.emu.stop()
    }
  })
})

describe('a burst of connections past the function concurrency', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startWithSdk({ profile: 'cloud', functionsDir: FUNCTIONS, functionConcurrency: 2, dbLatency: 0 })
  })
  afterAll(() => h.emu.stop())

  /** one POST to the gateway on a connection of its own, as a phone of its own would open it */
  const post = (body: unknown) =>
    new Promise<{ status?: number; body?: any; socketError?: string }>((resolve) => {
      const data = Buffer.from(JSON.stringify(body))
      const req = http.request(
        `${h.emu.url}/api/functions/instance-state`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': data.length } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }))
        },
      )
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ socketError: `${error.code} ${error.message}` }))
      req.end(data)
    })

  test("the gateway's listen queue takes a burst of phones (Node's default 511 overflowed and reset connections)", () => {
    // `ss -ltn` shows a listening socket's backlog as Send-Q; the kernel caps it at net.core.somaxconn
    const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'))
    const port = new URL(h.emu.url).port
    const row = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' })
      .trim()
      .split(/\s+/)
    expect(Number(row[2])).toBe(Math.min(somaxconn, 65_535))
  })

  test("every call gets an answer: the function's result or the cloud's refusal (429, errCode -501004), never a reset", async () => {
    const before = h.emu.counters()
    const outcomes = await Promise.all(Array.from({ length: 600 }, () => post({ ms: 300 })))
    expect(outcomes.filter((o) => o.socketError).map((o) => o.socketError)).toEqual([])
    const refused = outcomes.filter((o) => o.status === 429)
    expect(refused.length).toBeGreaterThan(0)
    for (const o of refused) {
      expect(o.body.errCode).toBe(-501004)
      expect(o.body.errMsg).toMatch(/exceed concurrent request limit/)
    }
    for (const o of outcomes.filter((x) => x.status !== 429)) expect(o.status).toBe(200)
    const after = h.emu.counters()
    expect(after.functions.concurrencyRejections - before.functions.concurrencyRejections).toBe(refused.length)
  })
})
