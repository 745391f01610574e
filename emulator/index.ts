/**
 * The local WeChat cloud. One HTTP server on loopback:
 *   POST /admin                      what wx-server-sdk sends (database.*, functions.invokeFunction, storage.*, wx.openApi)
 *   PUT  /storage/upload/<path>      the upload's second hop;  GET /storage/files/<path>  temp URLs
 *   POST /api/functions/<name>       local gateway for the H5 build: {action, input} → the function's result;
 *                                    the caller's openid comes from the X-Dev-Openid header (local only)
 *   POST /api/triggers/<fn>/<name>   fire a timer trigger by hand (needs this run's secret: x-emulator-secret)
 *   GET  /api/health                 liveness and what is loaded
 *   GET  /api/counters               database requests, quota refusals, instances, cold starts (profile.ts)
 *   GET  /*                          the H5 build (staticDir), index.html for unknown paths
 * Functions reach it because the runner starts every instance with TCB_CONTEXT_CNFG pointing here and this run's
 * secret as the SDK's credentials (see doors.ts: /admin takes only requests the SDK signed with it); production code
 * never knows. Nothing under cloudfunctions/ imports this folder.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import busboy from 'busboy'
import { z } from 'zod'
import { CloudError } from './db/errors'
import { DatabaseGate, resolveProfile, type DatabaseCounters, type Profile, type ProfileKnobs, type ProfileName } from './profile'
import { SECRET_FILE, fromBrowser, newSecret, sameSecret, verifyAdmin, writeSecret, type AdminSecret } from './doors'
import { handleDatabaseAction } from './db/protocol'
import { Store } from './db/store'
import type { Doc } from './db/ejson'
import type { IndexDeclaration } from './db/indexes'
import { FunctionError, FunctionRunner, type Identity } from './functions/runner'
import { DEFAULT_CONTENT_WORDS, OUTBOX, handleOpenApi, type ContentCheckWords } from './platform/openapi'
import { LocalStorage } from './platform/storage'
import { handleGatewayUpload } from './gateway-upload'

/** A stored document, as `dump` returns it. */
export type { Doc }

export const REPO_ROOT = path.resolve(__dirname, '..')

export interface EmulatorOptions extends ProfileKnobs {
  /**
   * 'default' (fast: no latency, no quotas, shared instances) or 'cloud' (an isolate per instance, database latency,
   * environment quotas — see profile.ts and docs/decisions/0009). Each knob (dbLatency, dbQps, dbConnections,
   * functionConcurrency, instanceIdleMs) overrides the profile's value.
   */
  profile?: ProfileName
  /** Random source for the latency jitter (tests). */
  random?: () => number
  /** Default 8900; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. The emulator never listens beyond loopback unless told to. */
  host?: string
  /** Folder for the SQLite file and stored files. Omitted: an in-memory database and a temporary folder. */
  dataDir?: string
  /** Refuse queries that no declared index covers. Default true. */
  strictIndexes?: boolean
  functionsDir?: string
  /** The H5 build to serve at /. */
  staticDir?: string
  /** Collections and indexes to create at start. Default database/collections.json. */
  schemaFile?: string
  contentCheck?: Partial<ContentCheckWords>
  envId?: string
  appid?: string
  /** Run timer triggers on their cron. Default false (tests fire them by hand). */
  timers?: boolean
  /** Invocations of one function running at once (default 64); more wait in line. */
  maxInstancesPerFunction?: number
  /** Worker threads per function (default: the machine's cores). */
  threadsPerFunction?: number
  /** Told of every function invocation that ran: time waiting for an instance, time in main() (ms). */
  onInvoked?: (name: string, timing: { waitedMs: number; runMs: number }) => void
  /** Keep every /admin request body (wire-contract tests). */
  recordRequests?: boolean
  log?: (line: string) => void
}

