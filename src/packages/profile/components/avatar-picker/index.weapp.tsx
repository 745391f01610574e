import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, View } from '@tarojs/components'
import { AVATAR_FOLDER, imageExt, uploadCloudPath } from 'types/uploads'
import type { AvatarPickerProps } from '.'
import './index.scss'

export default function AvatarPicker({ src, fallback, onChosen, onError }: AvatarPickerProps) {
  const [uploading, setUploading] = useState(false)
  const choose = async (e: { detail: { avatarUrl?: string } }) => {
    const path = e.detail.avatarUrl
    if (!path) return
    setUploading(true)
    try {
      const cloudPath = uploadCloudPath(AVATAR_FOLDER, imageExt(path))
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: path })
      onChosen({ fileId: res.fileID, previewPath: path })
    } catch {
      onError('头像上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }
  return (
    <Button className='avatar-picker' openType='chooseAvatar' onChooseAvatar={choose} disabled={uploading}>
      {src ? <Image className='avatar-picker__img' src={src} mode='aspectFill' /> : <View className='avatar-picker__img avatar-picker__empty'>{fallback}</View>}
      <View className='yb-small'>{uploading ? '上传中…' : '点击更换头像'}</View>
    </Button>
  )
}
