/**
 * Up to 3 photos for a proposal. weapp: chooseMedia, then uploads each to cloud storage and reports fileIDs.
 * H5 (网页体验版): shows the photos already attached, cannot add new ones.
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
export default function PhotoPicker(props: PhotoPickerProps): JSX.Element
