/**
 * A count that completes a record — a support (附议) and its count, a take-back and its count, a notice read and its
 * count — refused for quota between the two requests. The function must ask again for the count rather than answer
 * SYSTEM.BUSY: the person's next tap finds the record (or finds it gone) and cannot tell that the count was never made.
 * Found on the cloud profile: the 500-resident support race ended with supportCount 301 over 300 records.
 *
 * The refusal is aimed: a first harness records which request of the action is the count; a second one, on the cloud
 * profile without latency, admits exactly the requests before it within the quota's one-second window, so the count
 * is the first request refused. Then the busy second passes and the person taps again.
 */
import { COLLECTIONS } from '../../types/index'
import { addProposal } from './proposals-fixtures'
import { A, expectOk, startHarness, uniqueId, type Harness } from './harness'

interface Case {
  name: string
  /** the collection holding the counter, its document, the counter field */
  counter: (h: Harness) => Promise<number>
  records: (h: Harness) => Promise<number>
  /** state written straight to the database before the call (not through the function, so never refused) */
  setup: (h: Harness, who: string) => Promise<void>
  call: (h: Harness, who: string) => Promise<unknown>
  /** one call as it is answered, SYSTEM.BUSY included (no client retry) */
  tap: (h: Harness, who: string) => Promise<unknown>
  /** the request that writes the count */
  isCount: (body: Record<string, unknown>) => boolean
}

const dump = async (h: Harness, name: string): Promise<Record<string, unknown>[]> => h.emu.dump(name)
const countWrite = (collection: string, field: string) => (body: Record<string, unknown>) =>
  body.action === 'database.modifyDocument' && body.collectionName === collection && JSON.stringify(body).includes(field)

function supportCase(name: string, supportedBefore: boolean, action: 'support' | 'unsupport'): Case {
  let proposalId = ''
  return {
    name,
    counter: async (h) => Number((await dump(h, COLLECTIONS.proposals)).find((p) => p._id === proposalId)?.supportCount),
    records: async (h) => (await dump(h, COLLECTIONS.proposalSupports)).filter((s) => s.proposalId === proposalId).length,
    async setup(h, who) {
      proposalId = await addProposal(h, { supportCount: supportedBefore ? 1 : 0 })
      if (supportedBefore)
        await h.db
          .collection(COLLECTIONS.proposalSupports)
          .doc(`${proposalId}_${who}`)
          .set({ data: { proposalId, communityId: A, openid: who, createdAt: new Date() } })
    },
    call: async (h, who) => expectOk(await h.call('proposals', action, { proposalId }, who)),
    tap: (h, who) => h.emu.invoke('proposals', { action, input: { proposalId } }, { openid: who }),
    isCount: countWrite(COLLECTIONS.proposals, 'supportCount'),
  }
}

function noticeReadCase(): Case {
  let noticeId = ''
  return {
    name: 'a notice read and its readCount',
    counter: async (h) => Number((await dump(h, COLLECTIONS.notices)).find((n) => n._id === noticeId)?.readCount),
    records: async (h) => (await dump(h, COLLECTIONS.noticeReads)).filter((r) => r.noticeId === noticeId).length,
    async setup(h) {
      noticeId = await h.addNotice({ communityId: A, status: 'published', publishAt: new Date(Date.now() - 60_000), readCount: 0 })
    },
    call: async (h, who) => expectOk(await h.call('notices', 'get', { noticeId }, who)),
    tap: (h, who) => h.emu.invoke('notices', { action: 'get', input: { noticeId } }, { openid: who }),
    isCount: countWrite(COLLECTIONS.notices, 'readCount'),
  }
}

const CASES: (() => Case)[] = [
  () => supportCase('a support (附议) and its supportCount', false, 'support'),
  () => supportCase('a take-back and its supportCount', true, 'unsupport'),
  noticeReadCase,
]

/** How many of the action's database requests come before its count (measured on the default profile). */
async function requestsBeforeCount(make: () => Case): Promise<number> {
  const h = await startHarness({ recordRequests: true })
  try {
    const c = make()
    const who = uniqueId('test-count')
    await h.addMember(A, who)
    await c.setup(h, who)
    const from = h.emu.requests.length
    await c.call(h, who)
    const during = h.emu.requests.slice(from)
    const at = during.findIndex(c.isCount)
    expect(at).toBeGreaterThan(0) // the count is written, after at least the record
    return at
  } finally {
    await h.stop()
  }
}

describe.each(CASES.map((make) => [make().name, make] as const))('%s, the count refused for quota', (_name, make) => {
  it('is asked again by the function: the count equals the records once the person taps again', async () => {
    const before = await requestsBeforeCount(make)
    const h = await startHarness({ profile: 'cloud', dbLatency: 0, dbQps: before, functionConcurrency: 50, recordRequests: true })
    try {
      const c = make()
      const who = uniqueId('test-count')
      await h.addMember(A, who)
      await c.setup(h, who)
      // the first tap, in a busy second: the quota admits the requests before the count and refuses the count
      const from = h.emu.requests.length
      await c.tap(h, who)
      expect(h.emu.counters().db.rejections.requestLimit).toBeGreaterThan(0)
      expect(h.emu.requests.slice(from).some(c.isCount)).toBe(true)
      // the busy second passes; the person taps again (the client waits out SYSTEM.BUSY by itself)
      h.emu.profile.dbQps = Number.POSITIVE_INFINITY
      await c.call(h, who)
      expect(await c.counter(h)).toBe(await c.records(h))
    } finally {
      await h.stop()
    }
  }, 120_000)
})
