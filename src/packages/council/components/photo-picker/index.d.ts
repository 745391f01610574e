/**
 * 添加照片 (one photo) for a child's proposal. weapp: Taro.chooseMedia (album or camera, compressed) then
 * Taro.cloud.uploadFile. H5: a file input, uploaded to the local cloud's storage the way the SDK does it.
 * Either way the parent gets a cloud fileID and a path to preview.
 */
export type PickedPhoto = { fileId: string; previewPath: string }
export type PhotoPickerProps = {
  photo: PickedPhoto | null
  onChange: (photo: PickedPhoto | null) => void
  onError: (message: string) => void
}
export default function PhotoPicker(props: PhotoPickerProps): JSX.Element
