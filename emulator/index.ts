/**
 * The local WeChat cloud. One HTTP server on loopback:
 *   POST /admin                      what wx-server-sdk sends (database.*, functions.invokeFunction, storage.*, wx.openApi)
 *   PUT  /storage/upload/<path>      the upload's second hop;  GET /storage/files/<path>  temp URLs
 *   POST /api/functions/<name>       local gateway for the H5 build: {action, input} → the function's result;
 *                                    the caller's openid comes from the X-Dev-Openid header (local only)
 *   POST /api/triggers/<fn>/<name>   fire a timer trigger by hand
 *   GET  /api/health                 liveness and what is loaded
 *   GET  /*                          the H5 build (staticDir), index.html for unknown paths
 * Functions reach it because the runner starts every instance with TCB_CONTEXT_CNFG pointing here; production code
 * never knows. Nothing under cloudfunctions/ imports this folder.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import busboy from 'busboy'
import { CloudError } from './db/errors'
import { handleDatabaseAction } from './db/protocol'
import { Store } from './db/store'
import type { IndexDeclaration } from './db/indexes'
import { FunctionError, FunctionRunner, type Identity } from './functions/runner'
import { DEFAULT_CONTENT_WORDS, OUTBOX, handleOpenApi, type ContentCheckWords } from './platform/openapi'
import { LocalStorage } from './platform/storage'
import { handleGatewayUpload } from './gateway-upload'

export const REPO_ROOT = path.resolve(__dirname, '..')

export interface EmulatorOptions {
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
  requests: Array<Record<string, any>>
  /** Environment that points a wx-server-sdk in this process (or a child) at the emulator, as `identity`. */
  sdkEnv(identity?: Identity): Record<string, string>
  /** Call a function as `identity` (as if from the mini-program). Resolves with what main() returned. */
  invoke(name: string, event: Record<string, unknown>, identity?: Identity): Promise<any>
  fireTrigger(name: string, trigger: string): Promise<any>
  dump(collection: string): Promise<any[]>
  stop(): Promise<void>
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

export function sdkEnvironment(adminUrl: string, envId: string, appid: string, identity: Identity = {}): Record<string, string> {
  const env: Record<string, string> = {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    SILENCE: 'true',
  }
  const keys: string[] = []
  if (identity.openid) (env.WX_OPENID = identity.openid), keys.push('WX_OPENID')
  if (identity.openid || identity.appid) (env.WX_APPID = identity.appid ?? appid), keys.push('WX_APPID')
  if (identity.unionid) (env.WX_UNIONID = identity.unionid), keys.push('WX_UNIONID')
  env.WX_CONTEXT_KEYS = keys.join(',')
  return env
}

const MAX_BODY = 6 * 1024 * 1024

function readBody(req: http.IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function readMultipart(req: http.IncomingMessage): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, Buffer> = {}
    const parser = busboy({ headers: req.headers, limits: { fileSize: MAX_BODY, fieldSize: MAX_BODY } })
    parser.on('field', (name, value) => (fields[name] = Buffer.from(value, 'utf8')))
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

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value))
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
  res.end(body)
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
}

