import Taro from '@tarojs/taro'

/** The community this device is looking at, remembered across launches. Names are cached for a quick first paint. */
export type CurrentCommunity = { communityId: string; name: string; code: string }

const KEY = 'yuanba.currentCommunity'

export function getCurrentCommunity(): CurrentCommunity | null {
  try {
    const v = Taro.getStorageSync(KEY) as CurrentCommunity | ''
    return v && typeof v === 'object' && typeof v.communityId === 'string' ? v : null
  } catch {
    return null
  }
}

export function setCurrentCommunity(c: CurrentCommunity): void {
  Taro.setStorageSync(KEY, { communityId: c.communityId, name: c.name, code: c.code })
}

export function clearCurrentCommunity(): void {
  Taro.removeStorageSync(KEY)
}
