/**
 * A call that has changed something, then meets a quota refusal. Nothing of the change can be taken back, and the
 * person's next tap finds it made: a support already recorded (and never counted), a take-back already removed, a
 * notice already read, a proposal already withdrawn (answered "cannot withdraw a withdrawn proposal"). So from the
 * call's first write on, its database asks again by itself instead of ending the call as SYSTEM.BUSY
 * (`cloudfunctions/_kernel/call-db.ts`, 0112). Found on the cloud profile: the 500-resident support race ended with
 * supportCount 301 over 300 records, and a withdrawal racing supports was answered PROPOSAL.INVALID_STATE.
 *
 * The refusal is aimed: a first harness records the action's database requests and picks the one to refuse (the
 * count after its record, or the first read after the change); a second one, on the cloud profile without latency,
 * admits exactly the requests before it within the quota's one-second window, so that one is the first refused.
 * An answer of SYSTEM.BUSY is asked again once the busy second has passed, as the client does; what the person is
 * finally told must be the change, whole.
 */
import { COLLECTIONS } from '../../types/index'
import { addProposal } from './proposals-fixtures'
import { A, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { asEnvelope } from './results'

type Body = Record<string, unknown>

interface Case {
  name: string
  /** state written straight to the database before the call (not through the function, so never refused) */
  setup: (h: Harness, who: string) => Promise<void>
  /** the action, as the person calls it */
  call: { fn: string; action: string; input: () => Record<string, unknown> }
  /** among the action's requests, the index of the one to refuse */
  aim: (requests: Body[]) => number
  /** what must hold once the person has tapped again, given the answer to that tap */
  check: (h: Harness, answer: unknown) => Promise<void>
}

const docs = async (h: Harness, name: string): Promise<Body[]> => h.emu.dump(name)
const writes = (collection: string, text: string) => (body: Body) =>
  body.action === 'database.modifyDocument' && body.collectionName === collection && JSON.stringify(body).includes(text)
const okData = (answer: unknown) => expectOk(asEnvelope(answer))

function supportCase(name: string, supportedBefore: boolean, action: 'support' | 'unsupport'): Case {
  let proposalId = ''
  return {
    name,
    async setup(h, who) {
      proposalId = await addProposal(h, { supportCount: supportedBefore ? 1 : 0 })
      if (supportedBefore)
        await h.db
          .collection(COLLECTIONS.proposalSupports)
          .doc(`${proposalId}_${who}`)
          .set({ data: { proposalId, communityId: A, openid: who, createdAt: new Date() } })
    },
    call: { fn: 'proposals', action, input: () => ({ proposalId }) },
    aim: (requests) => requests.findIndex(writes(COLLECTIONS.proposals, 'supportCount')),
    async check(h, answer) {
      okData(answer)
      const count = (await docs(h, COLLECTIONS.proposals)).find((p) => p._id === proposalId)?.supportCount
      const records = (await docs(h, COLLECTIONS.proposalSupports)).filter((s) => s.proposalId === proposalId)
      expect(count).toBe(records.length)
    },
  }
}

function noticeReadCase(): Case {
  let noticeId = ''
  return {
    name: 'a notice read and its readCount',
    async setup(h) {
      noticeId = await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000), readCount: 0 })
    },
    call: { fn: 'notices', action: 'get', input: () => ({ noticeId }) },
    aim: (requests) => requests.findIndex(writes(COLLECTIONS.notices, 'readCount')),
    async check(h, answer) {
      okData(answer)
      const count = (await docs(h, COLLECTIONS.notices)).find((n) => n._id === noticeId)?.readCount
      const records = (await docs(h, COLLECTIONS.noticeReads)).filter((r) => r.noticeId === noticeId)
      expect(count).toBe(records.length)
    },
  }
}

function withdrawalCase(): Case {
  let proposalId = ''
  return {
    name: 'a withdrawal and the reads that answer it',
    async setup(h, who) {
      proposalId = await addProposal(h, { createdBy: who }) // the caller is its author
    },
    call: { fn: 'proposals', action: 'withdraw', input: () => ({ proposalId }) },
    aim: (requests) => requests.findIndex(writes(COLLECTIONS.proposals, 'withdrawn')) + 1,
    async check(h, answer) {
      expect(okData(answer)).toMatchObject({ status: 'withdrawn' })
      expect((await docs(h, COLLECTIONS.proposals)).find((p) => p._id === proposalId)?.status).toBe('withdrawn')
    },
  }
}

const CASES: (() => Case)[] = [
  () => supportCase('a support (附议) and its supportCount', false, 'support'),
  () => supportCase('a take-back and its supportCount', true, 'unsupport'),
  noticeReadCase,
  withdrawalCase,
]

const tap = (h: Harness, c: Case, who: string) => h.emu.invoke(c.call.fn, { action: c.call.action, input: c.call.input() }, { openid: who })

/** The index of the request to refuse, measured on the default profile. */
async function aimOf(make: () => Case): Promise<number> {
  const h = await startHarness({ recordRequests: true })
  try {
    const c = make()
    const who = uniqueId('test-change')
    await h.addMember(A, who)
    await c.setup(h, who)
    const from = h.emu.requests.length
    okData(await tap(h, c, who))
    const at = c.aim(h.emu.requests.slice(from))
    expect(at).toBeGreaterThan(0) // after at least one request (the change)
    return at
  } finally {
    await h.stop()
  }
}

describe.each(CASES.map((make) => [make().name, make] as const))('%s, refused for quota after the change', (_name, make) => {
  it('is asked again by the function: the person is told the change, and it is whole', async () => {
    const at = await aimOf(make)
    const h = await startHarness({ profile: 'cloud', dbLatency: 0, dbQps: at, functionConcurrency: 50, recordRequests: true })
    try {
      const c = make()
      const who = uniqueId('test-change')
      await h.addMember(A, who)
      await c.setup(h, who)
      // the tap, in a busy second: the quota admits the requests before the aimed one and refuses it
      const first = await tap(h, c, who)
      expect(h.emu.counters().db.rejections.requestLimit).toBeGreaterThan(0)
      // answered SYSTEM.BUSY, the client waits for the busy second to pass and asks again
      const answered = asEnvelope(first)
      const busy = !answered.ok && answered.error.code === 'SYSTEM.BUSY'
      if (busy) h.emu.profile.dbQps = Number.POSITIVE_INFINITY
      await c.check(h, busy ? await h.call(c.call.fn, c.call.action, c.call.input(), who) : first)
    } finally {
      await h.stop()
    }
  }, 120_000)
})