export interface Emulator {
  url: string
  adminUrl: string
  port: number
  envId: string
  store: Store
  runner: FunctionRunner
  /** Request bodies received on /admin when recordRequests is on. */
  requests: Array<Record<string, unknown>>
  /** The resolved profile (every knob's value). */
  profile: Profile
  /** What the bench and tests read: database requests served, quota refusals, instances, cold starts. */
  counters(): EmulatorCounters
  /** This run's secret (the SDK's TENCENTCLOUD_SECRETID/SECRETKEY), also in `secretFile`. */
  secret: AdminSecret
  /** `<dataDir>/admin-secret` (mode 0600): what local tools read to use the SDK or fire triggers. */
  secretFile: string
  /** Environment that points a wx-server-sdk in this process (or a child) at the emulator, as `identity`. */
  sdkEnv(identity?: Identity): Record<string, string>
  /**
   * Call a function as `identity` (as if from the mini-program). Resolves with what main() returned, as it came back
   * over the wire: the emulator knows nothing of the app's envelope, so callers narrow it (the tests' harness does).
   */
  invoke(name: string, event: Record<string, unknown>, identity?: Identity): Promise<unknown>
  /** Run a function's timer trigger now; resolves with what main() returned. */
  fireTrigger(name: string, trigger: string): Promise<unknown>
  /** Every document of a collection, as stored (copies: changing them changes nothing in the store). */
  dump(collection: string): Promise<Doc[]>
  stop(): Promise<void>
}

export interface EmulatorCounters {
  profile: ProfileName
  db: DatabaseCounters
  functions: FunctionRunner['stats']
  /** database refusals plus function-concurrency refusals */
  quotaRejections: number
  /** the server's event-loop delay since start (ms): high values mean the emulator itself, not the cloud, was slow */
  eventLoop: { p99Ms: number; maxMs: number }
}

export interface Schema {
  collections: Array<{ name: string; indexes?: IndexDeclaration[] }>
}

export function loadSchema(file: string): Schema {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** Create every declared collection and index (the same step an operator does once in the cloud console). */
export function applySchema(store: Store, schema: Schema): void {
  for (const collection of schema.collections) store.ensureCollection(collection.name, collection.indexes ?? [])
  if (!store.hasCollection(OUTBOX)) store.ensureCollection(OUTBOX, [{ name: 'touser_createdAt', keys: { touser: 1, createdAt: -1 } }])
}

/** The SDK's environment for this emulator; `secret` is the run's (emu.secret, or read from `<dataDir>/admin-secret`). */
export function sdkEnvironment(
  adminUrl: string,
  envId: string,
  appid: string,
  identity: Identity = {},
  secret?: AdminSecret,
): Record<string, string> {
  const env: Record<string, string> = {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: secret?.TENCENTCLOUD_SECRETID ?? 'local-emulator',
    TENCENTCLOUD_SECRETKEY: secret?.TENCENTCLOUD_SECRETKEY ?? 'local-emulator',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    SILENCE: 'true',
  }
  const keys: string[] = []
  if (identity.openid) ((env.WX_OPENID = identity.openid), keys.push('WX_OPENID'))
  if (identity.openid || identity.appid) ((env.WX_APPID = identity.appid ?? appid), keys.push('WX_APPID'))
  if (identity.unionid) ((env.WX_UNIONID = identity.unionid), keys.push('WX_UNIONID'))
  env.WX_CONTEXT_KEYS = keys.join(',')
  return env
}

const MAX_BODY = 6 * 1024 * 1024

/** An answer with a status and the envelope `{ok:false, error:{code, message}}` (on /admin: the cloud's `{code, message}`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** A path segment, percent-decoded; a malformed encoding is the caller's mistake (400), not ours. */
function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw new HttpError(400, 'INPUT.INVALID', `malformed percent-encoding in path: ${value.slice(0, 80)}`)
  }
}

