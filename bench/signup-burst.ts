/**
 * The opening of a summer class (npm run bench:signup [-- options]): `--arrivals` people sign up for one event of
 * `--capacity` places, arriving evenly over `--seconds`, through the local gateway (X-Dev-Openid), each as the
 * mini-program does it: a `SYSTEM.BUSY` answer (the platform refused for quota) or a refused invocation is retried
 * by the client by itself after the server's retryAfterMs, ×1.5 per attempt with jitter, for up to 60 s (the
 * 排队中 state; src/lib/cloud.ts) — only what is still failing after that is a client-visible error.
 *
 *   --profile default|cloud     the emulator's profile (cloud: an isolate per instance, db latency, quotas)
 *   --arrivals N --seconds S --capacity C
 *   --db-qps Q --db-connections K --function-concurrency F --db-latency 8±4ms   the cloud profile's knobs
 *
 * Defaults: 5,000 arrivals over 60 s for 200 places; under --profile cloud the stated quota is 500 database
 * requests/s, 100 connections, function concurrency 1,000, 8±4 ms per database request (emulator/profile.ts).
 * Checked from the database afterwards: confirmed ≤ capacity (oversold), one sign-up per person (duplicates), every
 * acknowledged answer still stored as answered (lost), waitlist positions exact (1…n in arrival of decision).
 * The last line is one JSON object. Needs dist/cloudfunctions (npm run build:cloud).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT, startEmulator } from '../emulator'
import { seedDemo } from '../scripts/seed-demo'
import { COLLECTIONS, DEMO_COMMUNITIES, type SignupDoc } from '../types/index'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback
}
const PROFILE = arg('profile', 'default') as 'default' | 'cloud'
const ARRIVALS = Number(arg('arrivals', '5000'))
const SECONDS = Number(arg('seconds', '60'))
const CAPACITY = Number(arg('capacity', '200'))
const knobs: Record<string, unknown> = {}
if (process.argv.includes('--db-qps')) knobs.dbQps = Number(arg('db-qps', '500'))
if (process.argv.includes('--db-connections')) knobs.dbConnections = Number(arg('db-connections', '100'))
if (process.argv.includes('--function-concurrency')) knobs.functionConcurrency = Number(arg('function-concurrency', '1000'))
if (process.argv.includes('--db-latency')) knobs.dbLatency = arg('db-latency', '8±4ms')
/** the client's patience (src/lib/cloud.ts maxWaitMs) */
const CLIENT_BUDGET_MS = 60_000
const A = DEMO_COMMUNITIES.zhizijie.communityId

const agent = new http.Agent({ keepAlive: true, maxSockets: 4000 })
agent.on('free', (socket: any) => (socket.__freedAt = performance.now()))
const loopDelay = monitorEventLoopDelay({ resolution: 20 })
loopDelay.enable()

type Answer = { ok: boolean; data?: any; error?: { code: string; message: string; retryAfterMs?: number } }

/**
 * One call as a phone makes it. A request written to a kept-alive connection the server had just closed for idleness
 * (reused socket, reset before any answer) never reached the gateway: it is sent again on a new connection, as an
 * HTTP client with a connection pool does (Node's http docs, `request.reusedSocket`); wx.cloud.callFunction never
 * shows a person that race. Every other socket error is the client's NETWORK.
 */
async function post(url: string, body: unknown, openid: string): Promise<Answer> {
  for (;;) {
    const answer = await postOnce(url, body, openid)
    if (answer !== 'stale-socket') return answer
    staleSocketRetries++
  }
}

let staleSocketRetries = 0

function postOnce(url: string, body: unknown, openid: string): Promise<Answer | 'stale-socket'> {
  const data = Buffer.from(JSON.stringify(body))
  const u = new URL(url)
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': data.length, 'x-dev-openid': openid },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            const parsed = JSON.parse(text)
            if (parsed && typeof parsed.ok === 'boolean') return resolve(parsed)
            // the platform's quota refusal, read as src/lib/cloud.ts reads it
            if (res.statusCode === 429 || [-501003, -501004].includes(Number(parsed?.errCode)))
              return resolve({ ok: false, error: { code: 'SYSTEM.BUSY', message: String(parsed?.errMsg ?? res.statusCode) } })
            resolve({ ok: false, error: { code: 'NETWORK', message: text.slice(0, 200) } })
          } catch {
            resolve({ ok: false, error: { code: 'NETWORK', message: `HTTP ${res.statusCode} ${text.slice(0, 200)}` } })
          }
        })
      },
    )
    req.on('error', (error) => {
      if (process.env.BENCH_DEBUG)
        console.error(
          `[net] ${(error as any).code} reused=${req.reusedSocket} idle=${Math.round(performance.now() - ((req.socket as any)?.__freedAt ?? NaN))} maxLoopDelay=${Math.round(loopDelay.max / 1e6)} ${error.message}`,
        )
      const code = (error as NodeJS.ErrnoException).code
      if (req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) return resolve('stale-socket')
      resolve({ ok: false, error: { code: 'NETWORK', message: error.message } })
    })
    req.end(data)
  })
}

