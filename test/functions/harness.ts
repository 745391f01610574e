/**
 * Function-test harness: an in-memory emulator in strict index mode, the real wx-server-sdk in this jest worker
 * pointed at it (signing with the run's secret, emu.sdkEnv), the demo seeded, plus a few test-only people and a third
 * community. EMULATOR_PROFILE=cloud runs the same tests on the cloud profile (an isolate per instance, database
 * latency, quotas); EMULATOR_DB_LATENCY, EMULATOR_DB_QPS, … override its knobs (emulator/profile.ts profileFromEnv).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator'
import { FunctionError } from '../../emulator/functions/runner'
import { profileFromEnv } from '../../emulator/profile'
import { COLLECTIONS, DEMO_COMMUNITIES, type Envelope, type ErrorCode, type MembershipDoc, type NoticeDoc } from '../../types/index'
import { seedDemo } from '../../scripts/seed-demo'
import { asEnvelope } from './results'

export const A = DEMO_COMMUNITIES.zhizijie.communityId
export const B = DEMO_COMMUNITIES.xinhua.communityId
/** A third community for join cases (so joining never changes anyone's standing in A or B). */
export const C = 'test-community-c'
export const C_CODE = 'testc'

export const PERSONAS = {
  none: undefined,
  residentA: 'demo-resident',
  residentB: 'test-resident-xinhua',
  staffA: 'demo-staff',
  staffB: 'demo-staff-xinhua',
  admin: 'demo-admin',
} as const
export type Persona = keyof typeof PERSONAS
export const SIGNED_IN: Exclude<Persona, 'none'>[] = ['residentA', 'residentB', 'staffA', 'staffB', 'admin']

export interface Harness {
  emu: Emulator
  db: any
  _: any
  call(fn: string, action: string, input?: unknown, openid?: string): Promise<Envelope<any>>
  /** Calls the platform refused for the function's concurrency (cloud profile) and `call` retried, as the client does. */
  refusedCalls: number
  /** `SYSTEM.BUSY` answers (a quota refusal inside the function) that `call` waited out and asked again, as the client does. */
  busyAnswers: number
  as(persona: Persona): (fn: string, action: string, input?: unknown) => Promise<Envelope<any>>
  /** Every collection's documents, for "nothing was written" assertions. */
  snapshot(): Promise<Record<string, unknown[]>>
  addMember(communityId: string, openid: string, role?: MembershipDoc['role']): Promise<void>
  addNotice(fields: Partial<NoticeDoc> & { communityId: string }): Promise<string>
  stop(): Promise<void>
}

