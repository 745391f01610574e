/**
 * Children's voices go through the council (docs/decisions/0033): a child's account does not submit, comment on,
 * support or report resident proposals (AUTH.CHILD_NOT_ALLOWED, nothing written; its viewer.can* flags are false),
 * and nothing a child's account wrote before reaches residents under its nickname.
 */
import { COLLECTIONS, proposalSettingsViewSchema, proposalViewSchema } from '../../types/index'
import { A, expectError, expectOk, startHarness, uniqueId, type Harness } from './harness'
import { addProposal } from './proposals-fixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const CHILD = 'demo-child'
const REAL_NAME = '王小明'

/** A linked child's account that joined A, with a real name as nickname (communities.setProfile would allow it). */
async function childAccount(): Promise<string> {
  const kid = uniqueId('test-kid')
  await h.addMember(A, kid)
  await h.db
    .collection(COLLECTIONS.people)
    .doc(kid)
    .update({ data: { isChild: true, nickname: REAL_NAME } })
  return kid
}

describe('a child account in the adult forum', () => {
  it.each([[CHILD], ['linked']])('%s: submit, comment, support and report are refused, nothing written', async (who) => {
    const kid = who === CHILD ? CHILD : await childAccount()
    const proposalId = await addProposal(h)
    const commentId = (
      await h.db.collection(COLLECTIONS.proposalComments).add({
        data: {
          proposalId,
          communityId: A,
          body: '同意',
          authorName: '邻居',
          moderation: 'pass',
          hidden: false,
          hiddenBy: null,
          reportCount: 0,
          createdBy: 'demo-resident',
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      })
    )._id
    const before = await h.snapshot()
    const calls: [string, unknown][] = [
      ['submit', { communityId: A, title: '滑梯坏了', description: '小区的滑梯坏了，请修一修。', category: '其他' }],
      ['comment', { proposalId, body: '我也同意' }],
      ['support', { proposalId }],
      ['report', { proposalId, reason: '不对' }],
      ['report', { commentId }],
    ]
    for (const [action, input] of calls) expectError(await h.call('proposals', action, input, kid), 'AUTH.CHILD_NOT_ALLOWED')
    expect(await h.snapshot()).toEqual(before)

    // the read models say so: no button for a child
    const view = expectOk(await h.call('proposals', 'get', { proposalId }, kid), proposalViewSchema)
    expect(view.viewer).toMatchObject({ canSupport: false, canComment: false, canReport: false, canUnsupport: false })
    expect(view.comments.every((c) => c.viewer.canReport === false)).toBe(true)
    expect(expectOk(await h.call('proposals', 'settings', { communityId: A }, kid), proposalSettingsViewSchema).viewer.canSubmit).toBe(
      false,
    )
    // an adult resident still may
    const adult = expectOk(await h.call('proposals', 'get', { proposalId }, 'demo-resident'), proposalViewSchema)
    expect(adult.viewer).toMatchObject({ canSupport: true, canComment: true, canReport: true })
  })

  it('what a child account wrote before never reaches residents under its nickname', async () => {
    const kid = await childAccount()
    // a proposal and a comment a child account wrote under the old rules, the name copied at write time
    const proposalId = await addProposal(h, { authorName: REAL_NAME, authorIsChild: true, createdBy: kid, title: '孩子的旧建议' })
    const host = await addProposal(h)
    for (const id of [proposalId, host]) {
      await h.db.collection(COLLECTIONS.proposalComments).add({
        data: {
          proposalId: id,
          communityId: A,
          body: '小朋友的留言',
          authorName: REAL_NAME,
          moderation: 'pass',
          hidden: false,
          hiddenBy: null,
          reportCount: 0,
          createdBy: kid,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      })
    }
    const answers = [
      await h.call('proposals', 'get', { proposalId }, 'demo-resident'),
      await h.call('proposals', 'get', { proposalId: host }, 'demo-resident'),
      await h.call('proposals', 'list', { communityId: A, limit: 50 }, 'demo-resident'),
      await h.call('proposals', 'threeLists', { communityId: A }, 'demo-resident'),
    ]
    for (const a of answers) {
      expectOk(a)
      expect(JSON.stringify(a)).not.toContain(REAL_NAME)
    }
    // the comment a child wrote without staff review is not shown to residents
    const hostView = expectOk(answers[1], proposalViewSchema)
    expect(hostView.comments.map((c) => c.body)).not.toContain('小朋友的留言')
  })
})
