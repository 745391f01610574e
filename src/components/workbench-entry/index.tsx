import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callCloud } from '@/lib/cloud'
import './index.scss'

/** Where the workbench lives (the staff subpackage); linked, never imported. */
export const WORKBENCH_PAGE = '/packages/workbench/pages/index/index'

/**
 * Staff's one way into 工作台, on 首页 and 我的, with the number of to-dos waiting. Renders nothing for anyone who
 * does not manage the community. Small on purpose: it sits in the main package.
 */
export default function WorkbenchEntry({ communityId, canManage = true }: { communityId: string; canManage?: boolean }) {
  const [count, setCount] = useState<number | null>(null)
  const refresh = () => {
    if (!canManage || !communityId) return
    void callCloud('insights', 'todo', { communityId }).then((res) => setCount(res.ok ? res.data.count : null))
  }
  // on mount (the page's show has passed by the time its data renders this) and on every return to the page
  useEffect(refresh, [communityId, canManage])
  useDidShow(refresh)
  if (!canManage || !communityId) return null
  const label = count ? `工作台，${count} 项待办` : '工作台'
  return (
    <View
      className='yb-card yb-row workbench-entry'
      role='button'
      aria-label={label}
      onClick={() => Taro.navigateTo({ url: `${WORKBENCH_PAGE}?communityId=${communityId}` })}
    >
      <View className='yb-title'>🗂 工作台</View>
      <View className='yb-spacer' />
      <Text className='yb-small'>待办 · 数据 · 导出</Text>
      {count ? <Text className='workbench-entry__badge'>{count > 99 ? '99+' : count}</Text> : null}
    </View>
  )
}
