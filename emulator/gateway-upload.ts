/**
 * The local gateway's upload endpoint for the H5 build (as /api/functions is its function endpoint):
 *   POST /api/upload?cloudPath=<path>   body: the file's bytes   →   { fileID }
 * The file lands in this environment's storage exactly where wx.cloud.uploadFile would put it, with the same fileID,
 * so the functions' photo checks treat both alike. Local only — production has no gateway.
 */
import type http from 'node:http'
import type { LocalStorage } from './platform/storage'

const MAX_UPLOAD = 10 * 1024 * 1024

function reply(res: http.ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value))
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
  res.end(body)
}

/** Answers POST /api/upload; false for any other request. */
export async function handleGatewayUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, storage: LocalStorage): Promise<boolean> {
  if (url.pathname !== '/api/upload') return false
  if (req.method !== 'POST') return reply(res, 405, { errCode: -1, errMsg: 'uploadFile:fail use POST' }), true
  const cloudPath = url.searchParams.get('cloudPath') ?? ''
  if (!cloudPath || cloudPath.startsWith('/') || !storage.safe(cloudPath)) return reply(res, 400, { errCode: -1, errMsg: 'uploadFile:fail invalid cloudPath' }), true
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_UPLOAD) return reply(res, 413, { errCode: -1, errMsg: 'uploadFile:fail file too large' }), true
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return reply(res, 400, { errCode: -1, errMsg: 'uploadFile:fail empty file' }), true
  storage.write(cloudPath, Buffer.concat(chunks))
  reply(res, 200, { fileID: storage.fileId(cloudPath), errMsg: 'uploadFile:ok' })
  return true
}
