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

/**
 * `cloud.init` for the environment the function runs in, and the SDK seen as the Platform. The SDK's own typings say
 * `env` is a string (DYNAMIC_CURRENT_ENV is a symbol) and leave the database loosely typed, so this is the one place
 * that vouches for the SDK's shape.
 */
export function platformOf(sdk: { init(options: object): void; DYNAMIC_CURRENT_ENV: unknown }): Platform {
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  return sdk as unknown as Platform
}
