/**
 * yuanba emulator command line.
 *   serve   [--port 8900] [--data-dir .yuanba] [--static dist/h5] [--timers] [--loose-indexes]
 *           [--profile default|cloud] [--db-latency 8±4ms] [--db-qps 500] [--db-connections 100]
 *           [--function-concurrency 1000] [--instance-idle 60s]      (profile knobs: emulator/profile.ts)
 *   trigger <function> <trigger> [--port 8900] [--data-dir .yuanba | --secret-file F]
 *           fire a timer trigger of a running emulator; the run's secret is read from <data-dir>/admin-secret
 */
import path from 'node:path'
import { mkdirSync, readFileSync } from 'node:fs'
import { startEmulator } from './index'
import { SECRET_FILE } from './doors'

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

function count(args: string[], name: string): number | undefined {
  const value = option(args, name)
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} ${value}: expected a positive whole number`)
  return n
}

/** '60s', '500ms', '2m' or a number of ms. */
function duration(args: string[], name: string): number | undefined {
  const value = option(args, name)
  if (value === undefined) return undefined
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value)
  if (!match) throw new Error(`${name} ${value}: expected e.g. 60s, 500ms or 2m`)
  return Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 }[match[2] ?? 'ms'] as number)
}

async function main(): Promise<void> {
  const [command = 'serve', ...args] = process.argv.slice(2)
  const port = Number(option(args, '--port') ?? process.env.PORT ?? 8900)
  if (command === 'serve') {
    const dataDir = option(args, '--data-dir')
    if (dataDir) mkdirSync(dataDir, { recursive: true })
    const emu = await startEmulator({
      port,
      dataDir: dataDir ? path.resolve(dataDir) : undefined,
      staticDir: option(args, '--static'),
      timers: args.includes('--timers'),
      strictIndexes: !args.includes('--loose-indexes'),
      profile: (option(args, '--profile') ?? 'default') as 'default' | 'cloud',
      dbLatency: option(args, '--db-latency'),
      dbQps: count(args, '--db-qps'),
      dbConnections: count(args, '--db-connections'),
      functionConcurrency: count(args, '--function-concurrency'),
      instanceIdleMs: duration(args, '--instance-idle'),
    })
    const p = emu.profile
    if (p.name === 'cloud' || p.dbLatency.mean > 0 || Number.isFinite(p.dbQps) || Number.isFinite(p.dbConnections)) {
      console.log(
        `profile ${p.name}: database latency ${p.dbLatency.mean}±${p.dbLatency.jitter} ms, ${p.dbQps} requests/s, ${p.dbConnections} connections` +
          (p.isolatedInstances
            ? `; an isolate per instance, function concurrency ${p.functionConcurrency}, idle instances go after ${p.instanceIdleMs / 1000} s`
            : ''),
      )
    }
    console.log(`emulator listening ${emu.url}`)
    console.log(`secret for the SDK and triggers: ${emu.secretFile}`)
    const stop = () => emu.stop().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    return
  }
  if (command === 'trigger') {
    const valued = ['--port', '--data-dir', '--secret-file'].map((name) => option(args, name))
    const [fn, trigger] = args.filter((a) => !a.startsWith('--') && !valued.includes(a))
    if (!fn || !trigger) throw new Error('usage: trigger <function> <trigger> [--port 8900] [--data-dir .yuanba | --secret-file F]')
    const secretFile = option(args, '--secret-file') ?? path.join(option(args, '--data-dir') ?? '.yuanba', SECRET_FILE)
    const secret = JSON.parse(readFileSync(secretFile, 'utf8'))
    const res = await fetch(`http://127.0.0.1:${port}/api/triggers/${encodeURIComponent(fn)}/${encodeURIComponent(trigger)}`, {
      method: 'POST',
      headers: { 'x-emulator-secret': secret.TENCENTCLOUD_SECRETKEY },
    })
    console.log(JSON.stringify(await res.json(), null, 2))
    process.exitCode = res.ok ? 0 : 1
    return
  }
  throw new Error(`unknown command ${command}`)
}

main().catch((error) => {
  console.error(error.message)
  process.exit(1)
})
