/** Cloud storage and mini-program code adapters (the platform calls the actions need, each in one place). */
import type { Context } from './context'

export async function uploadBuffer(ctx: Pick<Context, 'platform'>, cloudPath: string, content: Buffer): Promise<string> {
  const res = await ctx.platform.uploadFile({ cloudPath, fileContent: content })
  return res.fileID
}

/** Temporary https URLs for file ids ('' for a file that is missing). */
export async function tempUrls(ctx: Pick<Context, 'platform'>, fileIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (fileIds.length === 0) return out
  const res = (await ctx.platform.getTempFileURL({ fileList: fileIds.slice(0, 50) })) as { fileList?: { fileID: string; tempFileURL?: string; status?: number }[] }
  for (const item of res?.fileList ?? []) out.set(item.fileID, item.status === 0 || item.status === undefined ? item.tempFileURL ?? '' : '')
  return out
}

/**
 * Delete stored files (cloud.deleteFile, 50 per call). Returns how many are gone — deleted now, or already missing
 * (a second deletion is not an error). Throws on any other failure, so a caller never reports a file gone that is not.
 */
export async function deleteFiles(ctx: Pick<Context, 'platform'>, fileIds: string[]): Promise<number> {
  let gone = 0
  const ids = [...new Set(fileIds.filter(Boolean))]
  for (let i = 0; i < ids.length; i += 50) {
    const res = (await ctx.platform.deleteFile({ fileList: ids.slice(i, i + 50) })) as { fileList?: { fileID: string; status?: number; code?: string; errMsg?: string }[] }
    for (const item of res?.fileList ?? []) {
      const missing = /NONEXIST|not exist/i.test(`${item.code ?? ''} ${item.errMsg ?? ''}`)
      if (item.status === 0 || item.status === undefined || missing) gone++
      else throw new Error(`deleteFile ${item.fileID}: ${item.errMsg ?? item.code ?? item.status}`)
    }
  }
  return gone
}

/**
 * An unlimited mini-program code (wxacode.getUnlimited) as image bytes. `envVersion` comes from the function's
 * environment variable WXACODE_ENV_VERSION (release | trial | develop; default release).
 */
export async function miniProgramCode(
  ctx: Pick<Context, 'platform'>,
  options: { scene: string; page: string; width?: number },
): Promise<{ buffer: Buffer; contentType: string }> {
  const envVersion = process.env.WXACODE_ENV_VERSION ?? 'release'
  const res = await ctx.platform.openapi.wxacode.getUnlimited({
    scene: options.scene,
    page: options.page,
    checkPath: false,
    envVersion,
    width: options.width ?? 430,
  })
  if (!res || !Buffer.isBuffer(res.buffer)) throw new Error(`wxacode.getUnlimited returned no image (${res?.errMsg ?? 'no answer'})`)
  return { buffer: res.buffer, contentType: String(res.contentType ?? 'image/png') }
}
