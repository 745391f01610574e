/**
 * Proposals figure (npm run bench:proposals): a community's proposal list page of 20 out of 100,000 proposals across
 * 100 communities, through the real wx-server-sdk on the emulator (strict index mode, SQLite WAL file, the indexes
 * of database/collections.json):
 *   · the repo's query (listed, newest first) — all, by status, by category;
 *   · the whole `proposals.list` action through the function runner (caller, settings, own supports, read model).
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT, startEmulator } from '../emulator'
import { DEFAULT_PROPOSAL_CATEGORIES, PUBLIC_PROPOSAL_STATUSES, proposalsContract, type ProposalDoc } from '../types/index'
import { answerOf } from '../test/functions/results'
import { summary, time } from './stats'

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000)
const COMMUNITIES = 100
const RUNS = Number(process.env.BENCH_RUNS ?? 500)

function proposal(i: number): ProposalDoc {
  const at = new Date(1_700_000_000_000 + i * 60_000)
  const statuses = ['pending', ...PUBLIC_PROPOSAL_STATUSES] as const
  const status = statuses[i % statuses.length]
  const listed = status !== 'pending'
  return {
    _id: `bench-proposal-${i}`,
    communityId: `bench-c${i % COMMUNITIES}`,
    title: `建议 ${i}`,
    description: '院坝需要改善的地方'.repeat(4),
    category: DEFAULT_PROPOSAL_CATEGORIES[i % DEFAULT_PROPOSAL_CATEGORIES.length],
    place: null,
    photos: [],
    anonymous: i % 7 === 0,
    authorName: '居民',
    authorIsChild: false,
    status,
    isPublic: listed,
    hidden: i % 97 === 0,
    hiddenBy: i % 97 === 0 ? 'reports' : null,
    reportCount: i % 97 === 0 ? 3 : 0,
    moderation: 'pass',
    supportCount: i % 30,
    commentCount: 0,
    supportUntil: listed ? new Date(at.getTime() + 60 * 86_400_000) : null,
    thresholdReachedAt: null,
    answerDueAt: null,
    review: null,
    answer: null,
    finalAnsweredAt: null,
    projectId: null,
    timeline: [],
    createdBy: `bench-author-${i % 5000}`,
    updatedBy: `bench-author-${i % 5000}`,
    createdAt: at,
    updatedAt: at,
    publishedAt: listed ? at : null,
  }
}

async function main() {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cloudfunctions', 'proposals', 'index.js')))
    throw new Error('run `npm run build:cloud` first')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-bench-proposals-'))
  const emu = await startEmulator({ port: 0, dataDir: dir, strictIndexes: true, log: () => {} })
  try {
    const t0 = performance.now()
    const batch: ProposalDoc[] = []
    for (let i = 0; i < DOCS; i++) {
      batch.push(proposal(i))
      if (batch.length === 5000) emu.store.insert('proposals', batch.splice(0))
    }
    if (batch.length) emu.store.insert('proposals', batch.splice(0))
    const now = new Date()
    emu.store.insert(
      'communities',
      Array.from({ length: COMMUNITIES }, (_, c) => ({
        _id: `bench-c${c}`,
        code: `bench-${c}`,
        name: `社区 ${c}`,
        district: '锦江区',
        street: '三圣街道',
        memberCount: 1,
        posterFileId: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    emu.store.insert(
      'memberships',
      Array.from({ length: COMMUNITIES }, (_, c) => ({
        _id: `bench-c${c}_bench-resident`,
        communityId: `bench-c${c}`,
        openid: 'bench-resident',
        role: 'resident',
        joinedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    const seedMs = performance.now() - t0

    Object.assign(process.env, emu.sdkEnv({ openid: 'bench' }))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const db = cloud.database()
    const _ = db.command
    const page = (where: Record<string, unknown>) =>
      db
        .collection('proposals')
        .where({ isPublic: true, hidden: false, ...where })
        .orderBy('publishedAt', 'desc')
        .limit(20)
        .get()
    const community = (i: number) => `bench-c${(i * 37) % COMMUNITIES}`

    const first = (await page({ communityId: community(1) })) as { data: ProposalDoc[] }
    if (first.data.length !== 20) throw new Error(`expected a page of 20, got ${first.data.length}`)
    await time(50, (i) => page({ communityId: community(i) })) // warm-up

    const all = summary(await time(RUNS, (i) => page({ communityId: community(i) })))
    const byStatus = summary(await time(RUNS, (i) => page({ communityId: community(i), status: 'published' })))
    const byCategory = summary(await time(RUNS, (i) => page({ communityId: community(i), category: DEFAULT_PROPOSAL_CATEGORIES[i % 10] })))
    const nextPage = summary(
      await time(RUNS, (i) => page({ communityId: community(i), publishedAt: _.lt(new Date(1_700_000_000_000 + 50_000 * 60_000)) })),
    )

    const invoke = (i: number) =>
      emu.invoke('proposals', { action: 'list', input: { communityId: community(i), limit: 20 } }, { openid: 'bench-resident' })
    const answer = answerOf(await invoke(0), proposalsContract.list.output)
    if (!answer.ok || answer.data.proposals.length !== 20) throw new Error(`proposals.list failed: ${JSON.stringify(answer).slice(0, 300)}`)
    await time(30, invoke)
    const action = summary(await time(Math.min(RUNS, 300), invoke))

    console.log(
      JSON.stringify(
        {
          proposals: DOCS,
          communities: COMMUNITIES,
          seedMs: Math.round(seedMs),
          pageOf20: { all, byStatus, byCategory, nextPage },
          listAction: action,
        },
        null,
        2,
      ),
    )
    console.log(
      `\nproposals list page of 20 from ${DOCS.toLocaleString('en')} in ${COMMUNITIES} communities (real SDK → emulator, strict indexes):\n` +
        `  query p95 ${all.p95} ms (median ${all.median}) · by status p95 ${byStatus.p95} · by category p95 ${byCategory.p95} · next page p95 ${nextPage.p95}\n` +
        `  proposals.list action (function runner, warm) p95 ${action.p95} ms (median ${action.median})`,
    )
  } finally {
    await emu.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
