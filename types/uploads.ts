/**
 * Where the app uploads people's photos in cloud storage, and the pure check of a fileID a client hands back.
 * The front end names its cloud paths from these folders; the server accepts a photo only when its fileID is of this
 * cloud environment and under the folder the action expects (and then checks that the file exists). Plain, no zod:
 * the photo pickers import it.
 */

/** A child's council proposal photo: `council-photos/<time>-<random>.<ext>`. */
export const COUNCIL_PHOTO_FOLDER = 'council-photos/'

/** A resident proposal's photos: `proposals/<communityId>/<time>-<random>.<ext>`. */
export const proposalPhotoFolder = (communityId: string) => `proposals/${communityId}/`

/** A staff project's progress and outcome photos: `projects/<communityId>/<time>-<random>.<ext>`. */
export const projectPhotoFolder = (communityId: string) => `projects/${communityId}/`

/**
 * A profile avatar (from chooseAvatar): `avatars/<time>-<random>.<ext>`. One folder for everyone — the mini-program
 * does not know its own openid, so the path cannot name the owner.
 */
export const AVATAR_FOLDER = 'avatars/'

/** A fresh cloud path under a folder, for an upload from the device (`jpg` when the extension is unknown). */
export const uploadCloudPath = (folder: string, ext: string) => `${folder}${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`

/** The image extension of a file name or path, lower case (`jpg` when it has none we know). */
export const imageExt = (name: string) => (/\.(png|jpe?g|gif|webp)$/i.exec(name)?.[1] ?? 'jpg').toLowerCase()

/**
 * Why a fileID is not an upload of this environment under `folder` — null when it is. A fileID looks like
 * `cloud://<env>.<bucket>/<cloud path>` (locally `cloud://<env>.local/<cloud path>`). `env` unknown (null): only the
 * folder is checked.
 */
export function uploadedFileRefusal(fileId: string, expected: { env: string | null; folder: string }): string | null {
  const match = /^cloud:\/\/([A-Za-z0-9_-]+)\.[A-Za-z0-9._-]+\/(.+)$/.exec(fileId)
  if (!match) return 'not a cloud fileID'
  const [, env, cloudPath] = match
  if (expected.env && env !== expected.env) return `a file of another environment (${env})`
  if (!cloudPath.startsWith(expected.folder)) return `not under ${expected.folder}`
  const rest = cloudPath.slice(expected.folder.length)
  if (rest.length === 0 || rest.split('/').some((part) => part === '' || part === '.' || part === '..')) return 'not a file path'
  return null
}
