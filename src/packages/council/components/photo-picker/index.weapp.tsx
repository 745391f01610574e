import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { PhotoPickerProps } from '.'
import { PHOTO_MAX_BYTES, PhotoNote, PhotoPreview, photoCloudPath, photoExt } from './shared'

export default function PhotoPicker({ photo, onChange, onError }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false)
  const choose = async () => {
    let path: string
    let size: number
    try {
      const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      ;({ tempFilePath: path, size } = picked.tempFiles[0])
    } catch {
      return // cancelled
    }
    if (size > PHOTO_MAX_BYTES) return onError('照片太大了，换一张吧')
    setUploading(true)
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: photoCloudPath(photoExt(path)), filePath: path })
      onChange({ fileId: res.fileID, previewPath: path })
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
