import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'
import type { Result } from './cloud'
import { getCurrentCommunity } from './current-community'
import { useLoadState } from './use-load-state'

/**
 * A page of one community's data: the community is the page's `communityId` parameter (else the current community);
 * its data is loaded each time the page shows and on pull-down. `onParams` sees the page parameters once, first
 * (e.g. the tab to open). `refresh` reloads in place.
 */
export function useCommunityPage<T>(
  load: (communityId: string) => Promise<Result<T>>,
  onParams?: (params: Record<string, string | undefined>) => void,
) {
  const [state, run] = useLoadState<T>()
  const communityId = useRef('')
  const refresh = () => run(() => load(communityId.current))
  useLoad((params) => {
    communityId.current = params.communityId ?? getCurrentCommunity()?.communityId ?? ''
    onParams?.(params)
  })
  useDidShow(() => {
    void refresh()
  })
  usePullDownRefresh(async () => {
    await refresh()
    Taro.stopPullDownRefresh()
  })
  return { state, refresh, communityId }
}
