import { useEffect, useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { answerPrivacy, getPrivacyRequest, subscribePrivacy } from '../../lib/privacy'
import './index.scss'

export default function PrivacyPopup() {
  const request = useSyncExternalStore(subscribePrivacy, getPrivacyRequest, getPrivacyRequest)

  useEffect(() => {
    if (request) answerPrivacy('exposed')
  }, [request])

  if (!request) return null
  return (
    <View className='yb-privacy'>
      <View className='yb-privacy__sheet'>
        <Text className='yb-title'>用户隐私保护提示</Text>
        <View className='yb-privacy__text'>
          使用院坝前，请阅读并同意
          <Text className='yb-privacy__link' onClick={() => Taro.openPrivacyContract?.({})}>
            《院坝小程序隐私保护指引》
          </Text>
          。我们只为社区服务收集必要的信息（如昵称、头像），不会用于其他用途。
        </View>
        <View className='yb-privacy__actions'>
          <Button className='yb-btn' onClick={() => answerPrivacy('disagree')}>
            不同意
          </Button>
          <Button
            id='agree-btn'
            className='yb-btn yb-btn--primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy('agree')}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
