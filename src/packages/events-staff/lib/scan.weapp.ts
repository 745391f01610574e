import Taro from '@tarojs/taro'

export const canScan = true

export async function scanTicket(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.result ?? null
  } catch {
    return null // cancelled
  }
}
