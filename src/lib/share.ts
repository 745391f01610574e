/**
 * Share cards (转发给朋友 / 群, and 朋友圈 where WeChat allows it): the same page, in the same community, for
 * someone who may never have joined — the page shows them its public part and a join button (SharedPreview).
 * Taro's hooks are no-ops on H5; on weapp the page config also sets enableShareAppMessage / enableShareTimeline.
 */
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'

export type ShareCard = { title: string; path: string } | null

/** `card()` is read when the person taps 转发, so it always describes what the page shows now. */
export function useShare(card: () => ShareCard): void {
  useShareAppMessage(() => {
    const c = card()
    return c ? { title: c.title, path: c.path } : { title: '院坝 · 社区参与', path: '/pages/home/index' }
  })
  // 朋友圈 opens the page with `query` (no path): the page's own parameters. Offered only where the page config
  // sets enableShareTimeline (public content: notices, events, proposals, projects).
  useShareTimeline(() => {
    const c = card()
    return c ? { title: c.title, query: c.path.split('?')[1] ?? '' } : { title: '院坝 · 社区参与' }
  })
}

/** The path of a shared page, carrying its community (a non-member lands on the same community). */
export const sharePath = (page: string, params: Record<string, string>): string =>
  `${page}?${Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`
