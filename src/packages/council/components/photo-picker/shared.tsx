import { Button, Image, View } from '@tarojs/components'
import { COUNCIL_PHOTO_FOLDER, imageExt, uploadCloudPath } from 'types/uploads'
import type { PickedPhoto } from '.'
import './index.scss'

/** Photos of children's ideas: under 10 MB, one per proposal, under the one folder the server accepts them from. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024
export const photoCloudPath = (ext: string) => uploadCloudPath(COUNCIL_PHOTO_FOLDER, ext)
export const photoExt = imageExt

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
