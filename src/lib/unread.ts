/**
 * The unread count of 我的消息: one cheap read (proposals.unreadCount), shown as the badge on the 我的 tab and on the
 * 我的消息 row. Taro's setTabBarBadge works the same on weapp and H5 (H5's tab bar listens for it); weapp refuses it
 * from a page that is not a tab page, so a refusal is ignored — the tab pages set it again whenever they show.
 */
import Taro from '@tarojs/taro'
import { callCloud } from './cloud'

const ME_TAB = 1

/** "99+" above 99, as WeChat does. */
export const badgeText = (unread: number): string => (unread > 99 ? '99+' : String(unread))

export function showUnreadBadge(unread: number): void {
  const done = unread > 0 ? Taro.setTabBarBadge({ index: ME_TAB, text: badgeText(unread) }) : Taro.removeTabBarBadge({ index: ME_TAB })
  Promise.resolve(done).catch(() => undefined)
}

/** Reads the count, sets the tab badge, and answers the count (null when it could not be read). */
export async function refreshUnread(): Promise<number | null> {
  const res = await callCloud('proposals', 'unreadCount', {})
  if (!res.ok) return null
  showUnreadBadge(res.data.unread)
  return res.data.unread
}
