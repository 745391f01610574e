/**
 * How a cloud-function request leaves the app — one face, two platforms:
 * transport.weapp.ts (Taro.cloud.callFunction) and transport.h5.ts (POST /api/functions/<name>).
 * Taro picks the file for the platform being built; nothing else in src/ knows which one runs.
 */
export type TransportResult =
  /** The function ran and answered this body (expected to be an envelope). */
  | { kind: 'answer'; body: unknown }
  /** The request never produced an answer from the function (offline, gateway error, platform errCode). */
  | { kind: 'failure'; message: string; status?: number; errCode?: number | string }

export function send(name: string, payload: { action: string; input: unknown }): Promise<TransportResult>

/** Once at launch. weapp: wx.cloud.init (env from TARO_APP_CLOUD_ENV, else the default env). H5: nothing. */
export function initTransport(): void
