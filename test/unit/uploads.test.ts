/** The pure check of a fileID a client hands back (types/uploads.ts). */
import {
  AVATAR_FOLDER,
  COUNCIL_PHOTO_FOLDER,
  imageExt,
  projectPhotoFolder,
  proposalPhotoFolder,
  uploadCloudPath,
  uploadedFileRefusal,
} from '../../types/uploads'

const council = { env: 'prod-1a2b', folder: COUNCIL_PHOTO_FOLDER }

describe('uploadedFileRefusal', () => {
  it('accepts an upload of this environment under the folder, in the cloud’s and the emulator’s shapes', () => {
    expect(uploadedFileRefusal('cloud://prod-1a2b.7072-prod-1a2b-1300000000/council-photos/1-abc.jpg', council)).toBeNull()
    expect(uploadedFileRefusal('cloud://prod-1a2b.local/council-photos/1-abc.jpg', council)).toBeNull()
    expect(uploadedFileRefusal('cloud://x.local/proposals/c1/a.png', { env: null, folder: proposalPhotoFolder('c1') })).toBeNull()
  })
  it('refuses another environment, another folder, a folder only, a path that climbs out, and non-fileIDs', () => {
    expect(uploadedFileRefusal('cloud://test-9z.7072-test-9z-1300000000/council-photos/1.jpg', council)).toMatch(/another environment/)
    expect(uploadedFileRefusal('cloud://prod-1a2b.local/avatars/1.jpg', council)).toMatch(/not under/)
    expect(uploadedFileRefusal('cloud://prod-1a2b.local/council-photos-x/1.jpg', council)).toMatch(/not under/)
    expect(uploadedFileRefusal('cloud://prod-1a2b.local/council-photos/', council)).toMatch(/not a file/)
    expect(uploadedFileRefusal('cloud://prod-1a2b.local/council-photos/../avatars/1.jpg', council)).toMatch(/not a file/)
    expect(uploadedFileRefusal('cloud://prod-1a2b.local/council-photos/a//b.jpg', council)).toMatch(/not a file/)
    expect(uploadedFileRefusal('https://example.com/council-photos/1.jpg', council)).toMatch(/not a cloud fileID/)
    expect(uploadedFileRefusal('cloud://prod-1a2b/council-photos/1.jpg', council)).toMatch(/not a cloud fileID/)
    // one community's folder is not another's
    expect(
      uploadedFileRefusal('cloud://prod-1a2b.local/proposals/c2/a.jpg', { env: 'prod-1a2b', folder: proposalPhotoFolder('c1') }),
    ).toMatch(/not under/)
  })
  it('names fresh upload paths under the folder', () => {
    const path = uploadCloudPath(COUNCIL_PHOTO_FOLDER, imageExt('IMG_1.JPEG'))
    expect(path).toMatch(/^council-photos\/\d+-[a-z0-9]+\.jpeg$/)
    expect(uploadedFileRefusal(`cloud://prod-1a2b.local/${path}`, council)).toBeNull()
    expect(imageExt('wxfile://tmp_abc')).toBe('jpg')
    expect(uploadCloudPath(projectPhotoFolder('c1'), 'png')).toMatch(/^projects\/c1\/\d+-[a-z0-9]+\.png$/)
    expect(uploadCloudPath(AVATAR_FOLDER, 'jpg')).toMatch(/^avatars\/\d+-[a-z0-9]+\.jpg$/)
    expect(
      uploadedFileRefusal('cloud://prod-1a2b.local/proposals/c1/a.jpg', { env: 'prod-1a2b', folder: projectPhotoFolder('c1') }),
    ).toMatch(/not under/)
  })
})
