/** Platform calls through the real SDK: content check, subscribe messages, mini-program codes, cloud storage. */
import { failure, startWithSdk, type Harness } from './support'

let h: Harness
beforeAll(async () => {
  h = await startWithSdk({ contentCheck: { risky: ['赌博'], review: ['加微信'] } })
})
afterAll(async () => {
  await h.emu.stop()
})

const check = (content: string) => h.cloud.openapi.security.msgSecCheck({ version: 2, openid: 'o1', scene: 2, content })

test('msgSecCheck v2 answers pass / review / risky from the configured word lists', async () => {
  const pass = await check('周六上午在院坝里一起打扫卫生')
  expect(pass.result).toEqual({ suggest: 'pass', label: 100 })
  expect(pass.errCode).toBe(0)
  expect((await check('有事加微信聊')).result.suggest).toBe('review')
  const risky = await check('楼下有人聚众赌博')
  expect(risky.result.suggest).toBe('risky')
  expect(risky.result.label).not.toBe(100)
})

test('msgSecCheck v1 fails risky text with 87014', async () => {
  const error = await failure(h.cloud.openapi.security.msgSecCheck({ content: '赌博' }))
  expect(error.errCode).toBe(87014)
})

test('subscribeMessage.send lands in the outbox; field limits are enforced (47003)', async () => {
  const sent = await h.cloud.openapi.subscribeMessage.send({
    touser: 'demo-resident',
    templateId: 'TPL_SIGNUP_OK',
    page: 'pages/home/index',
    data: { thing1: { value: '暑期课堂：科学小实验' }, phrase2: { value: '已录取' }, time3: { value: '2026-07-01 09:00' } },
  })
  expect(sent.errCode).toBe(0)
  const outbox = h.emu.store.dump('outbox')
  expect(outbox).toHaveLength(1)
  expect(outbox[0]).toMatchObject({ touser: 'demo-resident', templateId: 'TPL_SIGNUP_OK', data: { phrase2: { value: '已录取' } } })
  const tooLong = await failure(
    h.cloud.openapi.subscribeMessage.send({
      touser: 'demo-resident',
      templateId: 'T',
      data: { thing1: { value: '这是一个超过二十个字的活动标题用来测试字段长度限制' } },
    }),
  )
  expect(tooLong.errCode).toBe(47003)
  const phrase = await failure(
    h.cloud.openapi.subscribeMessage.send({ touser: 'x', templateId: 'T', data: { phrase1: { value: '候补中ok' } } }),
  )
  expect(phrase.errCode).toBe(47003)
  expect(h.emu.store.dump('outbox')).toHaveLength(1)
})

test('wxacode.getUnlimited returns a real PNG; a scene over 32 characters is refused', async () => {
  const code = await h.cloud.openapi.wxacode.getUnlimited({ scene: 'c=zhizijie', page: 'pages/home/index', checkPath: false })
  expect(code.errCode).toBe(0)
  expect(Buffer.isBuffer(code.buffer)).toBe(true)
  expect(code.buffer.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  const error = await failure(h.cloud.openapi.wxacode.getUnlimited({ scene: 'c=' + 'x'.repeat(31) }))
  expect(error.errCode).toBe(40169)
  const percent = await failure(h.cloud.openapi.wxacode.getUnlimited({ scene: 'c=%E6%A0%80' }))
  expect(percent.errCode).toBe(40169)
})

test('storage: upload, temp URL, download, delete', async () => {
  const content = Buffer.from('报名表 export')
  const up = await h.cloud.uploadFile({ cloudPath: 'exports/2026/list.xlsx', fileContent: content })
  expect(up.fileID).toMatch(/^cloud:\/\/.+\/exports\/2026\/list\.xlsx$/)
  const { fileList } = await h.cloud.getTempFileURL({ fileList: [up.fileID] })
  expect(fileList[0].status).toBe(0)
  const fetched = await fetch(fileList[0].tempFileURL)
  expect(Buffer.from(await fetched.arrayBuffer())).toEqual(content)
  const down = await h.cloud.downloadFile({ fileID: up.fileID })
  expect(down.fileContent).toEqual(content)
  const del = await h.cloud.deleteFile({ fileList: [up.fileID] })
  expect(del.fileList[0].status).toBe(0)
  const missing = await h.cloud.getTempFileURL({ fileList: [up.fileID] })
  expect(missing.fileList[0].status).toBe(-503003)
  await expect(h.cloud.downloadFile({ fileID: up.fileID })).rejects.toBeTruthy()
})
