/**
 * Photos from the phone (or the browser) into the cloud environment's storage — one face, two platforms:
 * upload.weapp.ts (wx.chooseMedia, wx.cloud.uploadFile) and upload.h5.ts (a file input, the local gateway's
 * `POST /api/upload`). Pickers name the cloud path (types/uploads) and keep the fileID; the functions check it.
 */
export type LocalPhoto = {
  /** weapp: the temp file path WeChat gave; H5: an object URL. Either previews in <Image>. */
  path: string
  /** the file's name, for its extension (types/uploads imageExt) */
  name: string
  size: number
  /** H5 only: the picked file's bytes. */
  file?: Blob
}

/** Let the person pick up to `count` photos (album or camera). [] when they cancel. */
export function pickPhotos(count: number): Promise<LocalPhoto[]>

/** Upload into storage at `cloudPath`; resolves with the fileID (`cloud://…`). */
export function uploadPhoto(photo: LocalPhoto, cloudPath: string): Promise<string>
