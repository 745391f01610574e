/**
 * The function runner: per-invocation identity under concurrency, the cloud's timeout, callFunction between
 * functions, timer triggers, and the H5 gateway.
 */
import path from 'node:path'
import { ANSWERS, FIXTURES, failure, startWithSdk, type Harness } from './support'

let h: Harness
beforeAll(async () => {
  h = await startWithSdk({ functionsDir: path.join(FIXTURES, 'functions'), maxInstancesPerFunction: 12 })
})
afterAll(async () => {
  await h.emu.stop()
})

test('200 concurrent invocations with 200 different openids: each sees only its own', async () => {
  const openids = Array.from({ length: 200 }, (_, i) => `o-user-${i}`)
  const results = (await Promise.all(openids.map((openid) => h.emu.invoke('whoami', { echo: openid }, { openid })))).map((r) =>
    ANSWERS.whoami.parse(r),
  )
  results.forEach((result, i) => {
    expect(result.before).toBe(openids[i])
    expect(result.openid).toBe(openids[i])
    expect(result.echo).toBe(openids[i])
    expect(result.userInfo.openId).toBe(openids[i])
  })
  // A thread per core loads the bundle; the 200 calls share it (a warm pool, not a worker per call).
  expect(h.emu.runner.stats.coldStarts).toBeLessThanOrEqual(require('node:os').availableParallelism())
})

test('an invocation with no caller sees no openid', async () => {
  const result = ANSWERS.whoami.parse(await h.emu.invoke('whoami', {}, {}))
  expect(result.openid).toBeUndefined()
})

test('a function that outlives its config.json timeout fails with the cloud timeout error', async () => {
  const started = Date.now()
  const error = await failure(h.emu.invoke('slow', {}, { openid: 'o1' }))
  expect(error.message).toBe('Invoking task timed out after 1 seconds')
  expect(Date.now() - started).toBeLessThan(3000)
})

test('a timed-out invocation fails alone: the calls beside it on its thread answer, and the function serves on', async () => {
  const late = failure(h.emu.invoke('sleepy', { ms: 4000 }, { openid: 'o-late' }))
  const beside = Promise.all(['o-a', 'o-b', 'o-c'].map((openid, i) => h.emu.invoke('sleepy', { ms: 200 + 300 * i }, { openid })))
  expect((await late).message).toBe('Invoking task timed out after 1 seconds')
  expect((await beside).map((r: any) => r.openid)).toEqual(['o-a', 'o-b', 'o-c'])
  expect(await h.emu.invoke('sleepy', { ms: 1 }, { openid: 'o-after' })).toEqual({ openid: 'o-after', slept: 1 })
})

test('cloud.callFunction from one function reaches another', async () => {
  const result = ANSWERS.caller.parse(await h.emu.invoke('caller', {}, { openid: 'o-caller' }))
  expect(result.errMsg).toBe('callFunction:ok')
  expect(result.result.echo).toBe('via caller')
})

test('cloud.callFunction errors come back as the SDK shapes them', async () => {
  const missing = await failure(h.cloud.callFunction({ name: 'nosuch', data: {} }))
  expect(missing.errMsg).toContain('FUNCTION_NOT_FOUND')
  const thrown = await failure(h.cloud.callFunction({ name: 'broken', data: {} }))
  expect(thrown.errMsg).toContain('boom inside the function')
})

test('a timer trigger fires by hand with the cloud timer event', async () => {
  expect(h.emu.runner.triggersOf('ticker')).toEqual(['everySecond'])
  expect(await h.emu.fireTrigger('ticker', 'everySecond')).toEqual({ fired: 'everySecond' })
  const [doc] = h.emu.store.dump('events').filter((d) => d._id === 'ticks')
  expect(doc).toMatchObject({ last: 'everySecond', type: 'Timer' })
  await expect(h.emu.fireTrigger('ticker', 'nope')).rejects.toThrow(/no timer trigger/)
})

test('the gateway: POST /api/functions/<name> with X-Dev-Openid; errors as HTTP 502/404', async () => {
  const call = (name: string, openid?: string) =>
    fetch(`${h.emu.url}/api/functions/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify({ action: 'x', input: {} }),
    })
  const ok = await call('whoami', 'demo-resident')
  expect(ok.status).toBe(200)
  expect((await ok.json()).openid).toBe('demo-resident')
  expect((await (await call('whoami')).json()).openid).toBeUndefined()
  const broken = await call('broken', 'o')
  expect(broken.status).toBe(502)
  expect((await broken.json()).errMsg).toContain('boom')
  expect((await call('nosuch', 'o')).status).toBe(404)
  const health = await (await fetch(`${h.emu.url}/api/health`)).json()
  expect(health).toMatchObject({ ok: true, strictIndexes: true })
  expect(health.functions).toContain('whoami')
})
