/**
 * Search figure (npm run bench:search): searching one community's notices, events and proposals among 100,000
 * documents in 100 communities, on the emulator in strict index mode (SQLite WAL file, database/collections.json):
 *   · the index query alone through the real wx-server-sdk: where({ communityId, terms: _.all(bigrams) });
 *   · the whole `search.search` action through the function runner (caller, index query, documents by id, visibility).
 * Queries are 2–4 Chinese characters taken from the documents' own text (so they find something), one community each.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { REPO_ROOT, startEmulator } from '../emulator'
import { queryTerms, searchContract, searchEntry, type SearchDoc } from '../types/index'
import { answerOf } from '../test/functions/results'
import { summary, time } from './stats'

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000)
const COMMUNITIES = 100
const RUNS = Number(process.env.BENCH_RUNS ?? 500)

const WORDS = [
  '楼道',
  '路灯',
  '停水',
  '停电',
  '电梯',
  '垃圾分类',
  '充电桩',
  '院坝',
  '长椅',
  '绿化',
  '停车',
  '快递柜',
  '老年食堂',
  '儿童乐园',
  '防诈骗',
  '健康讲座',
  '志愿者',
  '书法',
  '智能手机',
  '暑期课堂',
  '消防',
  '安全',
  '燃气',
  '维修',
  '漏水',
  '噪音',
  '宠物',
  '雨棚',
  '健身器材',
  '图书角',
  '亲子阅读',
  '便民服务',
  '居住证',
  '疫苗',
  '义诊',
  '文艺演出',
  '广场舞',
  '议事会',
  '改造',
  '护栏',
]
/** a deterministic pseudo-random sentence of `n` words */
function sentence(seed: number, n: number): string {
  let x = seed * 2654435761
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    x = (x ^ (x >>> 13)) * 1274126177
    out.push(WORDS[Math.abs(x) % WORDS.length])
  }
  return `${out.join('的')}。`
}