let counter = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`

/** `overrides`: emulator options over the environment's profile (a file that needs its own quota, say). */
export async function startHarness(overrides: EmulatorOptions = {}): Promise<Harness> {
  for (const fn of ['communities', 'notices']) {
    if (!existsSync(path.join(__dirname, '..', '..', 'dist', 'cloudfunctions', fn, 'index.js'))) {
      throw new Error('dist/cloudfunctions is missing: run `npm run build:cloud` first (npm run test:node does)')
    }
  }
  const emu = await startEmulator({ port: 0, strictIndexes: true, log: () => {}, ...profileFromEnv(), ...overrides })
  Object.assign(process.env, emu.sdkEnv({ openid: 'test-seeder' }))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  await seedDemo(db)

  const now = new Date()
  await db
    .collection(COLLECTIONS.communities)
    .doc(C)
    .set({
      data: {
        code: C_CODE,
        name: '测试社区',
        district: '武侯区',
        street: '玉林街道',
        memberCount: 0,
        posterFileId: null,
        createdAt: now,
        updatedAt: now,
      },
    })
  const person = (openid: string, nickname: string) =>
    db
      .collection(COLLECTIONS.people)
      .doc(openid)
      .set({
        data: { nickname, avatarFileId: null, isDistrictAdmin: false, isChild: false, createdAt: now, updatedAt: now },
      })

  /**
   * On the cloud profile a call over the function's concurrency is refused before the function runs (the cloud's
   * EXCEED_CONCURRENT_REQUEST_LIMIT); the mini-program client backs off and calls again, and so does the harness.
   */
  const invoke = async (fn: string, event: Record<string, unknown>, identity: { openid?: string }) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return asEnvelope(await emu.invoke(fn, event, identity))
      } catch (error) {
        if (!(error instanceof FunctionError && error.code === 'EXCEED_CONCURRENT_REQUEST_LIMIT') || attempt >= 5000) throw error
        h.refusedCalls++
        // exponential backoff with jitter, capped at 1 s (a burst of hundreds retrying every few ms starves the machine)
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * Math.min(1000, 20 * 2 ** Math.min(attempt, 6))))
      }
    }
  }
  /**
   * `SYSTEM.BUSY` means the platform refused a request for quota and nothing was done: the client (src/lib/cloud.ts)
   * waits the answer's `retryAfterMs`, growing ×1.5 with jitter, for up to 60 s behind 排队中, and asks again; so does
   * the harness, so a test sees what a person would see.
   */
  const asClient = async (fn: string, event: Record<string, unknown>, identity: { openid?: string }) => {
    let waited = 0
    for (let attempt = 1; ; attempt++) {
      const answer = await invoke(fn, event, identity)
      if (answer.ok || answer.error.code !== 'SYSTEM.BUSY' || waited >= 60_000) return answer
      h.busyAnswers++
      const hint = answer.error.retryAfterMs ?? 1000
      const wait = Math.min(60_000 - waited, Math.min(8_000, hint * 1.5 ** (attempt - 1)) * (0.75 + 0.5 * Math.random()))
      await new Promise((resolve) => setTimeout(resolve, wait))
      waited += wait
    }
  }
  const h: Harness = {
    emu,
    db,
    _: db.command,
    refusedCalls: 0,
    busyAnswers: 0,
    call: (fn, action, input, openid) => asClient(fn, input === undefined ? { action } : { action, input }, openid ? { openid } : {}),
    as: (persona) => (fn, action, input) => h.call(fn, action, input, PERSONAS[persona]),
    async snapshot() {
      const out: Record<string, unknown[]> = {}
      for (const name of Object.values(COLLECTIONS)) out[name] = await emu.dump(name)
      return out
    },
    async addMember(communityId, openid, role = 'resident') {
      await person(openid, `成员${openid.slice(-4)}`)
      await db
        .collection(COLLECTIONS.memberships)
        .doc(`${communityId}_${openid}`)
        .set({
          data: { communityId, openid, role, joinedAt: now, createdAt: now, updatedAt: now },
        })
    },
    async addNotice(fields) {
      const id = fields._id ?? unique('test-notice')
      const { _id, ...rest } = fields
      await db
        .collection(COLLECTIONS.notices)
        .doc(id)
        .set({
          data: {
            title: '测试通知',
            body: '测试正文',
            category: '通知',
            pinned: false,
            status: 'draft',
            publishAt: null,
            expiresAt: null,
            moderation: 'pass',
            readCount: 0,
            createdBy: 'demo-staff',
            updatedBy: 'demo-staff',
            createdAt: now,
            updatedAt: now,
            ...rest,
          },
        })
      return id
    },
    stop: () => emu.stop(),
  }
  await h.addMember(B, PERSONAS.residentB)
  return h
}

export const uniqueId = unique

/** Assert success and that `data` matches the contract's output schema; returns data. */
export function expectOk<T extends z.ZodType>(res: Envelope<unknown>, schema?: T): z.infer<T> {
  if (!res || res.ok !== true) throw new Error(`expected ok, got ${JSON.stringify(res)}`)
  if (schema) {
    const parsed = schema.safeParse(res.data)
    if (!parsed.success)
      throw new Error(`output does not match the contract: ${JSON.stringify(parsed.error.issues)}\n${JSON.stringify(res.data)}`)
  }
  return res.data as z.infer<T>
}

export function expectError(res: Envelope<unknown>, code: ErrorCode): void {
  if (!res || res.ok !== false || res.error.code !== code) throw new Error(`expected ${code}, got ${JSON.stringify(res)}`)
  expect(typeof res.error.message).toBe('string')
  expect(JSON.stringify(res)).not.toMatch(/\bat .+:\d+:\d+/) // never a stack trace
}

export const outcome = (res: Envelope<unknown>): string =>
  res && res.ok === true ? 'ok' : res && res.ok === false ? res.error.code : `malformed: ${JSON.stringify(res)}`
