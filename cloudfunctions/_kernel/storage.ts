/** Cloud storage and mini-program code adapters (the platform calls the actions need, each in one place). */
import { z } from 'zod'
import { uploadedFileRefusal } from '../../types/uploads'
import type { Context } from './context'
import { fail } from './errors'

/** What getTempFileURL and deleteFile answer (the fields read here; anything else is kept out). */
const fileResults = z.object({
  fileList: z
    .array(
      z.object({
        fileID: z.string(),
        tempFileURL: z.string().nullish(),
        status: z.number().nullish(),
        code: z.string().nullish(),
        errMsg: z.string().nullish(),
      }),
    )
    .optional(),
})
const fileListOf = (answer: unknown) => {
  const parsed = fileResults.safeParse(answer ?? {})
  if (!parsed.success) throw new Error(`storage answered in an unknown shape: ${parsed.error.message.slice(0, 200)}`)
  return parsed.data.fileList ?? []
}

export async function uploadBuffer(ctx: Pick<Context, 'platform'>, cloudPath: string, content: Buffer): Promise<string> {
  const res = await ctx.platform.uploadFile({ cloudPath, fileContent: content })
  return res.fileID
}

/** Temporary https URLs for file ids ('' for a file that is missing). */
export async function tempUrls(ctx: Pick<Context, 'platform'>, fileIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (fileIds.length === 0) return out
  for (const item of fileListOf(await ctx.platform.getTempFileURL({ fileList: fileIds.slice(0, 50) })))
    out.set(item.fileID, (item.status ?? 0) === 0 ? (item.tempFileURL ?? '') : '')
  return out
}

/**
 * Photos a client hands back (fileIDs it uploaded): each must be of this cloud environment, under `folder`, and exist
 * in storage. Otherwise PHOTO.NOT_FOUND (with the field path and `message` for the form), before the caller writes
 * anything. The environment is the function's own (getWXContext().ENV); existence is asked of storage with
 * getTempFileURL. The one check for every upload an action takes (council, proposals, projects, avatars).
 */
export async function checkUploadedPhotos(
  ctx: Pick<Context, 'platform'>,
  photos: { fileId: string; path: string }[],
  folder: string,
  message = '照片没有传好，请重新添加',
): Promise<void> {
  if (photos.length === 0) return
  const env = ctx.platform.getWXContext().ENV
  const refuse = (photo: { fileId: string; path: string }, why: string): never =>
    fail('PHOTO.NOT_FOUND', `photo ${photo.fileId}: ${why}`, [{ path: photo.path, code: 'photo', message }])
  for (const photo of photos) {
    const why = uploadedFileRefusal(photo.fileId, { env: typeof env === 'string' && env ? env : null, folder })
    if (why) refuse(photo, why)
  }
  const urls = await tempUrls(
    ctx,
    photos.map((p) => p.fileId),
  )
  for (const photo of photos) if (!urls.get(photo.fileId)) refuse(photo, 'no such file in storage')
}

/**
 * Delete stored files (cloud.deleteFile, 50 per call). Returns how many are gone — deleted now, or already missing
 * (a second deletion is not an error). Throws on any other failure, so a caller never reports a file gone that is not.
 */
export async function deleteFiles(ctx: Pick<Context, 'platform'>, fileIds: string[]): Promise<number> {
  let gone = 0
  const ids = [...new Set(fileIds.filter(Boolean))]
  for (let i = 0; i < ids.length; i += 50) {
    for (const item of fileListOf(await ctx.platform.deleteFile({ fileList: ids.slice(i, i + 50) }))) {
      const missing = /NONEXIST|not exist/i.test(`${item.code ?? ''} ${item.errMsg ?? ''}`)
      if ((item.status ?? 0) === 0 || missing) gone++
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
