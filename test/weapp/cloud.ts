/**
 * The local cloud for weapp tests: an in-memory emulator in strict index mode running the real function bundles from
 * `npm run build:cloud`, seeded with the demo through the real wx-server-sdk in this jest worker.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator'
import { seedDemo } from '../../scripts/seed-demo'
import { ROOT } from './harness'

export interface Cloud {
  emu: Emulator
  /** wx-server-sdk's database, for assertions on what the app wrote. */
  db: any
  /** wx-server-sdk itself (storage for the weapp harness). */
  sdk: any
  call(fn: string, action: string, input: unknown, openid: string): Promise<any>
  stop(): Promise<void>
}

export async function startCloud(): Promise<Cloud> {
  for (const file of ['dist/weapp/app.js', 'dist/cloudfunctions/communities/index.js']) {
    if (!existsSync(path.join(ROOT, file)))
      throw new Error(`${file} is missing: run \`npm run test:weapp\` (it builds weapp and the function bundles)`)
  }
  const emu = await startEmulator({ port: 0, strictIndexes: true, log: () => {} })
  Object.assign(process.env, emu.sdkEnv({ openid: 'weapp-test-seeder' }))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  await seedDemo(db)
  return {
    emu,
    db,
    sdk: cloud,
    call: (fn, action, input, openid) => emu.invoke(fn, { action, input }, { openid }),
    stop: () => emu.stop(),
  }
}
