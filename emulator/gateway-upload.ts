/**
 * The local gateway's upload endpoint for the H5 build (as /api/functions is its function endpoint):
 *   POST /api/upload?cloudPath=<path>   body: the file's bytes   →   { fileID }
 * The file lands in this environment's storage exactly where wx.cloud.uploadFile would put it, with the same fileID,
 * so the functions' photo checks treat both alike. Local only — production has no gateway. The H5 page posts from
 * its own origin; a request another site's page sends (Origin of another host, Sec-Fetch-Site other than
 * same-origin) is refused before anything is read.
 */
import type http from 'node:http'
import type { LocalStorage } from './platform/storage'

const MAX_UPLOAD = 10 * 1024 * 1024

function reply(res: http.ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value))
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
  res.end(body)
}

function crossSite(req: http.IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true
  const origin = req.headers.origin
  if (origin === undefined) return false
  try {
    return new URL(origin).host !== req.headers.host
  } catch {
    return true
  }
}

export async function handleGatewayUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  storage: LocalStorage,
): Promise<void> {
  if (crossSite(req)) return reply(res, 403, { errCode: -1, errMsg: 'uploadFile:fail cross-site requests are refused' })
  const cloudPath = url.searchParams.get('cloudPath') ?? ''
  if (!cloudPath || cloudPath.startsWith('/') || !storage.safe(cloudPath))
    return reply(res, 400, { errCode: -1, errMsg: 'uploadFile:fail invalid cloudPath' })
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_UPLOAD) return reply(res, 413, { errCode: -1, errMsg: 'uploadFile:fail file too large' })
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return reply(res, 400, { errCode: -1, errMsg: 'uploadFile:fail empty file' })
  storage.write(cloudPath, Buffer.concat(chunks))
  reply(res, 200, { fileID: storage.fileId(cloudPath), errMsg: 'uploadFile:ok' })
}
