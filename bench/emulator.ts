/**
 * Emulator figures through the real wx-server-sdk (npm run bench:emulator):
 *   get by id · indexed page of 20 from 100,000 documents · conditional update · two-document transaction
 *   · function cold start (fresh worker: load bundle + first call) · warm call.
 * Database: a temporary SQLite file (WAL), strict index mode, as `npm start` runs it.
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT, loadSchema, startEmulator } from '../emulator'
import { summary, time } from './stats'

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 500)

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-bench-'))
  const schema = path.join(dir, 'schema.json')
  const app = loadSchema(path.join(REPO_ROOT, 'database', 'collections.json'))
  writeFileSync(
    schema,
    JSON.stringify({
      collections: [
        ...app.collections,
        { name: 'bench_items', indexes: [{ name: 'communityId_createdAt', keys: { communityId: 1, createdAt: -1 } }] },
        { name: 'bench_seats' },
        { name: 'bench_signups' },
      ],
    }),
  )
  const builtFunction = ['communities', 'notices'].find((n) => existsSync(path.join(REPO_ROOT, 'dist', 'cloudfunctions', n, 'index.js')))
  const emu = await startEmulator({
    port: 0,
    dataDir: dir,
    schemaFile: schema,
    strictIndexes: true,
    log: () => {},
    functionsDir: builtFunction ? path.join(REPO_ROOT, 'dist', 'cloudfunctions') : path.join(REPO_ROOT, 'test', 'fixtures', 'functions'),
  })
  try {
    // Seed 100,000 documents in 100 communities directly (seeding speed is not the figure).
    const t0 = performance.now()
    const batch: any[] = []
    for (let i = 0; i < DOCS; i++) {
      batch.push({ _id: `item${i}`, communityId: `c${i % 100}`, title: `公告 ${i}`, createdAt: new Date(1_700_000_000_000 + i * 1000) })
      if (batch.length === 5000) emu.store.insert('bench_items', batch.splice(0))
    }
    if (batch.length) emu.store.insert('bench_items', batch.splice(0))
    const seedMs = performance.now() - t0

    Object.assign(process.env, emu.sdkEnv({ openid: 'bench' }))
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const db = cloud.database()
    const _ = db.command
    await db.collection('bench_seats').add({ data: { _id: 's', left: 1e9 } })
    for (let i = 0; i < 50; i++) await db.collection('bench_items').doc(`item${i}`).get() // warm the HTTP path

    const results: Record<string, unknown> = {}
    results['get by id'] = summary(
      await time(RUNS, (i) =>
        db
          .collection('bench_items')
          .doc(`item${(i * 7919) % DOCS}`)
          .get(),
      ),
    )
    results['indexed page of 20 (of 100,000)'] = summary(
      await time(RUNS, (i) =>
        db
          .collection('bench_items')
          .where({ communityId: `c${i % 100}` })
          .orderBy('createdAt', 'desc')
          .skip(20)
          .limit(20)
          .get(),
      ),
    )
    results['conditional update'] = summary(
      await time(RUNS, () =>
        db
          .collection('bench_seats')
          .where({ _id: 's', left: _.gt(0) })
          .update({ data: { left: _.inc(-1) } }),
      ),
    )
    results['two-document transaction'] = summary(
      await time(Math.min(RUNS, 300), (i) =>
        db.runTransaction(async (t: any) => {
          await t
            .collection('bench_seats')
            .doc('s')
            .update({ data: { left: _.inc(-1) } })
          await t.collection('bench_signups').add({ data: { _id: `s_${i}`, at: new Date() } })
        }),
      ),
    )

    const fn = builtFunction ?? 'whoami'
    const event = builtFunction ? { action: 'mine', input: {} } : {}
    const cold: number[] = []
    for (let i = 0; i < 10; i++) {
      await emu.runner.reload()
      const c0 = performance.now()
      await emu.invoke(fn, event, { openid: 'bench' })
      cold.push(performance.now() - c0)
    }
    results[`function cold start (${fn})`] = summary(cold)
    results[`function warm call (${fn})`] = summary(await time(200, () => emu.invoke(fn, event, { openid: 'bench' })))

    console.log(`seeded ${DOCS} documents in ${seedMs.toFixed(0)} ms; ${RUNS} runs each (ms)`)
    console.table(results)
  } finally {
    await emu.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
