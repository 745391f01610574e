import { useState } from 'react'
import { Button, View } from '@tarojs/components'
import type { PhotoPickerProps } from '.'
import { pickPhotos, uploadPhoto } from '@/lib/upload'
import { PHOTO_MAX_BYTES, PhotoNote, PhotoPreview, photoCloudPath, photoExt } from './shared'

export default function PhotoPicker({ photo, onChange, onError }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false)
  const choose = async () => {
    let picked
    try {
      ;[picked] = await pickPhotos(1)
    } catch {
      return
    }
    if (!picked) return // cancelled
    if (picked.size > PHOTO_MAX_BYTES) return onError('照片太大了，换一张吧')
    setUploading(true)
    try {
      onChange({ fileId: await uploadPhoto(picked, photoCloudPath(photoExt(picked.name))), previewPath: picked.path })
    } catch {
      onError('照片没传上去，再试一次')
    } finally {
      setUploading(false)
    }
  }
  return (
    <View className='photo-picker'>
      {photo ? (
        <PhotoPreview photo={photo} onRemove={() => onChange(null)} />
      ) : (
        <Button className='yb-btn photo-picker__add council-photo-add' disabled={uploading} onClick={choose}>
          {uploading ? '正在上传…' : '📷 添加照片'}
        </Button>
      )}
      <PhotoNote />
    </View>
  )
}
