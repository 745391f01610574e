/**
 * The local cloud's doors (issue 11 item 8). A developer's browser is a real attack surface: any page open in it can
 * send "simple" cross-site requests (text/plain, form posts) to 127.0.0.1. /admin answers only requests shaped and
 * signed as the real wx-server-sdk signs them, with this run's secret; timer triggers over HTTP need the secret too;
 * the gateway answers bad paths and oversize bodies with the envelope instead of a 500 or a reset connection.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FIXTURES, TEST_SCHEMA, startWithSdk, type Harness } from './support'

let h: Harness
beforeAll(async () => {
  h = await startWithSdk({ functionsDir: path.join(FIXTURES, 'functions') })
  await h.db
    .collection('events')
    .doc('door')
    .set({ data: { title: 'door', seatsLeft: 1 } })
})
afterAll(async () => {
  await h.emu.stop()
})

const insertBody = (title: string) =>
  JSON.stringify({
    action: 'database.insertDocument',
    collectionName: 'events',
    data: [JSON.stringify({ title, seatsLeft: { $numberInt: '1' } })],
  })
/** Run a snippet with the real SDK in a child process (async: the emulator answers from this process). */
const sdkChild = (env: Record<string, string | undefined>, code: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [
        '-e',
        `process.on('unhandledRejection', () => {})
      const cloud = require('wx-server-sdk'); cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV }); ${code}`,
      ],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    ),
  )
const ADD = (title: string) => `cloud.database().collection('events').add({ data: { title: '${title}' } })
  .then(() => console.log('WROTE'), (e) => console.log('REFUSED ' + (e.errCode ?? e.code)))`

const titles = async () => (await h.emu.dump('events')).map((d: any) => d.title)

test('a simple cross-site request (text/plain POST from a web page, no secret) cannot write the local database', async () => {
  const res = await fetch(`${h.emu.adminUrl}?env=${h.emu.envId}&seqId=1_1`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' },
    body: insertBody('from a web page'),
  })
  expect(res.status).toBe(403)
  expect(await titles()).not.toContain('from a web page')
})

test('/admin refuses an unsigned request and one signed with another secret', async () => {
  const unsigned = await fetch(`${h.emu.adminUrl}?env=${h.emu.envId}&seqId=1_2`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: insertBody('unsigned'),
  })
  expect(unsigned.status).toBe(401)
  expect((await unsigned.json()).code).toBeTruthy()

  // The real SDK, in a child process, with the right endpoint but another secret key.
  const env = { ...h.emu.sdkEnv(), TENCENTCLOUD_SECRETKEY: 'not-this-runs-secret' }
  expect(await sdkChild(env, ADD('wrong secret'))).toMatch(/^REFUSED/)
  expect(await titles()).not.toContain('unsigned')
  expect(await titles()).not.toContain('wrong secret')
})

test('the real SDK signs with the secret the emulator hands it (sdkEnv) and is served', async () => {
  await h.db.collection('events').add({ data: { title: 'signed by the sdk' } })
  expect(await titles()).toContain('signed by the sdk')
})

test('the secret is written to the data folder (owner-only) and local tools can use the SDK with it', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-doors-'))
  const { startEmulator } = await import('../../emulator')
  const emu = await startEmulator({ port: 0, dataDir, schemaFile: TEST_SCHEMA, log: () => {} })
  try {
    const file = path.join(dataDir, 'admin-secret')
    expect(statSync(file).mode & 0o077).toBe(0)
    const secret = JSON.parse(readFileSync(file, 'utf8'))
    expect(secret.TENCENTCLOUD_SECRETKEY).toBeTruthy()
    const env = {
      ...secret,
      TENCENTCLOUD_RUNENV: 'SCF',
      TCB_ENV: emu.envId,
      SCF_NAMESPACE: emu.envId,
      SILENCE: 'true',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: emu.adminUrl }),
    }
    expect(await sdkChild(env, ADD('local tool'))).toBe('WROTE')
    expect(emu.store.dump('events').map((d: any) => d.title)).toContain('local tool')
  } finally {
    await emu.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('timer triggers over HTTP need the secret (the CLI reads it from the data folder)', async () => {
  const open = await fetch(`${h.emu.url}/api/triggers/ticker/everySecond`, { method: 'POST' })
  expect(open.status).toBe(401)
  expect((await h.emu.dump('events')).some((d: any) => d._id === 'ticks')).toBe(false)
  const crossSite = await fetch(`${h.emu.url}/api/triggers/ticker/everySecond`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    body: '',
  })
  expect(crossSite.status).toBe(403)
  const res = await fetch(`${h.emu.url}/api/triggers/ticker/everySecond`, {
    method: 'POST',
    headers: { 'x-emulator-secret': h.emu.secret.TENCENTCLOUD_SECRETKEY },
  })
  expect(res.status).toBe(200)
  expect((await res.json()).result).toEqual({ fired: 'everySecond' })
})

test('a malformed percent-encoding in a function path answers 400 with the envelope', async () => {
  const res = await fetch(`${h.emu.url}/api/functions/who%E0%A4ami`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(res.status).toBe(400)
  const body = await res.json()
  expect(body).toEqual({ ok: false, error: { code: 'INPUT.INVALID', message: expect.any(String) } })
})

test('a body over the limit answers 413 with the envelope (not a reset connection)', async () => {
  const res = await fetch(`${h.emu.url}/api/functions/whoami`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ echo: 'x'.repeat(7 * 1024 * 1024) }),
  })
  expect(res.status).toBe(413)
  const body = await res.json()
  expect(body).toEqual({ ok: false, error: { code: 'INPUT.INVALID', message: expect.stringContaining('too large') } })
  // The server is still fine afterwards.
  const after = await fetch(`${h.emu.url}/api/functions/whoami`, { method: 'POST', body: JSON.stringify({ echo: 'after' }) })
  expect((await after.json()).echo).toBe('after')
})
