/**
 * The avatar control of the profile form. weapp: `<Button open-type="chooseAvatar">` (never getUserProfile), uploads
 * the chosen image to cloud storage and reports its fileID. H5: shows the current avatar only.
 */
export type AvatarPickerProps = {
  /** what to show now: a temporary URL or a local path */
  src: string | null
  fallback: string
  onChosen: (chosen: { fileId: string; previewPath: string }) => void
  onError: (message: string) => void
}
export default function AvatarPicker(props: AvatarPickerProps): JSX.Element
