/**
 * npm start — Yuanba on the local WeChat cloud:
 *  1. builds what is missing or stale (cloud-function bundles, the H5 app);
 *  2. starts the emulator on 127.0.0.1:8900 (PORT to change) with a persistent database under .yuanba/;
 *  3. creates collections and indexes (database/collections.json) and seeds the demo on first run, through the real SDK;
 *  4. prints the URL, the scan-a-code URL and the demo identities.
 */
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT, startEmulator } from '../emulator'
import { DEMO_IDENTITIES } from '../types/demo-identities'
import { seedDemo } from './seed-demo'
import { seedDemoYear } from './seed-demo-year'

const DATA_DIR = path.join(REPO_ROOT, '.yuanba')

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs)
}

function buildIfStale(label: string, script: string, output: string, sources: string[]): void {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0
  const changed = Math.max(...sources.map((s) => newestMtime(path.join(REPO_ROOT, s))))
  if (built && built >= changed) return
  console.log(`· building ${label} (npm run ${script}) …`)
  execSync(`npm run --silent ${script}`, { cwd: REPO_ROOT, stdio: 'inherit' })
}

async function main(): Promise<void> {
  buildIfStale('cloud functions', 'build:cloud', path.join(REPO_ROOT, 'dist', 'cloudfunctions'), [
    'cloudfunctions',
    'types',
    'config/build-cloud.ts',
  ])
  buildIfStale('H5 app', 'build:h5', path.join(REPO_ROOT, 'dist', 'h5', 'index.html'), ['src', 'types', 'config'])
  mkdirSync(DATA_DIR, { recursive: true })
  const emu = await startEmulator({
    port: Number(process.env.PORT ?? 8900),
    dataDir: DATA_DIR,
    staticDir: path.join(REPO_ROOT, 'dist', 'h5'),
    timers: true,
  })
  const firstRun = emu.store.dump('communities').length === 0
  if (firstRun) {
    Object.assign(process.env, emu.sdkEnv({}))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    const seeded = await seedDemo(cloud.database())
    console.log(`· seeded the demo: ${JSON.stringify(seeded)}`)
    console.log(`· seeded a year of activity: ${JSON.stringify(await seedDemoYear(cloud.database()))}`)
  }
  console.log(`
院坝 Yuanba is running on the local WeChat cloud
  App (H5):             ${emu.url}/
  Scan 栀子街社区's code: ${emu.url}/?scene=c%3Dzhizijie
  Scan 新华社区's code:   ${emu.url}/?scene=c%3Dxinhua
  Data:                 ${path.relative(REPO_ROOT, DATA_DIR)}/ (delete it to start over)
  Demo identities (pick one under 体验身份 on the 我的 page):
${DEMO_IDENTITIES.map((d) => `    ${d.openid.padEnd(20)} ${d.label}`).join('\n')}
Ctrl-C to stop.`)
  const stop = () => emu.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
