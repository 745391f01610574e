/**
 * @jest-environment node
 *
 * The H5 side of src/lib/upload: the local gateway's `POST /api/upload` (emulator/gateway-upload.ts) puts the bytes
 * where wx.cloud.uploadFile would and answers the same fileID, so a proposal with a photo uploaded from the browser
 * passes the function's photo check exactly like one from the phone; bad paths are refused and nothing is written.
 */
import { DEMO_COMMUNITIES } from '../../types/demo-identities'
import { startCloud, type Cloud } from './cloud'
import { COLLECTIONS } from '../../types/collections'
import { docsOf } from '../functions/results'

const A = DEMO_COMMUNITIES.zhizijie.communityId
let cloud: Cloud
beforeAll(async () => {
  cloud = await startCloud()
})
afterAll(async () => cloud?.stop())

const upload = (cloudPath: string, body: Blob | string) =>
  fetch(`${cloud.emu.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body,
  })

test('an upload lands in storage under its cloud path and answers the fileID the SDK would', async () => {
  const bytes = Buffer.from('h5-photo-bytes')
  const cloudPath = `proposals/${A}/h5-${Date.now()}.png`
  const res = await upload(cloudPath, new Blob([new Uint8Array(bytes)]))
  expect(res.status).toBe(200)
  const { fileID } = (await res.json()) as { fileID: string }
  expect(fileID).toBe(`cloud://${cloud.emu.envId}.local/${cloudPath}`)
  const stored = await fetch(`${cloud.emu.url}/storage/files/${cloudPath}`)
  expect(Buffer.from(await stored.arrayBuffer()).equals(bytes)).toBe(true)

  // the proposals function accepts it as one of this environment's uploads in the community's folder
  const submitted = await cloud.call(
    'proposals',
    'submit',
    {
      communityId: A,
      title: '网页上传的照片',
      description: '网页体验版也能给建议配照片了，这里试一张。',
      category: '环境卫生',
      photos: [fileID],
    },
    'demo-resident',
  )
  expect(submitted.ok).toBe(true)
  const doc = (await docsOf(cloud.emu, COLLECTIONS.proposals)).find((p) => p.title === '网页上传的照片')!
  expect(doc.photos).toEqual([fileID])
})

test('paths outside storage, absolute paths, empty bodies and other sites are refused', async () => {
  for (const bad of ['../escape.png', '/etc/passwd', '']) {
    const res = await upload(bad, 'x')
    expect(res.status).toBe(400)
  }
  expect((await upload(`proposals/${A}/empty.png`, '')).status).toBe(400)
  // another site's page cannot write into storage
  const forged = await fetch(`${cloud.emu.url}/api/upload?cloudPath=${encodeURIComponent(`proposals/${A}/forged.png`)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
    body: 'x',
  })
  expect(forged.status).toBe(403)
  expect((await fetch(`${cloud.emu.url}/storage/files/proposals/${A}/forged.png`)).status).toBe(404)
})
