import type * as Face from './upload'

/** A file input opened from the tap that asked for it; `cancel` (the chooser closed) answers []. */
export const pickPhotos: typeof Face.pickPhotos = (count) =>
  new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.multiple = count > 1
    input.style.display = 'none'
    const done = (files: File[]) => {
      input.remove()
      resolve(files.slice(0, count).map((file) => ({ path: URL.createObjectURL(file), name: file.name, size: file.size, file })))
    }
    input.addEventListener('change', () => done(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })

/** The H5 build's cloud is the local gateway (as for function calls): the bytes in one request, the fileID back. */
export const uploadPhoto: typeof Face.uploadPhoto = async (photo, cloudPath) => {
  const body: Blob = photo.file ? photo.file : await (await fetch(photo.path)).blob()
  const res = await fetch(`/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'Content-Type': body.type || 'application/octet-stream' },
    body,
  })
  const answer = (await res.json().catch(() => ({}))) as { fileID?: string; errMsg?: string }
  if (!res.ok || !answer.fileID) throw new Error(answer.errMsg ?? `upload failed: HTTP ${res.status}`)
  return answer.fileID
}
