import type * as Face from './transport'
import { currentDevOpenid } from './dev-identity'

export const initTransport: typeof Face.initTransport = () => {}

/** H5 talks to the local gateway (`npm start` / the emulator) and acts as the chosen demo identity. */
export const send: typeof Face.send = async (name, payload) => {
  let res: Response
  try {
    res = await fetch(`/api/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-Openid': currentDevOpenid() },
      body: JSON.stringify(payload),
    })
  } catch (err) {
    return { kind: 'failure', message: err instanceof Error ? err.message : String(err) }
  }
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  if (res.ok) return { kind: 'answer', body }
  // A function answer that travels with a non-2xx status is still the function's answer.
  if (body && typeof body === 'object' && typeof (body as { ok?: unknown }).ok === 'boolean') return { kind: 'answer', body }
  const b = (body ?? {}) as { errCode?: number | string; errMsg?: string }
  return { kind: 'failure', status: res.status, errCode: b.errCode, message: b.errMsg ?? `HTTP ${res.status}` }
}
