import { View } from '@tarojs/components'
import type { PhotoFieldProps } from '.'

export default function PhotoField(_props: PhotoFieldProps) {
  return <View className='yb-small'>网页体验版不能上传照片，请在微信小程序中添加</View>
}
