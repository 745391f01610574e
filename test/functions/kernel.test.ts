/** The kernel's envelope for the unexpected: a platform failure becomes INTERNAL, without a stack, logged server-side. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator'
import { expectError } from './harness'
import { asEnvelope } from './results'

let emu: Emulator
const lines: string[] = []

beforeAll(async () => {
  // Deploy-time mistake: the notices collections were never created.
  const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'database', 'collections.json'), 'utf8'))
  schema.collections = schema.collections.filter((c: any) => !c.name.startsWith('notice'))
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'yuanba-schema-')), 'collections.json')
  writeFileSync(file, JSON.stringify(schema))
  emu = await startEmulator({ port: 0, strictIndexes: true, schemaFile: file, log: (l) => lines.push(l) })
})
afterAll(async () => {
  await emu?.stop()
})

it('a database failure → INTERNAL with a plain message and no stack', async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const res = asEnvelope(await emu.invoke('notices', { action: 'get', input: { noticeId: 'x' } }, { openid: 'demo-resident' }))
    expectError(res, 'INTERNAL')
    expect(JSON.stringify(res)).not.toMatch(/collection|stack|Error:|\.js/i)
  } finally {
    spy.mockRestore()
  }
})
