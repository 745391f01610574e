/**
 * yuanba emulator command line.
 *   serve   [--port 8900] [--data-dir .yuanba] [--static dist/h5] [--timers] [--loose-indexes]
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
    })
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
