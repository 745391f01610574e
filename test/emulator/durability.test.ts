/**
 * Durability: a writer logs every _id the SDK saw acknowledged; the emulator is killed with SIGKILL mid-burst and
 * restarted on the same data folder; every logged _id is there.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { REPO_ROOT, sdkEnvironment } from '../../emulator'
import { Store } from '../../emulator/db/store'
import { adminRequest, SECRET_FILE } from '../../emulator/doors'
import { FIXTURES } from './support'

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'emulator', 'cli.ts'), 'serve', '--port', '0', '--data-dir', dataDir],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /emulator listening (http:\/\/\S+)/.exec(out)
      if (match) resolve({ child, url: match[1] })
    })
    child.on('exit', (code) => reject(new Error(`emulator exited early (${code})`)))
  })
}

test('every write acknowledged before kill -9 survives the restart', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-durable-'))
  const children: ChildProcess[] = []
  try {
    // The test schema is not the app's: create the collection the writer uses through the protocol.
    const first = await startServer(dataDir)
    children.push(first.child)
    // The run's secret is in the data folder, as for any local tool.
    const secret = () => JSON.parse(readFileSync(path.join(dataDir, SECRET_FILE), 'utf8'))
    await adminRequest(`${first.url}/admin`, secret(), { action: 'database.addCollection', collectionName: 'durable_writes' })
    const acked: string[] = []
    const writer = spawn(process.execPath, [path.join(FIXTURES, 'durable-writer.js')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...sdkEnvironment(`${first.url}/admin`, 'yuanba-local', 'wx-test', {}, secret()) },
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    children.push(writer)
    let buffer = ''
    await new Promise<void>((resolve, reject) => {
      writer.on('exit', () =>
        acked.length >= 300 ? resolve() : reject(new Error(`writer stopped after ${acked.length} acknowledged writes`)),
      )
      writer.stdout!.on('data', (chunk) => {
        buffer += chunk
        const lines = buffer.split('\n')
        buffer = lines.pop()!
        for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4))
        if (acked.length >= 300 && !first.child.killed) {
          first.child.kill('SIGKILL')
          resolve()
        }
      })
    })
    await new Promise((r) => writer.on('exit', r))
    for (const line of buffer.split('\n')) if (line.startsWith('ACK ')) acked.push(line.slice(4))
    expect(acked.length).toBeGreaterThanOrEqual(300)

    // Restart on the same folder (here: open the file directly, as the restarted server would) and look.
    const store = new Store({ file: path.join(dataDir, 'database.sqlite') })
    const ids = new Set(store.dump('durable_writes').map((d) => d._id))
    store.close()
    const lost = acked.filter((id) => !ids.has(id))
    expect(lost).toEqual([])

    const second = await startServer(dataDir)
    children.push(second.child)
    const res = await adminRequest(`${second.url}/admin`, secret(), {
      action: 'database.calculateDocument',
      collectionName: 'durable_writes',
    })
    second.child.kill('SIGKILL')
    expect(res.data?.total).toBeGreaterThanOrEqual(acked.length)
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
})
