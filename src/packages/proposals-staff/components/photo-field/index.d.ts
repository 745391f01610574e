/** One optional photo for a project progress entry. weapp: choose and upload to cloud storage. H5: a note only. */
export type PhotoFieldProps = { communityId: string; value: string | null; onChange: (fileId: string | null, preview: string | null) => void; preview: string | null }
export default function PhotoField(props: PhotoFieldProps): JSX.Element