function sendFile(res: http.ServerResponse, file: string): void {
  res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': statSync(file).size })
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
  const requests: Array<Record<string, any>> = []
  let runner!: FunctionRunner

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = `local-${Date.now().toString(16)}-${Math.random().toString(16).slice(2, 10)}`
    const contentType = String(req.headers['content-type'] ?? '')
    if (contentType.startsWith('multipart/form-data')) {
      const fields = await readMultipart(req)
      const action = fields.action?.toString('utf8')
      if (options.recordRequests) requests.push({ action, apiName: fields.apiName?.toString('utf8') })
      if (action !== 'wx.openApi') return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: `unsupported multipart action ${action}` })
      const reply = await handleOpenApi(fields.apiName?.toString('utf8') ?? '', fields.requestData ?? Buffer.alloc(0), {
        store, words, h5BaseUrl: baseUrl, now: Date.now,
      })
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': reply.length })
      return void res.end(reply)
    }
    let body: Record<string, any>
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}')
    } catch {
      return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'request body is not JSON' })
    }
    if (options.recordRequests) requests.push(body)
    const action = String(body.action ?? '')
    try {
      if (action.startsWith('database.')) {
        return sendJson(res, 200, { requestId, ...handleDatabaseAction(store, body, Date.now()) })
      }
      if (action === 'functions.invokeFunction') {
        let event: unknown
        try {
          event = body.request_data ? JSON.parse(body.request_data) : {}
        } catch {
          event = body.request_data
        }
        const result = await runner.invoke(String(body.function_name), event, { source: 'wx_server' })
        return sendJson(res, 200, { requestId, data: { response_data: JSON.stringify(result ?? null) } })
      }
      if (action === 'storage.getUploadMetadata') {
        const cloudPath = String(body.path ?? '')
        if (!cloudPath || !storage.safe(cloudPath)) return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'invalid cloudPath' })
        return sendJson(res, 200, { requestId, data: storage.uploadMetadata(cloudPath) })
      }
      if (action === 'storage.batchGetDownloadUrl') {
        const list = body.file_list ?? []
        if (list.length > 50) return sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message: 'Invalid request param' })
        return sendJson(res, 200, { requestId, data: { download_list: storage.downloadList(list) } })
      }
      if (action === 'storage.batchDeleteFile') {
        return sendJson(res, 200, { requestId, data: { delete_list: storage.deleteList(body.fileid_list ?? []) } })
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
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse((await readBody(req)).toString('utf8') || '{}')
    } catch {
      return sendJson(res, 400, { errCode: -1, errMsg: 'cloud.callFunction:fail request body is not JSON' })
    }
    const openid = req.headers['x-dev-openid']
    const identity: Identity = typeof openid === 'string' && openid ? { openid, appid } : {}
    const event = { ...payload, userInfo: { appId: appid, ...(identity.openid ? { openId: identity.openid } : {}) } }
    try {
      sendJson(res, 200, await runner.invoke(name, event, identity))
    } catch (error) {
      const notFound = error instanceof FunctionError && error.code === 'FUNCTION_NOT_FOUND'
      sendJson(res, notFound ? 404 : 502, {
        errCode: notFound ? -501000 : -504002,
        errMsg: `cloud.callFunction:fail ${notFound ? '' : 'functions execute fail | '}${(error as Error).message}`,
      })
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = async () => {
      if (req.method === 'POST' && url.pathname === '/admin') return handleAdmin(req, res)
      if (req.method === 'PUT' && url.pathname.startsWith('/storage/upload/')) {
        const cloudPath = decodeURIComponent(url.pathname.slice('/storage/upload/'.length))
        if (!storage.safe(cloudPath)) return sendJson(res, 400, { error: 'bad path' })
        storage.write(cloudPath, await readBody(req, 50 * 1024 * 1024))
        res.writeHead(200)
        return void res.end()
      }
      if (req.method === 'GET' && url.pathname.startsWith('/storage/files/')) {
        const cloudPath = decodeURIComponent(url.pathname.slice('/storage/files/'.length))
        if (!storage.safe(cloudPath) || !existsSync(storage.filePath(cloudPath))) {
          res.writeHead(404, { 'content-type': 'application/xml' })
          return void res.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>')
        }
        return sendFile(res, storage.filePath(cloudPath))
      }
      if (await handleGatewayUpload(req, res, url, storage)) return
      if (req.method === 'POST' && url.pathname.startsWith('/api/functions/')) {
        return handleGateway(decodeURIComponent(url.pathname.slice('/api/functions/'.length)), req, res)
      }
      if (req.method === 'POST' && url.pathname.startsWith('/api/triggers/')) {
        const [fn, trigger] = url.pathname.slice('/api/triggers/'.length).split('/').map(decodeURIComponent)
        try {
          return sendJson(res, 200, { ok: true, result: await runner.fireTrigger(fn, trigger) })
        } catch (error) {
          return sendJson(res, 502, { ok: false, error: (error as Error).message })
        }
      }
      if (req.method === 'GET' && url.pathname === '/api/health') {
        return sendJson(res, 200, { ok: true, env: envId, collections: store.collectionNames(), functions: runner.list(), strictIndexes: store.strictIndexes })
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && options.staticDir) {
        const root = path.resolve(options.staticDir)
        const file = path.resolve(root, '.' + decodeURIComponent(url.pathname))
        if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file)
        const index = path.join(root, 'index.html')
        if (existsSync(index)) return sendFile(res, index)
      }
      sendJson(res, 404, { error: 'not found' })
    }
    route().catch((error) => {
      const status = (error as any).status ?? 500
      if (status >= 500) log(`[emulator] ${req.method} ${url.pathname}: ${(error as Error).stack}`)
      if (!res.headersSent) sendJson(res, status, { error: (error as Error).message })
      else res.end()
    })
  })
  server.keepAliveTimeout = 5000

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8900, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://${host}:${port}`
  const adminUrl = `${baseUrl}/admin`
  runner = new FunctionRunner({
    functionsDir: options.functionsDir ?? path.join(REPO_ROOT, 'dist', 'cloudfunctions'),
    baseEnv: sdkEnvironment(adminUrl, envId, appid),
    appid,
    maxInstancesPerFunction: options.maxInstancesPerFunction,
    threadsPerFunction: options.threadsPerFunction,
    onInvoked: options.onInvoked,
    log,
  })
  if (options.timers) runner.startTimers()

  return {
    url: baseUrl,
    adminUrl,
    port,
    envId,
    store,
    runner,
    requests,
    sdkEnv: (identity?: Identity) => sdkEnvironment(adminUrl, envId, appid, identity),
    invoke: (name, event, identity = {}) =>
      runner.invoke(name, { ...event, userInfo: { appId: appid, ...(identity.openid ? { openId: identity.openid } : {}) } }, { appid, ...identity }),
    fireTrigger: (name, trigger) => runner.fireTrigger(name, trigger),
    dump: async (collection) => store.dump(collection),
    async stop() {
      await runner.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      })
      store.close()
      if (temporary) rmSync(temporary, { recursive: true, force: true })
    },
  }
}
