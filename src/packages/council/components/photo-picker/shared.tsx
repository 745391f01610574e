import { Button, Image, View } from '@tarojs/components'
import type { PickedPhoto } from '.'
import './index.scss'

/** Photos of children's ideas: under 10 MB, one per proposal, under one folder of cloud storage. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024
export const photoCloudPath = (ext: string) => `council-photos/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`
export const photoExt = (name: string) => (/\.(png|jpe?g|gif|webp)$/i.exec(name)?.[1] ?? 'jpg').toLowerCase()

/** Who sees the photo, in words a child reads; and the preview with 不要这张. */
export function PhotoNote() {
  return <View className='yb-small photo-picker__note'>照片会先给社区的大人看，看过以后别人才能看到。不要拍人的脸哦。</View>
}

export function PhotoPreview({ photo, onRemove }: { photo: PickedPhoto; onRemove: () => void }) {
  return (
    <View className='photo-picker__preview council-photo-preview'>
      <Image className='photo-picker__img' src={photo.previewPath} mode='aspectFill' />
      <Button className='yb-btn photo-picker__remove council-photo-remove' onClick={onRemove}>
        ✖ 不要这张
      </Button>
    </View>
  )
}
