import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { PhotoPickerProps } from '.'
import { uploadPhoto } from '@/lib/upload'
import { PHOTO_MAX_BYTES, PhotoNote, PhotoPreview, photoCloudPath, photoExt } from './shared'

export default function PhotoPicker({ photo, onChange, onError }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const chosen = async (file: File | undefined) => {
    if (input.current) input.current.value = '' // choosing the same file again fires change again
    if (!file) return
    if (!file.type.startsWith('image/')) return onError('只能添加照片哦')
    if (file.size > PHOTO_MAX_BYTES) return onError('照片太大了，换一张吧')
    setUploading(true)
    try {
      // A visible file input (not pickPhotos) so the label is the control: the chooser opens from it directly.
      const photo = { path: URL.createObjectURL(file), name: file.name, size: file.size, file }
      onChange({ fileId: await uploadPhoto(photo, photoCloudPath(photoExt(file.name))), previewPath: photo.path })
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
        <label className={`yb-btn photo-picker__add council-photo-add${uploading ? ' photo-picker__add--busy' : ''}`}>
          {uploading ? '正在上传…' : '📷 添加照片'}
          <input
            ref={input}
            className='photo-picker__file council-photo-file'
            type='file'
            accept='image/*'
            disabled={uploading}
            onChange={(e) => chosen(e.currentTarget.files?.[0])}
          />
        </label>
      )}
      <PhotoNote />
    </View>
  )
}
