/** Start an emulator (in-memory, strict indexes) and point the real wx-server-sdk in this jest worker at it. */
import path from 'node:path'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator'

export const FIXTURES = path.join(__dirname, '..', 'fixtures')
export const TEST_SCHEMA = path.join(FIXTURES, 'emulator-schema.json')

export interface Harness {
  emu: Emulator
  cloud: any
  db: any
  _: any
}

export async function startWithSdk(options: EmulatorOptions = {}): Promise<Harness> {
  const emu = await startEmulator({ port: 0, schemaFile: TEST_SCHEMA, strictIndexes: true, log: () => {}, ...options })
  Object.assign(process.env, emu.sdkEnv({ openid: 'o-test' }))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  return { emu, cloud, db, _: db.command }
}

/** The rejection of a promise (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail, but it succeeded')
}
