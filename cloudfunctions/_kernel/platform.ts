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

const METHODS = ['getWXContext', 'database', 'uploadFile', 'getTempFileURL', 'deleteFile'] as const

/**
 * The SDK as the Platform, checked at cold start: the methods the kernel calls are there and so is `openapi` (a
 * function-backed proxy in wx-server-sdk 4).
 * The SDK's own typings leave the database loosely typed, so what the methods answer is described in `sdk.ts` and typed
 * by `data.ts`; this check is what the function can know about it before the first request.
 */
function isPlatform<S extends object>(sdk: S): sdk is S & Platform {
  const openapi: unknown = Reflect.get(sdk, 'openapi')
  return (
    METHODS.every((name) => typeof Reflect.get(sdk, name) === 'function') &&
    (typeof openapi === 'object' || typeof openapi === 'function') &&
    openapi !== null
  )
}

/**
 * `cloud.init` for the environment the function runs in (the SDK's typings say `env` is a string; DYNAMIC_CURRENT_ENV
 * is a symbol), and the SDK seen as the Platform. An SDK without one of the Platform's parts fails here, at cold start,
 * naming what is missing, rather than at the first request that needs it.
 */
export function platformOf<S extends { init(options: object): void; DYNAMIC_CURRENT_ENV: unknown }>(sdk: S): Platform {
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  if (!isPlatform(sdk)) {
    const missing = [...METHODS, 'openapi'].filter((name) => Reflect.get(sdk, name) === undefined)
    throw new Error(`wx-server-sdk lacks what the functions use: ${missing.join(', ') || 'a method of the expected kind'}`)
  }
  return sdk
}
