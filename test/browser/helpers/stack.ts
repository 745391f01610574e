/**
 * The whole local stack for browser tests: the emulator (in-memory DB, strict index mode) serving the H5 build at /
 * and the functions at /api/functions/<name>, with the demo seeded through the real wx-server-sdk.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../../emulator'
import { seedDemo } from '../../../scripts/seed-demo'

export const ROOT = path.resolve(__dirname, '..', '..', '..')

export type Stack = { emu: Emulator; url: string; stop(): Promise<void> }

export async function startStack(): Promise<Stack> {
  const bundles = ['communities', 'notices'].map((fn) => `dist/cloudfunctions/${fn}/index.js`)
  // The function bundles take ~2 s: build them when missing (`npm run test:browser` alone on a fresh clone).
  if (bundles.some((file) => !existsSync(path.join(ROOT, file)))) {
    execFileSync('npm', ['run', 'build:cloud'], { cwd: ROOT, stdio: 'pipe', timeout: 120000 })
  }
  const missing = [['dist/h5/index.html', 'npm run build:h5'], ...bundles.map((file) => [file, 'npm run build:cloud'])].filter(
    ([file]) => !existsSync(path.join(ROOT, file)),
  )
  if (missing.length) throw new Error(`missing build output: ${missing.map(([f, cmd]) => `${f} (${cmd})`).join(', ')}`)

  const emu = await startEmulator({
    port: 0,
    strictIndexes: true,
    staticDir: path.join(ROOT, 'dist', 'h5'),
    log: process.env.STACK_LOG ? (...a: unknown[]) => console.log(...a) : () => {},
  })
  Object.assign(process.env, emu.sdkEnv({ openid: 'browser-test-seeder' }))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  await seedDemo(cloud.database())
  return { emu, url: emu.url, stop: () => emu.stop() }
}

/** Call a function through the same gateway the H5 build uses, as a demo identity. */
export async function gateway(url: string, name: string, action: string, input: unknown, openid: string): Promise<any> {
  const res = await fetch(`${url}/api/functions/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dev-Openid': openid },
    body: JSON.stringify({ action, input }),
  })
  return res.json()
}
