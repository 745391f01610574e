import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { imageExt, proposalPhotoFolder, uploadCloudPath } from 'types/uploads'
import { pickPhotos, uploadPhoto } from '@/lib/upload'
import './index.scss'

/**
 * Up to `max` photos for a proposal: picked (weapp chooseMedia, H5 a file chooser) and uploaded one by one to the
 * community's proposal folder through src/lib/upload; the parent keeps the fileIDs.
 */
export type PhotoPickerProps = {
  communityId: string
  /** fileIDs already attached */
  value: string[]
  /** preview URLs by fileID (from the server's view), or local paths for new uploads */
  previews: Record<string, string>
  max: number
  onChange: (fileIds: string[], previews: Record<string, string>) => void
  onError: (message: string) => void
}

export default function PhotoPicker({ communityId, value, previews, max, onChange, onError }: PhotoPickerProps) {
  const [busy, setBusy] = useState(false)
  const add = async () => {
    if (busy || value.length >= max) return
    try {
      const picked = await pickPhotos(max - value.length)
      if (picked.length === 0) return
      setBusy(true)
      const ids = [...value]
      const next = { ...previews }
      for (const photo of picked) {
        const fileId = await uploadPhoto(photo, uploadCloudPath(proposalPhotoFolder(communityId), imageExt(photo.name)))
        ids.push(fileId)
        next[fileId] = photo.path
      }
      onChange(ids, next)
    } catch {
      onError('照片上传失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='photo-picker'>
      {value.map((id, i) => (
        <View key={id} className='photo-picker__item'>
          <Image className='photo-picker__img' src={previews[id] ?? ''} mode='aspectFill' aria-label={`照片 ${i + 1}`} />
          <Text
            className='photo-picker__remove'
            aria-role='button'
            aria-label={`删除照片 ${i + 1}`}
            onClick={() =>
              onChange(
                value.filter((x) => x !== id),
                previews,
              )
            }
          >
            删除
          </Text>
        </View>
      ))}
      {value.length < max && (
        <View className='photo-picker__add' aria-role='button' onClick={add}>
          {busy ? '上传中…' : '+ 照片'}
        </View>
      )}
    </View>
  )
}
