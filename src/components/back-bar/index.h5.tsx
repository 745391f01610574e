import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import './index.scss'

const TAB_PAGES = ['pages/home/index', 'pages/me/index']

/**
 * ‹ 返回 on every page but the two tab pages. A page opened directly (a shared link: nothing to go back to) offers
 * 首页 instead, so nobody is stuck on a sub-page without a way out.
 */
export default function BackBar() {
  const path = (Taro.getCurrentInstance().router?.path ?? '').replace(/^\//, '').split('?')[0]
  if (path === '' || TAB_PAGES.includes(path)) return null
  const canGoBack = Taro.getCurrentPages().length > 1
  const go = () => (canGoBack ? Taro.navigateBack() : Taro.switchTab({ url: '/pages/home/index' }))
  return (
    <View className='yb-back' role='button' aria-label={canGoBack ? '返回上一页' : '回到首页'} onClick={go}>
      <Text className='yb-back__arrow'>‹</Text>
      <Text>{canGoBack ? '返回' : '首页'}</Text>
    </View>
  )
}
