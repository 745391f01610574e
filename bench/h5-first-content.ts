/**
 * `npx tsx bench/h5-first-content.ts [--runs 7] [--url http://127.0.0.1:8900]`
 * H5 home in headless Chromium, each run a cold browser profile (empty cache and storage):
 *   FCP   — first-contentful-paint of the page (the app shell)
 *   data  — the community's notices on screen (first .yb-notice-card), i.e. what a resident came for
 * Without --url it starts the same local stack as the browser tests (emulator serving dist/h5, demo seeded).
 * Needs `npm run build:h5` and `npm run build:cloud`. Aim: FCP median ≤ 500 ms.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { startStack } from '../test/browser/helpers/stack'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

async function once(url: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-fcp-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${url}/`, { waitUntil: 'domcontentloaded' })
    await page.waitForSelector('.yb-notice-card', { timeout: 30000 })
    const data = await page.evaluate(() => performance.now())
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const hit = performance.getEntriesByName('first-contentful-paint')[0]
          if (hit) return resolve(hit.startTime)
          new PerformanceObserver((list) => {
            const e = list.getEntriesByName('first-contentful-paint')[0]
            if (e) resolve(e.startTime)
          }).observe({ type: 'paint', buffered: true })
        }),
    )
    const bytes = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname))
        .reduce((n, r) => n + (r.transferSize || r.encodedBodySize || 0), 0),
    )
    return { fcp, data, bytes }
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk)`)
    process.exit(2)
  }
  const runs = Number(arg('runs') ?? 7)
  const given = arg('url')
  const stack = given ? null : await startStack()
  const url = given ?? stack!.url
  try {
    await once(url) // warm the server side (function instances, OS file cache); not counted
    const results = []
    for (let i = 0; i < runs; i++) results.push(await once(url))
    const fcp = results.map((r) => r.fcp)
    const data = results.map((r) => r.data)
    const r0 = (n: number) => Math.round(n)
    console.log(`H5 home, ${runs} cold Chromium profiles, ${url}/`)
    console.log(`  first contentful paint  median ${r0(median(fcp))} ms   (min ${r0(Math.min(...fcp))}, max ${r0(Math.max(...fcp))})`)
    console.log(`  notices on screen       median ${r0(median(data))} ms   (min ${r0(Math.min(...data))}, max ${r0(Math.max(...data))})`)
    console.log(`  JS+CSS transferred      ${(results[0].bytes / 1024).toFixed(0)} KiB (uncompressed local server)`)
    console.log(`  aim: FCP median ≤ 500 ms ${median(fcp) <= 500 ? '✓' : '✗'}`)
    if (process.argv.includes('--json'))
      console.log(JSON.stringify({ runs, fcpMs: fcp, noticesMs: data, medianFcpMs: median(fcp), medianNoticesMs: median(data) }))
  } finally {
    await stack?.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
