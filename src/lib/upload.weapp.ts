import Taro from '@tarojs/taro'
import type * as Face from './upload'

export const pickPhotos: typeof Face.pickPhotos = async (count) => {
  try {
    const picked = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
    return picked.tempFiles.map((f) => ({ path: f.tempFilePath, name: f.tempFilePath, size: f.size }))
  } catch (e: unknown) {
    if (/cancel/i.test((e as { errMsg?: string } | null)?.errMsg ?? '')) return []
    throw e
  }
}

export const uploadPhoto: typeof Face.uploadPhoto = async (photo, cloudPath) => {
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath: photo.path })
  return res.fileID
}
