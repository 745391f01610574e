/**
 * The emulator's doors. A developer's browser can reach 127.0.0.1, so any web page open in it can send "simple"
 * cross-site requests (a text/plain or form POST) to the emulator. The doors that change data therefore take only
 * what a browser page cannot forge:
 *
 *   POST /admin    the request shape the real wx-server-sdk sends, signed as it signs every request
 *                  (TC3-HMAC-SHA256 over method, URL, the signed headers and every body field, keyed by
 *                  TENCENTCLOUD_SECRETKEY) with this run's secret. The runner gives the secret to every function
 *                  instance through the environment the SDK reads its credentials from, so the SDK is unmodified;
 *                  it is also written to `<dataDir>/admin-secret` (mode 0600) for local tools and tests.
 *   POST /api/triggers/*   the secret in `x-emulator-secret` (the CLI's `trigger` command reads the file).
 *
 * Any request that carries a browser's `Origin` or `Sec-Fetch-Site` header is refused on both before anything else:
 * the SDK never sends them. See docs/decisions/0008.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, writeFileSync } from 'node:fs'
import type http from 'node:http'

export interface AdminSecret {
  TENCENTCLOUD_SECRETID: string
  TENCENTCLOUD_SECRETKEY: string
}

export const SECRET_FILE = 'admin-secret'

export function newSecret(): AdminSecret {
  return { TENCENTCLOUD_SECRETID: 'AKIDyuanbalocal', TENCENTCLOUD_SECRETKEY: randomBytes(24).toString('hex') }
}

export function writeSecret(file: string, secret: AdminSecret): void {
  writeFileSync(file, JSON.stringify(secret, null, 2) + '\n', { mode: 0o600 })
  chmodSync(file, 0o600) // an existing file keeps its mode on write
}

/**
 * A request from a web page: browsers add Origin to every cross-site POST (and Sec-Fetch-Site to everything they
 * send). Node's fetch sends neither Origin nor Sec-Fetch-Site (only Sec-Fetch-Mode), nor does the SDK.
 */
export function fromBrowser(req: http.IncomingMessage): boolean {
  return req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined
}

export function sameSecret(given: unknown, secret: AdminSecret): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret.TENCENTCLOUD_SECRETKEY)
  return a.length === b.length && timingSafeEqual(a, b)
}

// ---- TC3-HMAC-SHA256 as @cloudbase/signature-nodejs 2.2.0 computes it for tcb requests (lib/signer.js tc3sign) ----

const camSafe = (s: string) =>
  encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A')
const stringify = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))
const sorted = (keys: string[]) => [...keys].sort((l, r) => l.localeCompare(r))
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

function formatHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue
    const k = camSafe(key.toLowerCase().trim())
    if (k === 'content-type') out[k] = String(value).startsWith('multipart/form-data') ? 'multipart/form-data' : String(value)
    else out[k] = stringify(value).trim().toLowerCase()
  }
  return out
}

function paramsHash(params: Record<string, unknown>, multipart: boolean): string {
  const formatted: Record<string, string | Buffer> = {}
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue
    formatted[camSafe(key.toLowerCase().trim())] = multipart && Buffer.isBuffer(value) ? value : stringify(value).trim()
  }
  const hash = createHash('sha256')
  for (const key of sorted(Object.keys(formatted))) {
    const value = formatted[key]
    if (!value || value.length === 0) continue
    hash.update(`&${key}=`)
    hash.update(value)
    hash.update('\r\n')
  }
  return hash.digest('hex')
}

/** The signature the SDK computes for a POST of `params` to `url` with `headers`, at `timestamp` (seconds). */
export function signature(
  secretKey: string,
  url: string,
  headers: Record<string, unknown>,
  params: Record<string, unknown>,
  timestamp: number,
) {
  const h = formatHeaders(headers)
  const signedHeaders = sorted(Object.keys(h))
  const canonicalHeaders = signedHeaders.map((k) => `${k}:${h[k]}`).join('\n') + '\n'
  const [base, query = ''] = url.replace(/^https?:/, '').split('?')
  const multipart = (h['content-type'] ?? '').startsWith('multipart/form-data')
  const canonical = `post\n${base}\n${query}\n${canonicalHeaders}\n${signedHeaders.join(';')}\n${paramsHash(params, multipart)}`
  const date = new Date(timestamp * 1000).toISOString().split('T')[0]
  const scope = `${date}/tcb/tc3_request`
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), 'tcb'), 'tc3_request')
  return { signature: createHmac('sha256', signing).update(toSign).digest('hex'), scope, signedHeaders }
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/([^,\s]+),(?: SignedParams=[^,]*,)? SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/
/** How far the signing clock may be from ours (the SDK says its signature expires after 600 s). */
const MAX_SKEW_S = 600

/**
 * Why a /admin request is not the SDK's, signed with this run's secret — or undefined if it is.
 * `params` is the body as the SDK sent it (JSON fields, or multipart fields with files as Buffers).
 */
export function verifyAdmin(
  req: http.IncomingMessage,
  params: Record<string, unknown>,
  secret: AdminSecret,
  now = Date.now(),
): string | undefined {
  const match = AUTHORIZATION.exec(String(req.headers.authorization ?? ''))
  if (!match) return 'missing or malformed authorization'
  const [, secretId, scope, signedHeaderList, given] = match
  if (secretId !== secret.TENCENTCLOUD_SECRETID) return 'unknown secret id'
  const timestamp = Number(req.headers['x-timestamp'])
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > MAX_SKEW_S) return 'signature expired'
  const names = signedHeaderList.split(';')
  if (!names.includes('host') || !names.includes('content-type')) return 'host and content-type must be signed'
  const headers: Record<string, unknown> = {}
  for (const name of names) headers[name] = req.headers[name]
  const expected = signature(secret.TENCENTCLOUD_SECRETKEY, `http://${req.headers.host}${req.url}`, headers, params, timestamp)
  if (expected.scope !== scope) return 'credential scope does not match'
  const a = Buffer.from(expected.signature)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b) ? undefined : 'signature mismatch'
}

/**
 * POST a raw body to /admin signed as the SDK signs it — for tests and tools that speak the protocol directly
 * (the SDK itself needs nothing: it signs with TENCENTCLOUD_SECRETKEY from its environment).
 */
export interface AdminAnswer {
  requestId?: string
  /** set on the cloud's error answers */
  code?: string
  message?: string
  transactionId?: string
  data?: { total?: number; list?: string[]; [key: string]: unknown }
}

export async function adminRequest(adminUrl: string, secret: AdminSecret, body: Record<string, unknown>): Promise<AdminAnswer> {
  const url = `${adminUrl}?env=${encodeURIComponent(String(body.envName ?? ''))}&seqId=${Date.now().toString(16)}_raw`
  const timestamp = Math.floor(Date.now() / 1000) - 1
  const headers = { 'content-type': 'application/json', host: new URL(adminUrl).host, 'user-agent': 'yuanba-admin-request' }
  const signed = signature(secret.TENCENTCLOUD_SECRETKEY, url, headers, body, timestamp)
  const authorization = `TC3-HMAC-SHA256 Credential=${secret.TENCENTCLOUD_SECRETID}/${signed.scope}, SignedHeaders=${signed.signedHeaders.join(';')}, Signature=${signed.signature}`
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': headers['content-type'],
      'user-agent': headers['user-agent'],
      authorization,
      'x-timestamp': String(timestamp),
    },
    body: JSON.stringify(body),
  })
  return (await res.json()) as AdminAnswer
}
