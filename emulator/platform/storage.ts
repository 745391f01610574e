/**
 * Cloud storage, locally: files live under <dataDir>/storage. The SDK asks for upload metadata, then PUTs the bytes to
 * the URL we hand back; temp URLs point back at this server. fileIDs look like the cloud's: cloud://<env>.local/<path>.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export class LocalStorage {
  constructor(
    readonly root: string,
    readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    mkdirSync(root, { recursive: true })
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.local/${cloudPath}`
  }

  /** cloud path from a fileID, or undefined if it is not one of ours / escapes the root. */
  cloudPath(fileId: string): string | undefined {
    const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
    const candidate = match ? match[1] : undefined
    return candidate && this.safe(candidate) ? candidate : undefined
  }

  safe(cloudPath: string): boolean {
    const resolved = path.resolve(this.root, cloudPath)
    return resolved.startsWith(path.resolve(this.root) + path.sep) && !cloudPath.includes('\0')
  }

  filePath(cloudPath: string): string {
    return path.resolve(this.root, cloudPath)
  }

  uploadMetadata(cloudPath: string) {
    const url = `${this.baseUrl()}/storage/upload/${cloudPath}`
    return {
      url,
      token: 'local',
      authorization: 'local',
      fileId: this.fileId(cloudPath),
      cosFileId: 'local',
      download_url: `${this.baseUrl()}/storage/files/${cloudPath}`,
    }
  }

  write(cloudPath: string, bytes: Buffer): void {
    const file = this.filePath(cloudPath)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, bytes)
  }

  read(cloudPath: string): Buffer | undefined {
    const file = this.filePath(cloudPath)
    return existsSync(file) ? readFileSync(file) : undefined
  }

  downloadList(items: Array<{ fileid: string; max_age?: number }>) {
    return items.map((item) => {
      const cloudPath = this.cloudPath(item.fileid)
      if (!cloudPath || !existsSync(this.filePath(cloudPath))) {
        return { fileID: item.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      }
      // Unencoded on purpose: the SDK runs encodeURI on it before downloading.
      const url = `${this.baseUrl()}/storage/files/${cloudPath}`
      return { fileID: item.fileid, tempFileURL: url, download_url: url, code: 'SUCCESS', maxAge: item.max_age ?? 7200 }
    })
  }

  deleteList(fileIds: string[]) {
    return fileIds.map((fileID) => {
      const cloudPath = this.cloudPath(fileID)
      if (!cloudPath || !existsSync(this.filePath(cloudPath))) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
      rmSync(this.filePath(cloudPath))
      return { fileID, code: 'SUCCESS' }
    })
  }
}
