/** A child's own WeChat account, linked when the guardian confirms it: code from the guardian, redeemed once by the child. */
import QRCode from 'qrcode'
import {
  CHILD_LINK_CODE_ALPHABET,
  COLLECTIONS,
  SCENE_MAX_LENGTH,
  childViewSchema,
  createChildLinkCodeOutput,
  parseScene,
  profileViewSchema,
} from '../../types/index'
import { addLinkCode, addUnlinkedChild } from './cases'
import { A, expectError, expectOk, outcome, startHarness, uniqueId, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

const childDoc = async (childId: string) => (await docsOf(h.emu, COLLECTIONS.children)).find((c) => c._id === childId)!
const linkDocs = () => docsOf(h.emu, COLLECTIONS.childLinks)
const accountDocs = () => docsOf(h.emu, COLLECTIONS.childAccounts)
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000)

/** A fresh guardian (member of A) with one unlinked child. */
async function guardianWithChild(): Promise<{ guardian: string; childId: string }> {
  const guardian = uniqueId('test-guardian')
  await h.addMember(A, guardian)
  return { guardian, childId: await addUnlinkedChild(h, guardian) }
}

describe('linking a child’s own account', () => {
  it('the guardian creates a code; the child redeems it; the record says who confirmed; the code is used up', async () => {
    const { guardian, childId } = await guardianWithChild()
    const childInProfile = async () =>
      expectOk(await h.call('communities', 'profile', {}, guardian), profileViewSchema).children.find((c) => c.childId === childId)
    expect(await childInProfile()).toMatchObject({ hasOwnAccount: false })
    const created = expectOk(await h.call('communities', 'createChildLinkCode', { childId }, guardian), createChildLinkCodeOutput)
    expect(created.code).toMatch(new RegExp(`^[${CHILD_LINK_CODE_ALPHABET}]{6}$`))
    const ttl = new Date(created.expiresAt).getTime() - Date.now()
    expect(ttl).toBeGreaterThan(9 * 60_000)
    expect(ttl).toBeLessThanOrEqual(10 * 60_000)
    expect((await linkDocs()).find((l) => l._id === created.code)).toMatchObject({ childId, guardianOpenid: guardian })

    const kid = uniqueId('test-kid')
    const view = expectOk(await h.call('communities', 'linkChildAccount', { code: created.code.toLowerCase() }, kid), childViewSchema)
    expect(view).toMatchObject({ childId, communityId: A, alias: '小兰' })
    const child = await childDoc(childId)
    expect(child).toMatchObject({ openid: kid, accountLinkedBy: guardian })
    expect(child.accountLinkedAt).toBeTruthy()
    expect((await linkDocs()).some((l) => l._id === created.code)).toBe(false)
    expect((await docsOf(h.emu, COLLECTIONS.people)).find((p) => p._id === kid)).toMatchObject({ isChild: true })
    // the guardian's 我的孩子 now says 已绑定 (hasOwnAccount), and never which account
    expect(view.hasOwnAccount).toBe(true)
    expect(await childInProfile()).toMatchObject({ hasOwnAccount: true })
    expect(JSON.stringify(expectOk(await h.call('communities', 'profile', {}, guardian)))).not.toContain(kid)

    // used up: the same code again, and a new code for a linked child, are refused
    expectError(await h.call('communities', 'linkChildAccount', { code: created.code }, uniqueId('test-kid')), 'CHILD.LINK_CODE_INVALID')
    expectError(await h.call('communities', 'createChildLinkCode', { childId }, guardian), 'CHILD.ALREADY_LINKED')
  })

  it('a code works a minute before it expires and not a minute after', async () => {
    const early = await guardianWithChild()
    const fresh = await addLinkCode(h, early.childId, minutesAgo(9))
    expectOk(await h.call('communities', 'linkChildAccount', { code: fresh }, uniqueId('test-kid')), childViewSchema)

    const late = await guardianWithChild()
    const stale = await addLinkCode(h, late.childId, minutesAgo(11))
    const before = await h.snapshot()
    expectError(await h.call('communities', 'linkChildAccount', { code: stale }, uniqueId('test-kid')), 'CHILD.LINK_CODE_INVALID')
    expect(await h.snapshot()).toEqual(before)
    expect((await childDoc(late.childId)).openid).toBeNull()
  })

  it('unknown codes are refused', async () => {
    expectError(await h.call('communities', 'linkChildAccount', { code: 'ABCDEF' }, uniqueId('test-kid')), 'CHILD.LINK_CODE_INVALID')
  })

  it('a second redemption is refused: the child keeps the first account', async () => {
    const { childId } = await guardianWithChild()
    const first = uniqueId('test-kid')
    expectOk(await h.call('communities', 'linkChildAccount', { code: await addLinkCode(h, childId) }, first), childViewSchema)
    // a second code for the same child (made before the link) cannot move the child to another account
    const second = await addLinkCode(h, childId)
    expectError(await h.call('communities', 'linkChildAccount', { code: second }, uniqueId('test-kid')), 'CHILD.ALREADY_LINKED')
    expect((await childDoc(childId)).openid).toBe(first)
  })

  it('20 accounts redeem one code at once: exactly one wins', async () => {
    const { childId } = await guardianWithChild()
    const code = await addLinkCode(h, childId)
    const kids = Array.from({ length: 20 }, () => uniqueId('test-kid'))
    const results = await Promise.all(kids.map((kid) => h.call('communities', 'linkChildAccount', { code }, kid)))
    const outcomes = results.map(outcome)
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1)
    for (const o of outcomes.filter((o) => o !== 'ok'))
      expect(['CHILD.ALREADY_LINKED', 'CHILD.LINK_CODE_INVALID', 'CHILD.BUSY']).toContain(o)
    const winner = kids[outcomes.indexOf('ok')]
    expect((await childDoc(childId)).openid).toBe(winner)
    const marked = (await docsOf(h.emu, COLLECTIONS.people)).filter((p) => kids.includes(p._id) && p.isChild)
    expect(marked.map((p) => p._id)).toEqual([winner])
    expect((await linkDocs()).some((l) => l._id === code)).toBe(false)
  })

  it('one account is linked to at most one child: a second child’s code is refused and nothing is written', async () => {
    const kid = uniqueId('test-kid')
    const first = await guardianWithChild()
    expectOk(await h.call('communities', 'linkChildAccount', { code: await addLinkCode(h, first.childId) }, kid), childViewSchema)
    await expect(accountDocs().then((a) => a.find((x) => x._id === kid))).resolves.toMatchObject({
      childId: first.childId,
      linkedBy: first.guardian,
    })

    const second = await guardianWithChild()
    const code = await addLinkCode(h, second.childId)
    const before = await h.snapshot()
    expectError(await h.call('communities', 'linkChildAccount', { code }, kid), 'CHILD.ACCOUNT_ALREADY_LINKED')
    expect(await h.snapshot()).toEqual(before)
    expect((await childDoc(second.childId)).openid).toBeNull()
  })

  it('one account redeems two children’s codes at once: exactly one links', async () => {
    const kid = uniqueId('test-kid')
    const [x, y] = await Promise.all([guardianWithChild(), guardianWithChild()])
    const codes = await Promise.all([addLinkCode(h, x.childId), addLinkCode(h, y.childId)])
    const outcomes = (await Promise.all(codes.map((code) => h.call('communities', 'linkChildAccount', { code }, kid)))).map(outcome)
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1)
    expect(['CHILD.ACCOUNT_ALREADY_LINKED', 'CHILD.BUSY']).toContain(outcomes.find((o) => o !== 'ok'))
    const linked = (await docsOf(h.emu, COLLECTIONS.children)).filter((c) => c.openid === kid)
    expect(linked).toHaveLength(1)
    expect((await accountDocs()).filter((a) => a._id === kid)).toEqual([expect.objectContaining({ childId: linked[0]._id })])
    // the loser's code is still there (nothing of that attempt was written)
    const loser = linked[0]._id === x.childId ? codes[1] : codes[0]
    expect((await linkDocs()).some((l) => l._id === loser)).toBe(true)
  })

  it('only the guardian creates a code; the guardian cannot redeem it; staff and admins cannot be linked as a child', async () => {
    const { guardian, childId } = await guardianWithChild()
    for (const persona of ['residentA', 'staffA', 'staffB', 'admin'] as const) {
      expectError(await h.as(persona)('communities', 'createChildLinkCode', { childId }), 'AUTH.FORBIDDEN')
    }
    expectError(await h.call('communities', 'createChildLinkCode', { childId: 'test-no-such-child' }, guardian), 'AUTH.FORBIDDEN')
    expect((await linkDocs()).some((l) => l.childId === childId)).toBe(false)

    const code = await addLinkCode(h, childId)
    const before = await h.snapshot()
    expectError(await h.call('communities', 'linkChildAccount', { code }, guardian), 'AUTH.FORBIDDEN')
    expectError(await h.as('staffA')('communities', 'linkChildAccount', { code }), 'AUTH.FORBIDDEN')
    expectError(await h.as('admin')('communities', 'linkChildAccount', { code }), 'AUTH.FORBIDDEN')
    expect(await h.snapshot()).toEqual(before)
  })

  it('the code comes with a mini-program code to scan: scene k=<code> opening 首页, an inline PNG that the scan redeems once', async () => {
    const { guardian, childId } = await guardianWithChild()
    const created = expectOk(await h.call('communities', 'createChildLinkCode', { childId }, guardian), createChildLinkCodeOutput)
    expect(created.qr).toMatchObject({ scene: `k=${created.code}`, page: 'pages/home/index' })
    expect(created.qr!.scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH)
    expect(parseScene(created.qr!.scene)).toEqual({ kind: 'childLink', code: created.code })
    const prefix = 'data:image/png;base64,'
    expect(created.qr!.image.startsWith(prefix)).toBe(true)
    const png = Buffer.from(created.qr!.image.slice(prefix.length), 'base64')
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    // what the emulator's getUnlimited draws for that scene: the local H5 URL a phone's camera would open
    const expected = await QRCode.toBuffer(`${h.emu.url}/?scene=${encodeURIComponent(`k=${created.code}`)}`, {
      type: 'png',
      width: 280,
      margin: 2,
    })
    expect(png.equals(expected)).toBe(true)

    // the scan leads to the same one-time redemption
    const kid = uniqueId('test-kid')
    expectOk(await h.call('communities', 'linkChildAccount', { code: parseScene(created.qr!.scene)!.code }, kid), childViewSchema)
    expectError(await h.call('communities', 'linkChildAccount', { code: created.code }, uniqueId('test-kid')), 'CHILD.LINK_CODE_INVALID')
  })
})
