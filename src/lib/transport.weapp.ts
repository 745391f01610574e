import Taro from '@tarojs/taro'
import type * as Face from './transport'

export const initTransport: typeof Face.initTransport = () => {
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}

export const send: typeof Face.send = async (name, payload) => {
  try {
    const res = await Taro.cloud.callFunction({ name, data: payload })
    return { kind: 'answer', body: (res as { result?: unknown }).result }
  } catch (err) {
    // wx.cloud rejects with { errCode, errMsg } (e.g. -404011 function not found, -501000 timeout).
    const e = (err ?? {}) as { errCode?: number | string; errMsg?: string; message?: string }
    return { kind: 'failure', message: e.errMsg ?? e.message ?? String(err), errCode: e.errCode }
  }
}
