import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { imageExt, proposalPhotoFolder, uploadCloudPath } from 'types/uploads'
import type { PhotoPickerProps } from '.'
import './index.scss'

export default function PhotoPicker({ communityId, value, previews, max, onChange, onError }: PhotoPickerProps) {
  const [busy, setBusy] = useState(false)
  const add = async () => {
    if (busy || value.length >= max) return
    try {
      const picked = await Taro.chooseMedia({ count: max - value.length, mediaType: ['image'], sizeType: ['compressed'] })
      setBusy(true)
      const ids = [...value]
      const next = { ...previews }
      for (const file of picked.tempFiles) {
        const cloudPath = uploadCloudPath(proposalPhotoFolder(communityId), imageExt(file.tempFilePath))
        const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.tempFilePath })
        ids.push(res.fileID)
        next[res.fileID] = file.tempFilePath
      }
      onChange(ids, next)
    } catch (e: any) {
      if (!/cancel/i.test(e?.errMsg ?? '')) onError('照片上传失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='photo-picker'>
      {value.map((id) => (
        <View key={id} className='photo-picker__item'>
          <Image className='photo-picker__img' src={previews[id] ?? ''} mode='aspectFill' />
          <Text className='photo-picker__remove' onClick={() => onChange(value.filter((x) => x !== id), previews)}>
            删除
          </Text>
        </View>
      ))}
      {value.length < max && (
        <View className='photo-picker__add' onClick={add}>
          {busy ? '上传中…' : '+ 照片'}
        </View>
      )}
    </View>
  )
}
