import { Image, View } from '@tarojs/components'
import type { AvatarPickerProps } from '.'
import './index.scss'

/** 网页体验版: WeChat's chooseAvatar does not exist in a browser, so the avatar is shown but not changed here. */
export default function AvatarPicker({ src, fallback }: AvatarPickerProps) {
  return (
    <View className='avatar-picker'>
      {src ? <Image className='avatar-picker__img' src={src} mode='aspectFill' /> : <View className='avatar-picker__img avatar-picker__empty'>{fallback}</View>}
      <View className='yb-small'>网页体验版不能更换头像，请在微信小程序中设置</View>
    </View>
  )
}
