import { useState } from 'react'
import { Button, Image, View } from '@tarojs/components'
import { AVATAR_FOLDER, imageExt, uploadCloudPath } from 'types/uploads'
import { pickPhotos, uploadPhoto } from '@/lib/upload'
import type { AvatarPickerProps } from '.'
import './index.scss'

/** 网页体验版: no chooseAvatar in a browser — a photo from the file chooser, uploaded through src/lib/upload. */
export default function AvatarPicker({ src, fallback, onChosen, onError }: AvatarPickerProps) {
  const [uploading, setUploading] = useState(false)
  const choose = async () => {
    try {
      const [photo] = await pickPhotos(1)
      if (!photo) return
      setUploading(true)
      onChosen({ fileId: await uploadPhoto(photo, uploadCloudPath(AVATAR_FOLDER, imageExt(photo.name))), previewPath: photo.path })
    } catch {
      onError('头像上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }
  return (
    <Button className='avatar-picker' onClick={choose} disabled={uploading}>
      {src ? (
        <Image className='avatar-picker__img' src={src} mode='aspectFill' aria-label='头像' />
      ) : (
        <View className='avatar-picker__img avatar-picker__empty'>{fallback}</View>
      )}
      <View className='yb-small'>{uploading ? '上传中…' : '点击更换头像'}</View>
    </Button>
  )
}
