/**
 * The client's one way to call functions (src/lib/cloud.ts + the H5 transport) and its error copy, in node:
 * envelopes pass through, anything that is not the function's answer becomes NETWORK, every code reads as Chinese.
 */
import { ERROR_CODES } from '../../types/errors'
import { callCloud, readEnvelope } from '../../src/lib/cloud'
import { errorCopy } from '../../src/lib/error-copy'
import { issuesByField } from '../../src/lib/form-issues'
import { getElderState, setElderPreference } from '../../src/lib/elder'
import { resetTaroMock } from '../__mocks__/taro'

// jest.browser.config.js resolves platform files as the H5 build does (./transport → transport.h5.ts).

const storage = new Map<string, string>()
;(globalThis as any).window = {
  localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
}

type Reply = { status: number; body: unknown } | { throws: Error }
let reply: Reply
let seen: { url: string; init: RequestInit }[] = []
;(globalThis as any).fetch = async (url: string, init: RequestInit) => {
  seen.push({ url, init })
  if ('throws' in reply) throw reply.throws
  const { status, body } = reply
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
  }
}

beforeEach(() => {
  seen = []
  storage.clear()
  resetTaroMock()
})

describe('callCloud on H5', () => {
  test('POSTs {action, input} to /api/functions/<name> as the chosen demo identity', async () => {
    storage.set('yuanba.devOpenid', 'demo-staff')
    reply = { status: 200, body: { ok: true, data: { notices: [] } } }
    const res = await callCloud('notices', 'list', { communityId: 'community-zhizijie' })
    expect(res).toEqual({ ok: true, data: { notices: [] } })
    expect(seen[0].url).toBe('/api/functions/notices')
    expect(seen[0].init.method).toBe('POST')
    expect(JSON.parse(String(seen[0].init.body))).toEqual({ action: 'list', input: { communityId: 'community-zhizijie' } })
    expect((seen[0].init.headers as Record<string, string>)['X-Dev-Openid']).toBe('demo-staff')
  })

  test('an unknown stored identity falls back to demo-resident', async () => {
    storage.set('yuanba.devOpenid', 'someone-else')
    reply = { status: 200, body: { ok: true, data: {} } }
    await callCloud('communities', 'mine', {})
    expect((seen[0].init.headers as Record<string, string>)['X-Dev-Openid']).toBe('demo-resident')
  })

  test('a function error passes through with its code and issues', async () => {
    const error = { code: 'INPUT.INVALID', message: 'bad', issues: [{ path: 'title', code: 'too_small', message: '请填写标题' }] }
    reply = { status: 200, body: { ok: false, error } }
    expect(await callCloud('notices', 'create', {} as any)).toEqual({ ok: false, error })
  })

  test('502 {errCode, errMsg} from the gateway becomes NETWORK', async () => {
    reply = { status: 502, body: { errCode: -504002, errMsg: 'cloud.callFunction:fail functions execute fail' } }
    const res = await callCloud('notices', 'list', { communityId: 'x' })
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('NETWORK')
      expect(res.error.message).toContain('502')
      expect(res.error.message).toContain('-504002')
    }
  })

  test("the platform's function-concurrency refusal (429, errCode -501004) waits in line (排队中) like SYSTEM.BUSY, never NETWORK", async () => {
    // what the gateway answers over the cloud profile's functionConcurrency (wx.cloud.callFunction: errCode -501004)
    const refusal = { status: 429, body: { errCode: -501004, errMsg: 'cloud.callFunction:fail -501004 exceed concurrent request limit. ' } }
    const answers: Reply[] = [refusal, { status: 200, body: { ok: true, data: { communities: [] } } }]
    const fetchBefore = (globalThis as any).fetch
    ;(globalThis as any).fetch = async (url: string, init: RequestInit) => {
      reply = answers.shift() ?? reply
      return fetchBefore(url, init)
    }
    const queued: number[] = []
    try {
      const res = await callCloud('communities', 'mine', {}, { onQueued: (n) => queued.push(n), maxWaitMs: 5000 })
      expect(res).toEqual({ ok: true, data: { communities: [] } })
      expect(queued).toEqual([1])
      expect(seen).toHaveLength(2)
      // past the patience the person gets SYSTEM.BUSY (its own copy), not a raw platform error
      reply = refusal
      const late = await callCloud('communities', 'mine', {}, { maxWaitMs: 0 })
      expect(!late.ok && late.error.code).toBe('SYSTEM.BUSY')
    } finally {
      ;(globalThis as any).fetch = fetchBefore
    }
  })

  test('a non-JSON answer and a failed fetch become NETWORK', async () => {
    reply = { status: 500, body: '<html>' }
    expect((await callCloud('communities', 'mine', {})).ok).toBe(false)
    reply = { throws: new TypeError('Failed to fetch') }
    const res = await callCloud('communities', 'mine', {})
    expect(!res.ok && res.error.code).toBe('NETWORK')
  })
})

