/**
 * 添加照片 (one photo) for a child's proposal. weapp: chooseMedia (album or camera, compressed); H5: a file input.
 * Either way uploaded through src/lib/upload; the parent gets a cloud fileID and a path to preview.
 */
export type PickedPhoto = { fileId: string; previewPath: string }
export type PhotoPickerProps = {
  photo: PickedPhoto | null
  onChange: (photo: PickedPhoto | null) => void
  onError: (message: string) => void
}
export default function PhotoPicker(props: PhotoPickerProps): JSX.Element