async function main() {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cloudfunctions', 'search', 'index.js'))) throw new Error('run `npm run build:cloud` first')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-bench-search-'))
  // BENCH_BEFORE=<an older build's dist/cloudfunctions>: its `search` runs beside this one as `search-before`, and the
  // two are timed alternately (same data, same moment), so a busy machine weighs on both alike.
  const before = process.env.BENCH_BEFORE
  let functionsDir: string | undefined
  if (before) {
    functionsDir = path.join(dir, 'functions')
    mkdirSync(functionsDir)
    const built = path.join(REPO_ROOT, 'dist', 'cloudfunctions')
    for (const name of readdirSync(built)) symlinkSync(path.join(built, name), path.join(functionsDir, name))
    symlinkSync(path.resolve(before, 'search'), path.join(functionsDir, 'search-before'))
  }
  const emu = await startEmulator({ port: 0, dataDir: dir, strictIndexes: true, log: () => {}, functionsDir })
  try {
    const t0 = performance.now()
    const now = new Date()
    const past = new Date(now.getTime() - 86_400_000)
    const notices: any[] = []
    const events: any[] = []
    const proposals: any[] = []
    const search: SearchDoc[] = []
    const flush = () => {
      if (notices.length) emu.store.insert('notices', notices.splice(0))
      if (events.length) emu.store.insert('events', events.splice(0))
      if (proposals.length) emu.store.insert('proposals', proposals.splice(0))
      if (search.length) emu.store.insert('search', search.splice(0))
    }
    for (let i = 0; i < DOCS; i++) {
      const communityId = `bench-c${i % COMMUNITIES}`
      const title = sentence(i, 2).replace('。', '')
      const text = sentence(i + 7, 40)
      const base = {
        _id: `bench-${i}`,
        communityId,
        title,
        createdAt: past,
        updatedAt: past,
        createdBy: 'bench-staff',
        updatedBy: 'bench-staff',
      }
      if (i % 3 === 0) {
        const doc = {
          ...base,
          body: text,
          category: '通知',
          pinned: false,
          status: 'published',
          publishAt: past,
          expiresAt: null,
          moderation: 'pass',
          readCount: 0,
        }
        notices.push(doc)
        search.push(searchEntry('notice', doc, now))
      } else if (i % 3 === 1) {
        const doc = {
          ...base,
          description: text,
          place: '社区党群服务中心',
          venueCode: `bv${i}`,
          category: '活动',
          status: 'published',
          moderation: 'pass',
          openTo: 'residents',
          startAt: new Date(now.getTime() + 86_400_000),
          endAt: new Date(now.getTime() + 90_000_000),
          capacity: 30,
        }
        events.push(doc)
        search.push(searchEntry('event', doc, now))
      } else {
        const doc = {
          ...base,
          description: text,
          category: '便民服务',
          status: 'published',
          isPublic: true,
          hidden: false,
          moderation: 'pass',
          supportCount: 0,
          publishedAt: past,
        }
        proposals.push(doc)
        search.push(searchEntry('proposal', doc, now))
      }
      if (search.length >= 5000) flush()
    }
    flush()
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
    const community = (i: number) => `bench-c${(i * 37) % COMMUNITIES}`
    /** 2, 3 or 4 characters from the vocabulary: 楼道, 垃圾分, 智能手机… */
    const query = (i: number) => {
      const w = WORDS[(i * 11) % WORDS.length]
      return w.length > 2 ? w.slice(0, 2 + (i % (w.length - 1))) : w
    }
    const indexQuery = (i: number) =>
      db
        .collection('search')
        .where({ communityId: community(i), terms: _.all(queryTerms(query(i)).filter((t) => t.length === 2)) })
        .field({ kind: true, refId: true })
        .limit(60)
        .get()

    const first = (await indexQuery(0)) as { data: SearchDoc[] }
    if (first.data.length === 0) throw new Error('the index query found nothing')
    await time(30, indexQuery) // warm-up
    const raw = summary(await time(RUNS, indexQuery))
    const twoChars = summary(
      await time(RUNS, (i) =>
        db
          .collection('search')
          .where({ communityId: community(i), terms: _.all(['楼道']) })
          .field({ kind: true, refId: true })
          .limit(60)
          .get(),
      ),
    )

    // Where the action's time goes, piece by piece (the same requests the action makes, from this process):
    //  · the function call alone: the runner, the kernel's envelope and zod, refused before any database request;
    //  · the caller: person + membership by id, in parallel;
    //  · the documents of one query's candidates: one `_.in` read per kind, in parallel, with the fields results need.
    const overhead = summary(
      await time(RUNS, () =>
        emu.invoke('search', { action: 'search', input: { communityId: community(0), q: '电' } }, { openid: 'bench-resident' }),
      ),
    )
    const viewer = summary(
      await time(RUNS, (i) =>
        Promise.all([
          db.collection('people').where({ _id: 'bench-resident' }).limit(1).get(),
          db
            .collection('memberships')
            .where({ _id: _.in([`${community(i)}_bench-resident`]) })
            .limit(1)
            .get(),
        ]),
      ),
    )
    const candidates: { kind: string; refId: string }[][] = []
    for (let i = 0; i < Math.min(RUNS, 50); i++)
      candidates.push(((await indexQuery(i)) as { data: { kind: string; refId: string }[] }).data)
    const KIND_COLLECTION: Record<string, string> = { notice: 'notices', event: 'events', proposal: 'proposals' }
    const hydrate = summary(
      await time(RUNS, (i) => {
        const found = candidates[i % candidates.length]
        return Promise.all(
          Object.entries(KIND_COLLECTION).map(([kind, name]) => {
            const ids = found.filter((d) => d.kind === kind).map((d) => d.refId)
            return ids.length
              ? db
                  .collection(name)
                  .where({ _id: _.in(ids) })
                  .limit(ids.length)
                  .get()
              : null
          }),
        )
      }),
    )

    const invoke = (i: number) =>
      emu.invoke('search', { action: 'search', input: { communityId: community(i), q: query(i) } }, { openid: 'bench-resident' })
    const answer = answerOf(await invoke(0), searchContract.search.output)
    if (!answer.ok || answer.data.results.length === 0) throw new Error(`search.search failed: ${JSON.stringify(answer).slice(0, 300)}`)
    await time(30, invoke)
    let action: ReturnType<typeof summary>
    let actionBefore: ReturnType<typeof summary> | null = null
    if (before) {
      const invokeBefore = (i: number) =>
        emu.invoke('search-before', { action: 'search', input: { communityId: community(i), q: query(i) } }, { openid: 'bench-resident' })
      const same = await invokeBefore(0)
      if (JSON.stringify(same) !== JSON.stringify(answer)) throw new Error('the older build answers differently')
      await time(30, invokeBefore)
      const now: number[] = []
      const then: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const pair = i % 2 === 0 ? [invoke, invokeBefore] : [invokeBefore, invoke]
        for (const fn of pair) {
          const t = performance.now()
          await fn(i)
          ;(fn === invoke ? now : then).push(performance.now() - t)
        }
      }
      action = summary(now)
      actionBefore = summary(then)
    } else action = summary(await time(RUNS, invoke))

    console.log(
      JSON.stringify(
        {
          documents: DOCS,
          communities: COMMUNITIES,
          seedMs: Math.round(seedMs),
          indexQuery: raw,
          twoCharacterQuery: twoChars,
          searchAction: action,
          ...(actionBefore ? { searchActionBefore: actionBefore } : {}),
          pieces: { functionCallAlone: overhead, viewerReads: viewer, documentsOfCandidates: hydrate },
        },
        null,
        2,
      ),
    )
    console.log(
      `\nsearch in one community among ${DOCS.toLocaleString('en')} documents in ${COMMUNITIES} communities (strict indexes, no regex):\n` +
        `  index query (real SDK → emulator) p95 ${raw.p95} ms (median ${raw.median}) · two-character query p95 ${twoChars.p95} ms\n` +
        `  search.search action (function runner, warm) p95 ${action.p95} ms (median ${action.median})\n` +
        `  pieces, p95 (median): function call alone ${overhead.p95} (${overhead.median}) · caller's reads ${viewer.p95} (${viewer.median})` +
        ` · documents of the candidates ${hydrate.p95} (${hydrate.median})` +
        (actionBefore
          ? `\n  the older build (BENCH_BEFORE), timed alternately: p95 ${actionBefore.p95} ms (median ${actionBefore.median})`
          : ''),
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
