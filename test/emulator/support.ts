/** Start an emulator (in-memory, strict indexes) and point the real wx-server-sdk in this jest worker at it. */
import path from 'node:path'
import { z } from 'zod'
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

/**
 * What the fixture functions (test/fixtures/functions/) answer, for reading `emu.invoke`, which resolves with
 * `unknown`: the emulator passes on whatever main() returned (JSON: a key whose value was undefined is absent). Loose
 * objects: keys not named here are kept.
 */
export const ANSWERS = {
  whoami: z.looseObject({
    before: z.unknown().optional(),
    openid: z.unknown().optional(),
    echo: z.unknown().optional(),
    userInfo: z.looseObject({ openId: z.unknown().optional() }),
  }),
  caller: z.looseObject({ errMsg: z.string(), result: z.looseObject({ echo: z.unknown().optional() }) }),
  instanceState: z.looseObject({ instanceId: z.string(), maxConcurrent: z.number(), served: z.number(), seen: z.unknown().optional() }),
  dbcaller: z.looseObject({
    ok: z.boolean(),
    refused: z.number().optional(),
    errCode: z.unknown().optional(),
    errMsg: z.string().optional(),
    errCodes: z.unknown().optional(),
  }),
}
