import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, View } from '@tarojs/components'
import { imageExt, projectPhotoFolder, uploadCloudPath } from 'types/uploads'
import { pickPhotos, uploadPhoto } from '@/lib/upload'

/** One optional photo for a project progress entry, picked and uploaded through src/lib/upload (weapp and H5). */
export type PhotoFieldProps = {
  communityId: string
  value: string | null
  onChange: (fileId: string | null, preview: string | null) => void
  preview: string | null
}

export default function PhotoField({ communityId, value, preview, onChange }: PhotoFieldProps) {
  const [busy, setBusy] = useState(false)
  const pick = async () => {
    try {
      const [photo] = await pickPhotos(1)
      if (!photo) return
      setBusy(true)
      onChange(await uploadPhoto(photo, uploadCloudPath(projectPhotoFolder(communityId), imageExt(photo.name))), photo.path)
    } catch {
      void Taro.showToast({ title: '照片上传失败', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      {value && preview && (
        <Image src={preview} mode='aspectFill' aria-label='现场照片' style='width: 200px; height: 200px; border-radius: 12px' />
      )}
      <Button className='yb-btn' disabled={busy} onClick={value ? () => onChange(null, null) : pick}>
        {busy ? '上传中…' : value ? '去掉照片' : '添加现场照片'}
      </Button>
    </View>
  )
}
