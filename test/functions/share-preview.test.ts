/**
 * Sharing (issue 14, Build 1): someone who never joined opens a shared notice, event, proposal or project and sees
 * its public part — what the community's residents already see — and nothing else: no drafts, pending or hidden
 * proposals, no names of authors, supporters or children who signed up.
 */
import { DEMO_EVENT_IDS } from '../../scripts/seed-demo-events'
import { DEMO_PROJECT_IDS, DEMO_PROPOSAL_IDS } from '../../scripts/seed-demo-proposals'
import { sharePreviewSchema } from '../../types/index'
import { expectError, expectOk, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h?.stop())

const STRANGER = 'share-stranger-1'
const preview = (fn: string, action: string, input: unknown) => h.call(fn, action, input, STRANGER)

test('a live notice, an event, a proposal collecting supports and a project: the public part', async () => {
  const notice = expectOk(await preview('notices', 'preview', { noticeId: 'demo-notice-zhizijie-electric' }), sharePreviewSchema)
  expect(notice).toMatchObject({ kind: 'notice', communityId: 'community-zhizijie' })

  const event = expectOk(await preview('events', 'preview', { eventId: DEMO_EVENT_IDS.summer }), sharePreviewSchema)
  expect(event).toMatchObject({ kind: 'event', place: expect.any(String) })
  // a children's event names no child
  expect(JSON.stringify(event)).not.toMatch(/朵朵|豆豆|乐乐|小明|participant|openid/)

  const p = expectOk(await preview('proposals', 'preview', { proposalId: DEMO_PROPOSAL_IDS.published }), sharePreviewSchema)
  expect(p.kind).toBe('proposal')
  expect(p.supportsNeeded).toBeGreaterThan(0)
  expect(JSON.stringify(p)).not.toMatch(/demo-|createdBy|openid/)

  const project = expectOk(await preview('proposals', 'previewProject', { projectId: DEMO_PROJECT_IDS.route }), sharePreviewSchema)
  expect(project.progress).toEqual(expect.any(Number))
})

test('what residents do not see does not exist here either', async () => {
  expectError(await preview('notices', 'preview', { noticeId: 'demo-notice-zhizijie-draft' }), 'NOTICE.NOT_FOUND')
  expectError(await preview('events', 'preview', { eventId: DEMO_EVENT_IDS.draft }), 'EVENT.NOT_FOUND')
  for (const id of [DEMO_PROPOSAL_IDS.pending, DEMO_PROPOSAL_IDS.returned, DEMO_PROPOSAL_IDS.hidden, DEMO_PROPOSAL_IDS.refused]) {
    expectError(await preview('proposals', 'preview', { proposalId: id }), 'PROPOSAL.NOT_FOUND')
  }
  // and the full reads stay for members
  expectError(await preview('notices', 'get', { noticeId: 'demo-notice-zhizijie-electric' }), 'AUTH.FORBIDDEN')
})
