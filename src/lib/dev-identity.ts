/**
 * H5 only (imported by transport.h5.ts and the H5 identity picker; the weapp build never reaches this file):
 * which demo person the local gateway should treat the browser as. Sent as `X-Dev-Openid`.
 */
import { DEMO_IDENTITIES, type DemoIdentity } from '../../types/demo-identities'

const KEY = 'yuanba.devOpenid'
export const DEFAULT_DEV_OPENID = 'demo-resident'

export function demoIdentities(): readonly DemoIdentity[] {
  return DEMO_IDENTITIES
}

export function currentDevOpenid(): string {
  try {
    const v = window.localStorage.getItem(KEY)
    if (v && DEMO_IDENTITIES.some((d) => d.openid === v)) return v
  } catch {
    // private mode etc.
  }
  return DEFAULT_DEV_OPENID
}

export function setDevOpenid(openid: string): void {
  window.localStorage.setItem(KEY, openid)
}
