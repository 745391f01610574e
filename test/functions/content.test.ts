/**
 * Every text another person reads is checked, structurally: the fields are enumerated from the contract's marks
 * (`shownText`, types/text.ts), and each one, on its own path (a valid call from the CASES table as a persona who may
 * make it), refuses a risky word with CONTENT.RISKY and writes nothing, and handles a review word as its contract
 * entry declares — `refuse`: CONTENT.REVIEW, nothing written; `hold`: saved out of sight (`moderation: 'review'`) or
 * refused for this caller with CONTENT.REVIEW. The emulator's msgSecCheck: 赌博 is risky, 加微信 goes to review.
 */
import { COLLECTIONS, DEFAULT_PROPOSAL_CATEGORIES, contract, textFieldsOf, type TextMark } from '../../types/index'
import { CASES } from './cases'
import { A, expectError, outcome, startHarness, type Harness, type Persona } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

type Fn = keyof typeof CASES
const FIELDS = (Object.keys(CASES) as Fn[]).flatMap((fn) =>
  Object.entries(contract[fn] as Record<string, { input: any; review?: 'refuse' | 'hold' }>).flatMap(([action, entry]) =>
    textFieldsOf(entry.input)
      .filter((f) => f.mark.audience === 'others')
      .map((f) => ({ fn, action, path: f.path, mark: f.mark, review: entry.review ?? 'refuse' })),
  ),
)

/** A text of the field's length bounds that contains `word`. */
function fit(word: string, mark: TextMark): string {
  const s = `有人${word}`
  return (s.length >= mark.min ? s : s.padEnd(mark.min, '。')).slice(0, mark.max)
}

/** input with the field at `path` (`tags.*` → the first element) set to `value`. */
function withField(input: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const [key, rest] = path.split('.')
  if (rest === '*') {
    const list = Array.isArray(input[key]) ? [...(input[key] as unknown[])] : []
    list[0] = value
    return { ...input, [key]: list }
  }
  return { ...input, [key]: value }
}

const PREFERRED: Exclude<Persona, 'none'>[] = ['staffA', 'residentA', 'admin', 'residentB']
function personaFor(fn: Fn, action: string): Exclude<Persona, 'none'> {
  const expect = CASES[fn][action].expect
  const persona = PREFERRED.find((p) => expect[p] === 'ok')
  if (!persona) throw new Error(`${fn}.${action}: no persona may call it`)
  return persona
}

/** Documents added or changed between two snapshots. */
function written(before: Record<string, unknown[]>, after: Record<string, unknown[]>): any[] {
  const out: any[] = []
  for (const [name, docs] of Object.entries(after)) {
    const old = new Set((before[name] ?? []).map((d) => JSON.stringify(d)))
    for (const d of docs) if (!old.has(JSON.stringify(d))) out.push(d)
  }
  return out
}

it('the marked fields include every text the issue names (reasons, the walk-in name, council texts)', () => {
  const names = FIELDS.map((f) => `${f.fn}.${f.action}.${f.path}`)
  for (const must of [
    'council.respond.text',
    'council.setup.name',
    'council.createMeeting.title',
    'council.addAgendaItem.title',
    'council.recordDecision.text',
    'council.publishMinutes.summary',
    'council.reviewProposal.note',
    'proposals.review.reason',
    'events.cancelEvent.reason',
    'proposals.report.reason',
    'events.proxySignUp.name',
  ]) {
    expect(names).toContain(must)
  }
  expect(FIELDS.length).toBeGreaterThan(40)
})

describe.each(FIELDS.map((f) => [`${f.fn}.${f.action}.${f.path}`, f] as const))('%s', (_name, f) => {
  const call = async (word: string) => {
    const text = fit(word, f.mark)
    if (f.fn === 'proposals' && f.path === 'category') {
      // a proposal's category must be in the community's list: put the word there as stored data (the list's own
      // texts are checked by updateSettings), so the check, not the list, is what answers
      await h.db
        .collection(COLLECTIONS.proposalSettings)
        .doc(A)
        .set({ data: { categories: [...DEFAULT_PROPOSAL_CATEGORIES, text] } })
    }
    const input = withField(await CASES[f.fn][f.action].input(h), f.path, text)
    const before = await h.snapshot()
    const res = await h.as(personaFor(f.fn, f.action))(f.fn, f.action, input)
    return { res, before, after: await h.snapshot() }
  }

  it('a risky word → CONTENT.RISKY naming the field, nothing written', async () => {
    const { res, before, after } = await call('赌博')
    expectError(res, 'CONTENT.RISKY')
    expect(res.ok === false && res.error.issues?.map((i) => i.path)).toContain(f.path.replace('*', '0'))
    expect(after).toEqual(before)
  })

  it(`a review word → ${f.review === 'refuse' ? 'CONTENT.REVIEW, nothing written' : 'kept out of sight (moderation: review) or CONTENT.REVIEW'}`, async () => {
    const { res, before, after } = await call('加微信')
    if (f.review === 'refuse' || res.ok === false) {
      expectError(res, 'CONTENT.REVIEW')
      expect(after).toEqual(before)
      return
    }
    const held = written(before, after).filter((d) => d.moderation === 'review')
    expect({ outcome: outcome(res), held: held.length > 0 }).toEqual({ outcome: 'ok', held: true })
  })
})
