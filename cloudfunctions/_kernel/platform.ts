/**
 * The part of wx-server-sdk the kernel and actions use, described structurally so that only each function's
 * index.ts imports the SDK (and passes `cloud` in). The database's shape is in `sdk.ts`.
 */
import type { Db } from './sdk'

export interface OpenApi {
  security: { msgSecCheck(param: Record<string, unknown>): Promise<{ result?: { suggest?: string } } & Record<string, unknown>> }
  subscribeMessage: { send(param: Record<string, unknown>): Promise<unknown> }
  wxacode: {
    getUnlimited(param: Record<string, unknown>): Promise<{ buffer?: unknown; contentType?: unknown; errMsg?: string } | undefined>
  }
}

export interface Platform {
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; [key: string]: unknown }
  database(): Db
  openapi: OpenApi
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(param: { fileList: (string | { fileID: string; maxAge?: number })[] }): Promise<unknown> | void
  deleteFile(param: { fileList: string[] }): Promise<unknown> | void
}

export type { Db }
