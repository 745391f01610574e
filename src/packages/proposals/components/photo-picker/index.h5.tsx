import { Image, View } from '@tarojs/components'
import type { PhotoPickerProps } from '.'
import './index.scss'

export default function PhotoPicker({ value, previews }: PhotoPickerProps) {
  return (
    <View>
      {value.length > 0 && (
        <View className='photo-picker'>
          {value.map((id) => (
            <View key={id} className='photo-picker__item'>
              <Image className='photo-picker__img' src={previews[id] ?? ''} mode='aspectFill' />
            </View>
          ))}
        </View>
      )}
      <View className='yb-small'>网页体验版不能上传照片，请在微信小程序中添加</View>
    </View>
  )
}
