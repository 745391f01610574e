import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { systemFontScale } from './font-scale'

/**
 * 长辈版 (elder mode): body text ≥ 18 pt and tap targets ≥ 60 dp, on a root class + CSS variables (see app.scss).
 * 'auto' follows the WeChat font setting: a large system font turns it on; the scale factor always enlarges text.
 */
export type ElderPreference = 'auto' | 'on' | 'off'
export type ElderState = { preference: ElderPreference; elder: boolean; scale: number }

const KEY = 'yuanba.elder'
/** A system font this much larger than standard switches 'auto' to 长辈版. */
const AUTO_ELDER_SCALE = 1.25
const MAX_SCALE = 1.6

const listeners = new Set<() => void>()
let state: ElderState | null = null

function compute(preference: ElderPreference): ElderState {
  const factor = systemFontScale()
  const scale = Math.round(Math.min(MAX_SCALE, Math.max(1, factor)) * 100) / 100
  const elder = preference === 'on' || (preference === 'auto' && factor >= AUTO_ELDER_SCALE)
  return { preference, elder, scale }
}

function read(): ElderState {
  if (!state) {
    let pref: ElderPreference = 'auto'
    try {
      const v = Taro.getStorageSync(KEY)
      if (v === 'on' || v === 'off') pref = v
    } catch {
      // storage unavailable: follow the system
    }
    state = compute(pref)
  }
  return state
}

export function getElderState(): ElderState {
  return read()
}

export function setElderPreference(preference: ElderPreference): void {
  if (preference === 'auto') Taro.removeStorageSync(KEY)
  else Taro.setStorageSync(KEY, preference)
  state = compute(preference)
  listeners.forEach((l) => l())
}

/** Re-read the system font (it may change while the app is in the background). */
export function refreshElderState(): void {
  const prev = read()
  const next = compute(prev.preference)
  if (next.elder !== prev.elder || next.scale !== prev.scale) {
    state = next
    listeners.forEach((l) => l())
  }
}

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function useElder(): ElderState {
  return useSyncExternalStore(subscribe, read, read)
}
