import { useState } from 'react'
import { Button, Image, View } from '@tarojs/components'
import { AVATAR_FOLDER, imageExt, uploadCloudPath } from 'types/uploads'
import { uploadPhoto } from '@/lib/upload'
import type { AvatarPickerProps } from '.'
import './index.scss'

export default function AvatarPicker({ src, fallback, onChosen, onError }: AvatarPickerProps) {
  const [uploading, setUploading] = useState(false)
  const choose = async (e: { detail: { avatarUrl?: string } }) => {
    const path = e.detail.avatarUrl
    if (!path) return
    setUploading(true)
    try {
      const fileId = await uploadPhoto({ path, name: path, size: 0 }, uploadCloudPath(AVATAR_FOLDER, imageExt(path)))
      onChosen({ fileId, previewPath: path })
    } catch {
      onError('头像上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }
  return (
    <Button className='avatar-picker' openType='chooseAvatar' onChooseAvatar={choose} disabled={uploading}>
      {src ? (
        <Image className='avatar-picker__img' src={src} mode='aspectFill' aria-label='头像' />
      ) : (
        <View className='avatar-picker__img avatar-picker__empty'>{fallback}</View>
      )}
      <View className='yb-small'>{uploading ? '上传中…' : '点击更换头像'}</View>
    </Button>
  )
}
