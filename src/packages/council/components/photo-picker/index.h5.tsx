import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { PhotoPickerProps } from '.'
import { PHOTO_MAX_BYTES, PhotoNote, PhotoPreview, photoCloudPath, photoExt } from './shared'

/**
 * 网页体验版: the local cloud's storage, in the SDK's two steps — ask for the upload address and the fileID
 * (`storage.getUploadMetadata`), then PUT the bytes there. Same origin as the page, so only the path is used.
 */
async function upload(file: File): Promise<string> {
  const cloudPath = photoCloudPath(photoExt(file.name))
  const meta = await fetch('/admin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'storage.getUploadMetadata', path: cloudPath }),
  }).then((r) => r.json() as Promise<{ code?: string; data?: { url: string; fileId: string } }>)
  if (!meta.data?.url || !meta.data.fileId) throw new Error(meta.code ?? 'no upload address')
  const put = await fetch(new URL(meta.data.url, window.location.href).pathname, { method: 'PUT', body: file })
  if (!put.ok) throw new Error(`upload failed: HTTP ${put.status}`)
  return meta.data.fileId
}

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
      onChange({ fileId: await upload(file), previewPath: URL.createObjectURL(file) })
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