/** The body, up to `limit` bytes. Over it: the rest is read and dropped (so the client can read the 413), then 413. */
function readBody(req: http.IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > limit * 4) req.destroy() // not a client that will read the answer
    })
    req.on('end', () =>
      size > limit
        ? reject(new HttpError(413, 'INPUT.INVALID', `request body too large: ${size} bytes, limit ${limit}`))
        : resolve(Buffer.concat(chunks)),
    )
    req.on('error', reject)
  })
}

/** Multipart fields as the SDK sent them: text fields as strings, file parts as Buffers. */
function readMultipart(req: http.IncomingMessage): Promise<Record<string, string | Buffer>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string | Buffer> = {}
    const parser = busboy({ headers: req.headers, limits: { fileSize: MAX_BODY, fieldSize: MAX_BODY } })
    parser.on('field', (name, value) => (fields[name] = value))
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => (fields[name] = Buffer.concat(chunks)))
    })
    parser.on('close', () => resolve(fields))
    parser.on('error', reject)
    req.pipe(parser)
  })
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/** storage.batchGetDownloadUrl's file_list */
const downloadListSchema = z.array(z.object({ fileid: z.string(), max_age: z.coerce.number().optional() }))

/** the listen queue for connections not yet accepted (see startEmulator's listen) */
const LISTEN_BACKLOG = 65_535

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value))
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
  res.end(body)
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
}

