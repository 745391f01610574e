/**
 * The part of wx-server-sdk the kernel and actions use, described structurally so that only each function's
 * index.ts imports the SDK (and passes `cloud` in). Results are loosely typed, as the SDK's own typings are.
 */
export interface Platform {
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; [key: string]: unknown }
  database(): Db
  openapi: any
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(param: { fileList: (string | { fileID: string; maxAge?: number })[] }): Promise<any> | void
  deleteFile(param: { fileList: string[] }): Promise<any> | void
}

/** wx-server-sdk's Database (query builder chains are left untyped, as in the SDK's own d.ts). */
export type Db = any
