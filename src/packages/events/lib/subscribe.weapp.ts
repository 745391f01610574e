import Taro from '@tarojs/taro'

export async function askToBeTold(templateIds: string[]): Promise<void> {
  try {
    await Taro.requestSubscribeMessage({ tmplIds: templateIds.slice(0, 3), entityIds: [] })
  } catch {
    // refused, banned or not configured: the inbox still gets every message
  }
}