function sendFile(res: http.ServerResponse, file: string): void {
  res.writeHead(200, {
    'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
  })
  createReadStream(file).pipe(res)
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  process.env.TZ = 'UTC' // cloud functions run in UTC; instances share this process's clock and zone
  const envId = options.envId ?? 'yuanba-local'
  const appid = options.appid ?? 'wx-yuanba-local'
  const log = options.log ?? ((line: string) => console.log(line))
  const temporary = options.dataDir ? undefined : mkdtempSync(path.join(os.tmpdir(), 'yuanba-emulator-'))
  const dataDir = options.dataDir ?? temporary!
  const store = new Store({
    file: options.dataDir ? path.join(options.dataDir, 'database.sqlite') : ':memory:',
    strictIndexes: options.strictIndexes ?? true,
  })
  applySchema(store, loadSchema(options.schemaFile ?? path.join(REPO_ROOT, 'database', 'collections.json')))
  const words: ContentCheckWords = {
    risky: options.contentCheck?.risky ?? DEFAULT_CONTENT_WORDS.risky,
    review: options.contentCheck?.review ?? DEFAULT_CONTENT_WORDS.review,
  }
  let baseUrl = ''
  const storage = new LocalStorage(path.join(dataDir, 'storage'), envId, () => baseUrl)
  const requests: Array<Record<string, unknown>> = []
  let runner!: FunctionRunner
  const profile = resolveProfile(options.profile, options)
  const gate = new DatabaseGate(profile, options.random)
  const loopDelay = monitorEventLoopDelay({ resolution: 20 })
  loopDelay.enable()
  /** The calling function, from the seqId the SDK sends (`<TCB_SEQID>-<hex ms>_<hex n>`; the runner sets TCB_SEQID). */
  const callerOf = (req: http.IncomingMessage) => {
    const seqId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('seqId') ?? ''
    const dash = seqId.lastIndexOf('-')
    return dash > 0 ? seqId.slice(0, dash) : '-'
  }

  const secret = newSecret()
  const secretFile = path.join(dataDir, SECRET_FILE)
  writeSecret(secretFile, secret)

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = `local-${Date.now().toString(16)}-${Math.random().toString(16).slice(2, 10)}`
    const refuse = (status: number, message: string) =>
      sendJson(res, status, { requestId, code: 'INVALID_REQUEST_SOURCE', message: `[AuthFailure] ${message}` })
    if (fromBrowser(req)) return refuse(403, 'cross-site requests are refused: /admin is for the wx-server-sdk')
    const contentType = String(req.headers['content-type'] ?? '')
    if (contentType.startsWith('multipart/form-data')) {
      const fields = await readMultipart(req)
      const denied = verifyAdmin(req, fields, secret)
      if (denied) return refuse(401, denied)
      const text = (v: string | Buffer | undefined) => (v === undefined ? undefined : v.toString())
      const action = text(fields.action)
      if (options.recordRequests) requests.push({ action, apiName: text(fields.apiName) })
      if (action !== 'wx.openApi')
        return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: `unsupported multipart action ${action}` })
      const data = fields.requestData
      const reply = await handleOpenApi(
        text(fields.apiName) ?? '',
        data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(data) ? data : Buffer.from(data),
        {
          store,
          words,
          h5BaseUrl: baseUrl,
          now: Date.now,
        },
      )
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': reply.length })
      return void res.end(reply)
    }
    if (!contentType.startsWith('application/json')) {
      await readBody(req).catch(() => undefined)
      return refuse(401, "not the SDK's request: content-type must be application/json or multipart/form-data")
    }
    const raw = await readBody(req)
    let parsed: unknown
    try {
      parsed = JSON.parse(raw.toString('utf8') || '{}')
    } catch {
      return refuse(401, 'request body is not JSON')
    }
    if (!isObject(parsed)) return refuse(401, 'request body is not an object')
    const body = parsed
    const denied = verifyAdmin(req, body, secret)
    if (denied) return refuse(401, denied)
    if (options.recordRequests) requests.push(body)
    const action = String(body.action ?? '')
    try {
      if (action.startsWith('database.')) {
        const answer = await gate.run(callerOf(req), () => handleDatabaseAction(store, body, Date.now()))
        return sendJson(res, 200, { requestId, ...answer })
      }
      if (action === 'functions.invokeFunction') {
        let event: unknown
        try {
          event = body.request_data ? JSON.parse(String(body.request_data)) : {}
        } catch {
          event = body.request_data
        }
        const result = await runner.invoke(String(body.function_name), event, { source: 'wx_server' })
        return sendJson(res, 200, { requestId, data: { response_data: JSON.stringify(result ?? null) } })
      }
      if (action === 'storage.getUploadMetadata') {
        const cloudPath = String(body.path ?? '')
        if (!cloudPath || !storage.safe(cloudPath))
          return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'invalid cloudPath' })
        return sendJson(res, 200, { requestId, data: storage.uploadMetadata(cloudPath) })
      }
      if (action === 'storage.batchGetDownloadUrl') {
        const list = downloadListSchema.safeParse(body.file_list ?? [])
        if (!list.success || list.data.length > 50)
          return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'Invalid request param' })
        return sendJson(res, 200, { requestId, data: { download_list: storage.downloadList(list.data) } })
      }
      if (action === 'storage.batchDeleteFile') {
        const list = z.array(z.string()).safeParse(body.fileid_list ?? [])
        if (!list.success) return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'Invalid request param' })
        return sendJson(res, 200, { requestId, data: { delete_list: storage.deleteList(list.data) } })
      }
      return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: `[InvalidParameter] unsupported action ${action}` })
    } catch (error) {
      if (error instanceof CloudError || error instanceof FunctionError) {
        return sendJson(res, 200, { requestId, code: error.code, message: error.message })
      }
      log(`[emulator] ${action} failed: ${(error as Error).stack}`)
      return sendJson(res, 200, { requestId, code: 'SYS_ERR', message: (error as Error).message })
    }
  }

  async function handleGateway(name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req)
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse(raw.toString('utf8') || '{}')
    } catch {
      throw new HttpError(400, 'INPUT.INVALID', 'request body is not JSON')
    }
    const openid = req.headers['x-dev-openid']
    const identity: Identity = typeof openid === 'string' && openid ? { openid, appid } : {}
    const event = { ...payload, userInfo: { appId: appid, ...(identity.openid ? { openId: identity.openid } : {}) } }
    try {
      sendJson(res, 200, await runner.invoke(name, event, identity))
    } catch (error) {
      const code = error instanceof FunctionError ? error.code : 'FUNCTIONS_EXECUTE_FAIL'
      const status = code === 'FUNCTION_NOT_FOUND' ? 404 : code === 'EXCEED_CONCURRENT_REQUEST_LIMIT' ? 429 : 502
      const errCode = error instanceof FunctionError ? error.errCode : -504002
      const text =
        code === 'FUNCTION_NOT_FOUND'
          ? ''
          : code === 'EXCEED_CONCURRENT_REQUEST_LIMIT'
            ? '-501004 exceed concurrent request limit. '
            : 'functions execute fail | '
      sendJson(res, status, { errCode, errMsg: `cloud.callFunction:fail ${text}${(error as Error).message}` })
    }
  }

  async function handleTrigger(fn: string, trigger: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    await readBody(req)
    if (fromBrowser(req)) throw new HttpError(403, 'AUTH.FORBIDDEN', 'cross-site requests are refused: triggers are for the CLI and tests')
    if (!sameSecret(req.headers['x-emulator-secret'], secret)) {
      throw new HttpError(401, 'AUTH.FORBIDDEN', `triggers need this run's secret in x-emulator-secret (see ${secretFile})`)
    }
    try {
      return sendJson(res, 200, { ok: true, result: await runner.fireTrigger(fn, trigger) })
    } catch (error) {
      return sendJson(res, 502, { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } })
    }
  }

  /**
   * The route table: method, exact path or prefix (a trailing `/`), handler. A prefix route gets the rest of the
   * path split on `/` and percent-decoded (a malformed encoding is a 400). First match wins.
   */
  type Route = {
    method: string | string[]
    path: string
    handle: (req: http.IncomingMessage, res: http.ServerResponse, params: string[], url: URL) => Promise<void> | void
  }
  const routes: Route[] = [
    { method: 'POST', path: '/admin', handle: (req, res) => handleAdmin(req, res) },
    {
      method: 'PUT',
      path: '/storage/upload/',
      handle: async (req, res, params) => {
        const cloudPath = params.join('/')
        if (!storage.safe(cloudPath)) throw new HttpError(400, 'INPUT.INVALID', 'bad path')
        storage.write(cloudPath, await readBody(req, 50 * 1024 * 1024))
        res.writeHead(200)
        res.end()
      },
    },
    {
      method: 'GET',
      path: '/storage/files/',
      handle: (_req, res, params) => {
        const cloudPath = params.join('/')
        if (!storage.safe(cloudPath) || !existsSync(storage.filePath(cloudPath))) {
          res.writeHead(404, { 'content-type': 'application/xml' })
          return void res.end(
            '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
          )
        }
        sendFile(res, storage.filePath(cloudPath))
      },
    },
    { method: 'POST', path: '/api/functions/', handle: (req, res, params) => handleGateway(params.join('/'), req, res) },
    { method: 'POST', path: '/api/upload', handle: (req, res, _params, url) => handleGatewayUpload(req, res, url, storage) },
    { method: 'POST', path: '/api/triggers/', handle: (req, res, [fn = '', trigger = '']) => handleTrigger(fn, trigger, req, res) },
    { method: 'GET', path: '/api/counters', handle: (_req, res) => sendJson(res, 200, emulator.counters()) },
    {
      method: 'GET',
      path: '/api/health',
      handle: (_req, res) =>
        sendJson(res, 200, {
          ok: true,
          env: envId,
          profile: profile.name,
          collections: store.collectionNames(),
          functions: runner.list(),
          strictIndexes: store.strictIndexes,
        }),
    },
    {
      method: ['GET', 'HEAD'],
      path: '/',
      handle: (_req, res, params) => {
        const root = options.staticDir ? path.resolve(options.staticDir) : undefined
        if (root) {
          const file = path.resolve(root, '.' + '/' + params.join('/'))
          if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file)
          const index = path.join(root, 'index.html')
          if (existsSync(index)) return sendFile(res, index)
        }
        sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } })
      },
    },
  ]

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = async () => {
      for (const r of routes) {
        if (!(Array.isArray(r.method) ? r.method : [r.method]).includes(req.method ?? '')) continue
        if (r.path.endsWith('/') ? !url.pathname.startsWith(r.path) : url.pathname !== r.path) continue
        const params = r.path.endsWith('/') ? url.pathname.slice(r.path.length).split('/').map(decodeSegment) : []
        return r.handle(req, res, params, url)
      }
      await readBody(req).catch(() => undefined)
      sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } })
    }
    route().catch((error) => {
      const known = error instanceof HttpError
      const status = known ? error.status : 500
      if (!known) log(`[emulator] ${req.method} ${url.pathname}: ${(error as Error).stack}`)
      if (res.headersSent) return void res.end()
      const message = known ? error.message : 'internal error'
      if (url.pathname === '/admin') sendJson(res, status, { code: known ? 'INVALID_PARAM' : 'SYS_ERR', message })
      else sendJson(res, status, { ok: false, error: { code: known ? error.code : 'INTERNAL', message } })
    })
  })
  server.keepAliveTimeout = 5000

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    // A burst of phones opens a connection each: with Node's default listen backlog (511) the kernel's accept queue
    // overflows and some of them are reset (read ECONNRESET) before any function runs, where the cloud's gateway would
    // answer (at worst with -501004). The largest queue the kernel allows (net.core.somaxconn caps it).
    server.listen({ port: options.port ?? 8900, host, backlog: LISTEN_BACKLOG }, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://${host}:${port}`
  const adminUrl = `${baseUrl}/admin`
  runner = new FunctionRunner({
    functionsDir: options.functionsDir ?? path.join(REPO_ROOT, 'dist', 'cloudfunctions'),
    baseEnv: sdkEnvironment(adminUrl, envId, appid, {}, secret),
    appid,
    maxInstancesPerFunction: options.maxInstancesPerFunction,
    threadsPerFunction: options.threadsPerFunction,
    isolatedInstances: profile.isolatedInstances,
    functionConcurrency: profile.functionConcurrency,
    instanceIdleMs: profile.instanceIdleMs,
    onInvoked: options.onInvoked,
    log,
  })
  if (options.timers) runner.startTimers()

  let stopping: Promise<void> | undefined
  const emulator: Emulator = {
    url: baseUrl,
    adminUrl,
    port,
    envId,
    store,
    runner,
    requests,
    profile,
    counters: () => ({
      profile: profile.name,
      db: { ...gate.counters, byFunction: { ...gate.counters.byFunction }, rejections: { ...gate.counters.rejections } },
      functions: { ...runner.stats },
      quotaRejections:
        gate.counters.rejections.requestLimit + gate.counters.rejections.concurrentLimit + runner.stats.concurrencyRejections,
      eventLoop: { p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6 },
    }),
    secret,
    secretFile,
    sdkEnv: (identity?: Identity) => sdkEnvironment(adminUrl, envId, appid, identity, secret),
    invoke: (name, event, identity = {}) =>
      runner.invoke(
        name,
        { ...event, userInfo: { appId: appid, ...(identity.openid ? { openId: identity.openid } : {}) } },
        { appid, ...identity },
      ),
    fireTrigger: (name, trigger) => runner.fireTrigger(name, trigger),
    dump: async (collection) => store.dump(collection),
    stop() {
      stopping ??= (async () => {
        // At once, before anything settles: no call starts an instance any more and the calls still running fail
        // (a caller answered now may call again: it is refused), no request gets in, kept-alive connections close.
        const instancesGone = runner.stop()
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeAllConnections()
        loopDelay.disable()
        await Promise.all([instancesGone, closed])
        store.close()
        if (temporary) rmSync(temporary, { recursive: true, force: true })
      })()
      return stopping
    },
  }
  return emulator
}
