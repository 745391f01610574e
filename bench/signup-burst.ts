/**
 * The 1,000-way sign-up burst through the local gateway (npm run bench:signup):
 *   1,000 distinct residents POST /api/functions/events {action:'signUp'} at once (X-Dev-Openid) for a 50-place event
 *   → sign-ups per second, p50 / p99 latency (client side, from send to answer: waiting for one of the function's
 *   64 instances is included), the same inside the function (from main() to its answer), database requests per
 *   sign-up, and the ratio to the emulator's raw single-document transaction rate measured in the same run
 *   (sequential db.runTransaction: get + update of one document, through the real SDK).
 * Then the same number of sign-ups with only 16 in flight: the latency of a sign-up when nobody waits for an instance.
 * Database: a temporary SQLite file (WAL), strict index mode, functions warm, as `npm start` runs it.
 * Needs dist/cloudfunctions (npm run build:cloud).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT, startEmulator } from '../emulator'
import { seedDemo } from '../scripts/seed-demo'
import { COLLECTIONS, DEMO_COMMUNITIES } from '../types/index'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000)
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 50)
const RAW_TX_RUNS = Number(process.env.BENCH_TX_RUNS ?? 500)
const A = DEMO_COMMUNITIES.zhizijie.communityId

const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 })

function post(url: string, body: unknown, openid: string): Promise<any> {
  const data = Buffer.from(JSON.stringify(body))
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, 'x-dev-openid': openid } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          } catch (error) {
            reject(error)
          }
        })
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const ms = (x: number) => Math.round(x)

async function main() {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cloudfunctions', 'events', 'index.js'))) throw new Error('run `npm run build:cloud` first')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-bench-signup-'))
  let inFunction: number[] | null = null
  const emu = await startEmulator({
    port: 0, dataDir: dir, strictIndexes: true, log: () => {}, recordRequests: true,
    onInvoked: (name, timing) => { if (name === 'events') inFunction?.push(timing.runMs) },
  })
  try {
    Object.assign(process.env, emu.sdkEnv({ openid: 'bench' }))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const db = cloud.database()
    await seedDemo(db)
    const now = new Date()
    const people = Array.from({ length: 2 * PEOPLE }, (_, i) => `bench-resident-${String(i).padStart(4, '0')}`)
    emu.store.insert(COLLECTIONS.people, people.map((id) => ({ _id: id, nickname: `居民${id.slice(-4)}`, avatarFileId: null, isDistrictAdmin: false, isChild: false, createdAt: now, updatedAt: now })))
    emu.store.insert(COLLECTIONS.memberships, people.map((id) => ({ _id: `${A}_${id}`, communityId: A, openid: id, role: 'resident', joinedAt: now, createdAt: now, updatedAt: now })))

    const gateway = `${emu.url}/api/functions/events`
    const iso = (offset: number) => new Date(Date.now() + offset).toISOString()
    const newEvent = async (title: string) => {
      const created = await post(gateway, {
        action: 'create',
        input: { communityId: A, title, description: '压测', category: '暑期课堂', place: '院坝', startAt: iso(3 * 86400e3), endAt: iso(3 * 86400e3 + 7200e3), capacity: CAPACITY, signupOpensAt: iso(-60e3), signupClosesAt: iso(2 * 86400e3), allocation: 'first_come', openTo: 'residents' },
      }, 'demo-staff')
      if (!created.ok) throw new Error(JSON.stringify(created))
      const published = await post(gateway, { action: 'publish', input: { eventId: created.data.eventId } }, 'demo-staff')
      if (!published.ok) throw new Error(JSON.stringify(published))
      return created.data.eventId as string
    }
    const burstEvent = await newEvent('暑期课堂·压测（1,000 人同时）')
    const steadyEvent = await newEvent('暑期课堂·压测（16 个并发）')

    // Warm: load the function, as a service that has been running would have it.
    await Promise.all(Array.from({ length: 32 }, () => post(gateway, { action: 'get', input: { eventId: burstEvent } }, 'demo-resident')))

    // The emulator's raw single-document transaction rate (sequential, real SDK, same process and database).
    emu.store.ensureCollection('bench_counter', [])
    await db.collection('bench_counter').add({ data: { _id: 'c', n: 0 } })
    for (let i = 0; i < 30; i++) await db.runTransaction(async (t: any) => { await t.collection('bench_counter').doc('c').get() })
    const tx0 = performance.now()
    for (let i = 0; i < RAW_TX_RUNS; i++) {
      await db.runTransaction(async (t: any) => {
        const doc = await t.collection('bench_counter').doc('c').get()
        await t.collection('bench_counter').doc('c').update({ data: { n: doc.data.n + 1 } })
      })
    }
    const rawTxPerSecond = RAW_TX_RUNS / ((performance.now() - tx0) / 1000)

    // The burst: everyone at once.
    const latencies: number[] = []
    inFunction = []
    const burstRequestsFrom = emu.requests.length
    const t0 = performance.now()
    const answers = await Promise.all(
      people.slice(0, PEOPLE).map(async (openid) => {
        const s = performance.now()
        const res = await post(gateway, { action: 'signUp', input: { eventId: burstEvent } }, openid)
        latencies.push(performance.now() - s)
        return res
      }),
    )
    const burstSeconds = (performance.now() - t0) / 1000
    const burstInFunction = inFunction.sort((x, y) => x - y)
    inFunction = null
    const requestsPerSignUp = (emu.requests.length - burstRequestsFrom) / PEOPLE
    const failed = answers.filter((a) => !a.ok)
    const confirmed = answers.filter((a) => a.ok && a.data.status === 'confirmed').length
    const positions = answers.filter((a) => a.ok && a.data.status === 'waitlisted').map((a) => a.data.position).sort((x: number, y: number) => x - y)
    const exact = positions.every((p: number, i: number) => p === i + 1)
    latencies.sort((x, y) => x - y)

    // Steady: the same number of sign-ups, 16 in flight (one per instance): the latency of a sign-up itself.
    const steady: number[] = []
    let next = PEOPLE
    const s0 = performance.now()
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 2 * PEOPLE) {
          const openid = people[next++]
          const s = performance.now()
          const res = await post(gateway, { action: 'signUp', input: { eventId: steadyEvent } }, openid)
          if (!res.ok) failed.push(res)
          steady.push(performance.now() - s)
        }
      }),
    )
    const steadySeconds = (performance.now() - s0) / 1000
    steady.sort((x, y) => x - y)

    const burstRate = PEOPLE / burstSeconds
    const rows = {
      [`${PEOPLE} at once (gateway)`]: { 'sign-ups/s': ms(burstRate), 'p50 ms': ms(quantile(latencies, 0.5)), 'p99 ms': ms(quantile(latencies, 0.99)) },
      [`  the same, inside the function`]: { 'sign-ups/s': null, 'p50 ms': ms(quantile(burstInFunction, 0.5)), 'p99 ms': ms(quantile(burstInFunction, 0.99)) },
      [`${PEOPLE}, 16 in flight`]: { 'sign-ups/s': ms(PEOPLE / steadySeconds), 'p50 ms': ms(quantile(steady, 0.5)), 'p99 ms': ms(quantile(steady, 0.99)) },
      'raw 1-doc transaction (SDK, sequential)': { 'sign-ups/s': ms(rawTxPerSecond), 'p50 ms': +(1000 / rawTxPerSecond).toFixed(1), 'p99 ms': null },
    }
    console.table(rows)
    console.log(
      `burst: ${confirmed} confirmed, ${positions.length} waitlisted (positions 1…${positions.length} ${exact ? 'exact' : 'NOT EXACT'}), ` +
        `${failed.length} failed; ${requestsPerSignUp.toFixed(1)} database requests per sign-up; ` +
        `ratio to the raw transaction rate ${((100 * burstRate) / rawTxPerSecond).toFixed(0)} %`,
    )
    console.log(JSON.stringify({ people: PEOPLE, capacity: CAPACITY, burstRate, rawTxPerSecond, ratio: burstRate / rawTxPerSecond, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), inFunctionP50: quantile(burstInFunction, 0.5), inFunctionP99: quantile(burstInFunction, 0.99), requestsPerSignUp, steadyP50: quantile(steady, 0.5), steadyP99: quantile(steady, 0.99), confirmed, waitlisted: positions.length, exact, failed: failed.length }))
    if (failed.length > 0 || confirmed !== Math.min(CAPACITY, PEOPLE) || !exact) process.exitCode = 1
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