/** A refused invocation (function concurrency) reaches the client as a platform error, not as the envelope. */
const isQuota = (a: Answer) =>
  !a.ok &&
  (a.error?.code === 'SYSTEM.BUSY' || (a.error?.code === 'NETWORK' && /EXCEED_|LimitExceeded|-50100[34]|超出/.test(a.error.message)))

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0)

async function main() {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cloudfunctions', 'events', 'index.js'))) throw new Error('run `npm run build:cloud` first')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-bench-signup-'))
  const emu: any = await startEmulator({
    port: 0,
    dataDir: dir,
    strictIndexes: true,
    log: process.env.BENCH_LOG ? (l: string) => console.error(l) : () => {},
    recordRequests: true,
    profile: PROFILE,
    ...knobs,
  } as any)
  const hasCounters = typeof emu.counters === 'function'
  if (PROFILE === 'cloud' && !emu.profile) console.warn('this emulator has no cloud profile yet: running the default profile')
  try {
    Object.assign(process.env, emu.sdkEnv({ openid: 'bench' }))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const db = cloud.database()
    await seedDemo(db)
    const now = new Date()
    const people = Array.from({ length: ARRIVALS }, (_, i) => `bench-resident-${String(i).padStart(5, '0')}`)
    emu.store.insert(
      COLLECTIONS.people,
      people.map((id) => ({
        _id: id,
        nickname: `居民${id.slice(-5)}`,
        avatarFileId: null,
        isDistrictAdmin: false,
        isChild: false,
        createdAt: now,
        updatedAt: now,
      })),
    )
    emu.store.insert(
      COLLECTIONS.memberships,
      people.map((id) => ({
        _id: `${A}_${id}`,
        communityId: A,
        openid: id,
        role: 'resident',
        joinedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )

    const gateway = `${emu.url}/api/functions/events`
    const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
    const call = async (body: unknown, openid: string) => {
      for (let i = 0; ; i++) {
        const res = await post(gateway, body, openid)
        if (res.ok || !isQuota(res) || i > 50) return res
        await sleep(200 + Math.random() * 300)
      }
    }
    const created = await call(
      {
        action: 'create',
        input: {
          communityId: A,
          title: '暑期课堂·开放报名压测',
          description: '压测',
          category: '暑期课堂',
          place: '院坝',
          startAt: iso(3 * 86400e3),
          endAt: iso(3 * 86400e3 + 7200e3),
          capacity: CAPACITY,
          signupOpensAt: iso(-60e3),
          signupClosesAt: iso(2 * 86400e3),
          allocation: 'first_come',
          openTo: 'residents',
        },
      },
      'demo-staff',
    )
    if (!created.ok) throw new Error(JSON.stringify(created))
    const eventId = created.data.eventId as string
    const published = await call({ action: 'publish', input: { eventId } }, 'demo-staff')
    if (!published.ok) throw new Error(JSON.stringify(published))
    // Warm: the function loaded, as a service that has been running would have it.
    await Promise.all(Array.from({ length: 8 }, () => call({ action: 'get', input: { eventId } }, 'demo-resident')))

    const listenDrops = () => {
      if (!process.env.BENCH_DEBUG || !existsSync('/proc/net/netstat')) return NaN
      const rows = readFileSync('/proc/net/netstat', 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('TcpExt:'))
      return Number(rows[1]?.split(/\s+/)[rows[0].split(/\s+/).indexOf('ListenDrops')])
    }
    const dropsBefore = listenDrops()
    const loadBefore = os.loadavg()
    const before = hasCounters ? emu.counters() : null
    const requestsFrom = emu.requests.length
    let busyAnswers = 0
    let retried = 0
    const latencies: number[] = []
    const results: Array<{ openid: string; answer: Answer }> = []
    const t0 = performance.now()
    await Promise.all(
      people.map(async (openid, i) => {
        await sleep((i * SECONDS * 1000) / ARRIVALS - (performance.now() - t0))
        const started = performance.now()
        let answer: Answer
        for (let attempt = 1; ; attempt++) {
          answer = await post(gateway, { action: 'signUp', input: { eventId } }, openid)
          const waited = performance.now() - started
          if (!isQuota(answer) || waited >= CLIENT_BUDGET_MS) break
          busyAnswers++
          if (attempt === 1) retried++
          const hint = answer.error?.retryAfterMs ?? 1000
          await sleep(Math.min(CLIENT_BUDGET_MS - waited, Math.min(8000, hint * 1.5 ** (attempt - 1)) * (0.75 + 0.5 * Math.random())))
        }
        latencies.push(performance.now() - started)
        results.push({ openid, answer })
      }),
    )
    const wall = (performance.now() - t0) / 1000
    if (process.env.BENCH_DEBUG)
      console.error(`[tcp] ListenDrops +${listenDrops() - dropsBefore} (connections the listen queue could not take)`)
    if (process.env.BENCH_DEBUG)
      console.error(
        `[loop] max event-loop delay ${Math.round(loopDelay.max / 1e6)} ms, p99 ${Math.round(loopDelay.percentile(99) / 1e6)} ms`,
      )
    const loadAfter = os.loadavg()
    const after = hasCounters ? emu.counters() : null
    const eventsRequests = after
      ? (after.db.byFunction.events ?? 0) - (before.db.byFunction.events ?? 0)
      : emu.requests.length - requestsFrom
    const quotaRejections = after ? after.quotaRejections - before.quotaRejections : busyAnswers

    // What is stored, against what people were told.
    const stored = (await emu.dump(COLLECTIONS.eventSignups)).filter((s: SignupDoc) => s.eventId === eventId) as SignupDoc[]
    const byPerson = new Map<string, SignupDoc[]>()
    for (const s of stored) byPerson.set(s.participantId, [...(byPerson.get(s.participantId) ?? []), s])
    const duplicates = [...byPerson.values()].filter((list) => list.length > 1).length
    const confirmedStored = stored.filter((s) => s.status === 'confirmed').length
    const waitlistedStored = stored.filter((s) => s.status === 'waitlisted').length
    const ok = results.filter((r) => r.answer.ok)
    const lost = ok.filter((r) => {
      const s = byPerson.get(r.openid)?.[0]
      return !s || s.status !== r.answer.data.status
    }).length
    const clientVisibleErrors = results.filter((r) => !r.answer.ok)
    const positions = ok
      .filter((r) => r.answer.data.status === 'waitlisted')
      .map((r) => r.answer.data.position as number)
      .sort((x, y) => x - y)
    const exact = positions.every((p, i) => p === i + 1)
    const ev = (await db.collection(COLLECTIONS.events).doc(eventId).get()).data
    latencies.sort((x, y) => x - y)

    const summary = {
      profile: emu.profile?.name ?? 'default',
      quota: emu.profile
        ? {
            dbQps: emu.profile.dbQps,
            dbConnections: emu.profile.dbConnections,
            functionConcurrency: emu.profile.functionConcurrency,
            dbLatency: emu.profile.dbLatency,
          }
        : null,
      /** the machine's 1-minute load average (cores: os.cpus()) before and after the burst: other work slows every figure */
      load: { cores: os.cpus().length, before: +loadBefore[0].toFixed(1), after: +loadAfter[0].toFixed(1) },
      arrivals: ARRIVALS,
      seconds: SECONDS,
      capacity: CAPACITY,
      wallSeconds: +wall.toFixed(1),
      confirmed: confirmedStored,
      waitlisted: waitlistedStored,
      lost,
      oversold: Math.max(0, confirmedStored - CAPACITY),
      duplicates,
      countersMatch: ev.confirmedCount === confirmedStored && ev.waitlistCount === waitlistedStored,
      positionsExact: exact,
      /** the events function's database requests in the burst over the sign-ups it stored (refused or abandoned
       *  attempts count in the numerator: they are requests the quota paid for) */
      dbRequestsPerSignup: +(eventsRequests / Math.max(1, stored.length)).toFixed(2),
      dbRequests: eventsRequests,
      p50Ms: Math.round(quantile(latencies, 0.5)),
      p99Ms: Math.round(quantile(latencies, 0.99)),
      quotaRejections,
      quotaRejectionsBy: after
        ? {
            dbRequestsPerSecond: after.db.rejections.requestLimit - before.db.rejections.requestLimit,
            dbConnections: after.db.rejections.concurrentLimit - before.db.rejections.concurrentLimit,
            functionConcurrency: after.functions.concurrencyRejections - before.functions.concurrencyRejections,
          }
        : null,
      instancesStarted: after ? after.functions.instancesStarted - before.functions.instancesStarted : null,
      retriedSignups: retried,
      staleSocketRetries,
      clientVisibleErrors: clientVisibleErrors.length,
      errorCodes: [...new Set(clientVisibleErrors.map((r) => r.answer.error?.code))],
      errorSamples: [...new Set(clientVisibleErrors.map((r) => (r.answer.error?.message ?? '').slice(0, 80)))].slice(0, 3),
    }
    console.log(
      `${ARRIVALS} arrivals over ${SECONDS} s for ${CAPACITY} places (${summary.profile}): ${confirmedStored} confirmed, ${waitlistedStored} waitlisted ` +
        `(positions ${exact ? 'exact' : 'NOT EXACT'}), ${lost} lost, ${summary.oversold} oversold, ${duplicates} duplicates; ` +
        `${summary.dbRequestsPerSignup} database requests per sign-up; p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms; ` +
        `${quotaRejections} quota refusals, ${retried} sign-ups retried by the client, ${clientVisibleErrors.length} client-visible errors`,
    )
    console.log(JSON.stringify(summary))
    if (lost || summary.oversold || duplicates || clientVisibleErrors.length || !exact || !summary.countersMatch) process.exitCode = 1
  } finally {
    agent.destroy()
    await emu.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
