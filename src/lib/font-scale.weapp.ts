import Taro from '@tarojs/taro'
import type * as Face from './font-scale'

export const systemFontScale: typeof Face.systemFontScale = () => {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined
    if (info?.fontSizeScaleFactor && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor
    // Older base libraries: fontSizeSetting is the px size of standard text (16 = standard).
    if (info?.fontSizeSetting && info.fontSizeSetting > 0) return info.fontSizeSetting / 16
  } catch {
    // not available: standard size
  }
  return 1
}
