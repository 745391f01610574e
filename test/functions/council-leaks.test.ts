/**
 * No leaks: every council (and proposals) answer that a resident, a member or another guardian can get is walked
 * key by key: no child's or guardian's openid anywhere, no field about a child beyond alias and age (no birth year,
 * no consent, no actor, no other child's ids).
 */
import { COLLECTIONS, COUNCIL_CONSENT_VERSION, shanghaiYear } from '../../types/index'
import { A, expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'

const okData = (res: any): any => expectOk(res)

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  await h.addMember(A, 'test-other-guardian')
  const applied = okData(
    await h.call(
      'council',
      'apply',
      { communityId: A, alias: '外人娃', birthYear: shanghaiYear(new Date()) - 8, consent: true, consentVersion: COUNCIL_CONSENT_VERSION },
      'test-other-guardian',
    ),
  )
  okData(await h.call('council', 'approveMember', { memberId: applied.memberId }, 'demo-staff'))
  // the other guardian's child chairs the council: council.get shows the chair to everyone, its id only to its own
  okData(await h.call('council', 'setChair', { councilId: `council-${A}`, memberId: applied.memberId }, 'demo-staff'))
  otherChildId = applied.childId
})
afterAll(async () => {
  await h?.stop()
})
let otherChildId = ''

/** Seeded children and everyone who acts for them. */
const SEEDED_CHILDREN = ['child-demo-child', 'child-demo-xiaoyu', 'child-demo-lele', 'child-demo-duoduo']
const OPENIDS = ['demo-guardian', 'demo-child', 'demo-parent-1', 'demo-parent-2', 'demo-parent-3', 'test-other-guardian', 'demo-staff']
const FORBIDDEN_KEYS = new Set([
  'openid',
  'guardianOpenid',
  'childOpenid',
  'birthYear',
  'consent',
  'actedBy',
  'actorOpenid',
  'createdBy',
  'updatedBy',
  'by',
  'touser',
  'approvedBy',
])

type Finding = string
function walk(value: unknown, path: string, viewerOwn: Set<string>, out: Finding[]): void {
  if (typeof value === 'string') {
    // the viewer's own child's ids may appear (the seeded 'child-demo-child' contains the text 'demo-child')
    const text = [...viewerOwn].reduce((t, own) => t.split(own).join('<own>'), value)
    for (const openid of OPENIDS) if (text.includes(openid)) out.push(`${path}: openid ${openid}`)
    for (const childId of [...SEEDED_CHILDREN, otherChildId])
      if (!viewerOwn.has(childId) && value.includes(childId)) out.push(`${path}: another child's id ${childId}`)
    return
  }
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`, viewerOwn, out))
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) out.push(`${path}.${key}: forbidden field`)
      walk(v, `${path}.${key}`, viewerOwn, out)
    }
  }
}

const READS: [fn: string, action: string, input: Record<string, unknown>][] = [
  ['council', 'get', { communityId: A }],
  ['council', 'members', { communityId: A }],
  ['council', 'proposals', { communityId: A }],
  ['council', 'meetings', { communityId: A }],
  ['council', 'agenda', { meetingId: 'council-meeting-demo-past' }],
  ['council', 'agenda', { meetingId: 'council-meeting-demo-next' }],
  ['proposals', 'list', { communityId: A }],
  ['proposals', 'threeLists', { communityId: A }],
  ['proposals', 'get', { proposalId: 'demo-proposal-council-chairs' }],
  ['proposals', 'get', { proposalId: 'demo-proposal-council-flowers' }],
]

describe.each([
  ['a resident', 'demo-resident', [] as string[]],
  ['another guardian', 'test-other-guardian', ['own']],
  ['a member (小明’s own account)', 'demo-child', ['child-demo-child']],
])('%s', (_label, openid, own) => {
  it.each(READS.map((r) => [`${r[0]}.${r[1]} ${JSON.stringify(r[2])}`, ...r] as const))(
    '%s: nothing beyond alias and age',
    async (_name, fn, action, input) => {
      const viewerOwn = new Set(own.map((x) => (x === 'own' ? otherChildId : x)))
      const res = await h.call(fn, action, input, openid)
      expect(res.ok).toBe(true)
      const findings: Finding[] = []
      walk(res.ok ? res.data : null, `${fn}.${action}`, viewerOwn, findings)
      expect(findings).toEqual([])
    },
  )
})

it('the walker catches what it should (a stored council document would fail it)', async () => {
  const doc = (await docsOf(h.emu, COLLECTIONS.councilMembers))[0]
  const findings: Finding[] = []
  walk(doc, 'doc', new Set(), findings)
  expect(findings.length).toBeGreaterThan(0)
})
