import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, View } from '@tarojs/components'
import { imageExt, projectPhotoFolder, uploadCloudPath } from 'types/uploads'
import type { PhotoFieldProps } from '.'

export default function PhotoField({ communityId, value, preview, onChange }: PhotoFieldProps) {
  const [busy, setBusy] = useState(false)
  const pick = async () => {
    try {
      const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })
      setBusy(true)
      const file = picked.tempFiles[0]
      const cloudPath = uploadCloudPath(projectPhotoFolder(communityId), imageExt(file.tempFilePath))
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.tempFilePath })
      onChange(res.fileID, file.tempFilePath)
    } catch (e: any) {
      if (!/cancel/i.test(e?.errMsg ?? '')) void Taro.showToast({ title: '照片上传失败', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      {value && preview && <Image src={preview} mode='aspectFill' style='width: 200px; height: 200px; border-radius: 12px' />}
      <Button className='yb-btn' disabled={busy} onClick={value ? () => onChange(null, null) : pick}>
        {busy ? '上传中…' : value ? '去掉照片' : '添加现场照片'}
      </Button>
    </View>
  )
}