describe('readEnvelope', () => {
  test('something that is not an envelope is INTERNAL, an unknown code too', () => {
    expect(readEnvelope(undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(readEnvelope({ data: 1 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(readEnvelope({ ok: false, error: { code: 'WHAT.EVER', message: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    })
  })
})

describe('error copy', () => {
  test('every server code and NETWORK has its own Chinese message', () => {
    const codes = [...ERROR_CODES, 'NETWORK' as const]
    const messages = codes.map((c) => errorCopy(c))
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/)
    expect(new Set(messages).size).toBe(codes.length)
    expect(errorCopy('AUTH.FORBIDDEN')).toContain('无权限')
  })

  test('field issues map to the first message per field, and per row under every prefix of the path', () => {
    expect(
      issuesByField([
        { path: ['title'], message: 'a' },
        { path: ['title'], message: 'b' },
        { path: 'body.0', message: 'c' },
      ]),
    ).toEqual({
      title: 'a',
      body: 'c',
      'body.0': 'c',
    })
    expect(
      issuesByField([
        { path: ['quotas', 1, 'places'], message: 'p' },
        { path: ['quotas', 1], message: 'r' },
        { path: ['quotas'], message: 's' },
        { path: [], message: 'x' },
      ]),
    ).toEqual({
      quotas: 'p',
      'quotas.1': 'p',
      'quotas.1.places': 'p',
      '': 'x',
    })
  })
})

describe('长辈版 preference', () => {
  test('on / off / auto are remembered in storage', () => {
    expect(getElderState()).toMatchObject({ preference: 'auto', elder: false, scale: 1 })
    setElderPreference('on')
    expect(getElderState()).toMatchObject({ preference: 'on', elder: true })
    setElderPreference('auto')
    expect(getElderState()).toMatchObject({ preference: 'auto', elder: false })
  })
})

describe('weapp adapters (no WeChat here: stand-ins for wx / Taro.cloud)', () => {
  test('transport.weapp: callFunction({name, data:{action,input}}) result passes; a rejection becomes a failure', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Taro = require('../__mocks__/taro').default
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { send, initTransport } = require('../../src/lib/transport.weapp')
    const calls: unknown[] = []
    Taro.cloud = {
      init: jest.fn(),
      callFunction: jest.fn(async (opts: unknown) => {
        calls.push(opts)
        return { result: { ok: true, data: 1 }, errMsg: 'cloud.callFunction:ok' }
      }),
    }
    initTransport()
    expect(Taro.cloud.init).toHaveBeenCalledWith({ traceUser: true })
    expect(await send('notices', { action: 'list', input: { communityId: 'c' } })).toEqual({ kind: 'answer', body: { ok: true, data: 1 } })
    expect(calls[0]).toEqual({ name: 'notices', data: { action: 'list', input: { communityId: 'c' } } })
    Taro.cloud.callFunction = jest.fn(async () => {
      throw { errCode: -404011, errMsg: 'cloud.callFunction:fail function not found' }
    })
    expect(await send('nope', { action: 'x', input: {} })).toEqual({
      kind: 'failure',
      errCode: -404011,
      message: 'cloud.callFunction:fail function not found',
    })
    Taro.cloud = undefined
  })

  test('privacy.weapp: onNeedPrivacyAuthorization opens the pop-up; agree resolves every waiting call', () => {
    let listener: ((resolve: (r: unknown) => void, info: { referrer: string }) => void) | undefined
    ;(globalThis as any).wx = { onNeedPrivacyAuthorization: (l: typeof listener) => (listener = l) }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const privacy = require('../../src/lib/privacy.weapp')
    privacy.installPrivacyGuard()
    expect(listener).toBeDefined()
    const a = jest.fn()
    const b = jest.fn()
    const changed = jest.fn()
    privacy.subscribePrivacy(changed)
    listener!(a, { referrer: 'chooseAvatar' })
    listener!(b, { referrer: 'chooseAvatar' })
    expect(privacy.getPrivacyRequest()).toEqual({ referrer: 'chooseAvatar' })
    privacy.answerPrivacy('exposed')
    expect(a).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    privacy.answerPrivacy('agree')
    expect(a).toHaveBeenLastCalledWith({ buttonId: 'agree-btn', event: 'agree' })
    expect(b).toHaveBeenLastCalledWith({ buttonId: 'agree-btn', event: 'agree' })
    expect(privacy.getPrivacyRequest()).toBeNull()
    expect(changed).toHaveBeenCalled()
    delete (globalThis as any).wx
  })
})
