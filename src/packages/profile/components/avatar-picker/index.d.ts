/**
 * The avatar control of the profile form. weapp: `<Button open-type="chooseAvatar">` (never getUserProfile); H5: the
 * browser's file chooser. Either way the image goes to cloud storage through src/lib/upload and its fileID is reported.
 */
export type AvatarPickerProps = {
  /** what to show now: a temporary URL or a local path */
  src: string | null
  fallback: string
  onChosen: (chosen: { fileId: string; previewPath: string }) => void
  onError: (message: string) => void
}
export default function AvatarPicker(props: AvatarPickerProps): JSX.Element
