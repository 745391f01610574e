/**
 * Posters that open the thing itself (issue 14, Build 1; docs/decisions/0100) through the real SDK on the emulator in
 * strict index mode: a notice's or an event's poster carries scene `s=<code>`, a short code that share_codes maps to
 * the object; made once per object by staff of its own community, opened by anyone signed in; an unknown code is a
 * stable error.
 */
import { ensureShareCode } from '../../cloudfunctions/communities/actions/create-poster'
import { COLLECTIONS, createPosterOutput, openShareCodeOutput, parseScene, type ShareCodeDoc } from '../../types/index'
import { A, B, expectError, expectOk, startHarness, type Harness } from './harness'
import { docsOf } from './results'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h?.stop())

const poster = (persona: Parameters<Harness['as']>[0], input: Record<string, unknown>) =>
  h.as(persona)('communities', 'createPoster', input)
const codes = async (): Promise<ShareCodeDoc[]> => docsOf(h.emu, COLLECTIONS.shareCodes)
const liveNotice = (title: string) => h.addNotice({ communityId: A, title, status: 'published', publishAt: new Date(Date.now() - 60_000) })
async function eventOf(communityId: string): Promise<{ _id: string; title: string }> {
  const events = await docsOf(h.emu, COLLECTIONS.events)
  const found = events.find((e) => e.communityId === communityId && e.status === 'published')
  if (!found) throw new Error(`no published event in ${communityId}`)
  return found
}

test('a notice’s poster: scene s=<8 characters> within 32, its title, a real PNG; opened by a non-member as that notice', async () => {
  const noticeId = await liveNotice('三号院停水通知')
  const made = expectOk(await poster('staffA', { communityId: A, noticeId }), createPosterOutput)
  expect(made).toMatchObject({
    page: 'pages/home/index',
    generated: true,
    target: { kind: 'notice', id: noticeId, title: '三号院停水通知' },
  })
  expect(made.scene).toMatch(/^s=[a-z2-9]{8}$/)
  expect(made.scene.length).toBeLessThanOrEqual(32)
  const scene = parseScene(encodeURIComponent(made.scene))
  expect(scene).toEqual({ kind: 'share', code: made.scene.slice(2) })
  const png = Buffer.from(await (await fetch(made.url)).arrayBuffer())
  expect(png.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]))

  // residentB never joined 栀子街社区: the code still says where it leads (the page shows them the public preview)
  const opened = expectOk(await h.as('residentB')('communities', 'openShareCode', { code: scene!.code }), openShareCodeOutput)
  expect(opened).toEqual({ communityId: A, kind: 'notice', id: noticeId })
})

test('one code per object: asked again it is reused, regenerated it keeps its code; an event gets its own', async () => {
  const noticeId = await liveNotice('电梯年检通知')
  const first = expectOk(await poster('staffA', { communityId: A, noticeId }), createPosterOutput)
  const again = expectOk(await poster('admin', { communityId: A, noticeId }), createPosterOutput)
  expect(again).toMatchObject({ scene: first.scene, fileId: first.fileId, generated: false })
  const fresh = expectOk(await poster('staffA', { communityId: A, noticeId, regenerate: true }), createPosterOutput)
  expect(fresh).toMatchObject({ scene: first.scene, generated: true })
  expect(fresh.fileId).not.toBe(first.fileId)
  expect((await codes()).filter((c) => c.refId === noticeId)).toEqual([
    expect.objectContaining({ communityId: A, kind: 'notice', posterFileId: fresh.fileId, createdBy: 'demo-staff' }),
  ])

  const event = await eventOf(A)
  const ofEvent = expectOk(await poster('staffA', { communityId: A, eventId: event._id }), createPosterOutput)
  expect(ofEvent.target).toEqual({ kind: 'event', id: event._id, title: event.title })
  expect(ofEvent.scene).not.toBe(first.scene)
  const opened = expectOk(await h.as('residentA')('communities', 'openShareCode', { code: ofEvent.scene.slice(2) }), openShareCodeOutput)
  expect(opened).toEqual({ communityId: A, kind: 'event', id: event._id })
})

test('staff making the first poster at once get one code between them (the unique index on kind + refId)', async () => {
  // the code step of createPoster, eight at once through the real SDK (making eight PNGs at once would only time out)
  const noticeId = await liveNotice('燃气安全检查通知')
  const ctx = { db: h.db, _: h._, openid: 'demo-staff', now: new Date() }
  const made = await Promise.all(Array.from({ length: 8 }, () => ensureShareCode(ctx, A, 'notice', noticeId)))
  expect(new Set(made.map((c) => c._id)).size).toBe(1)
  expect((await codes()).filter((c) => c.refId === noticeId)).toEqual([expect.objectContaining({ _id: made[0]._id })])
  // and the poster made afterwards carries that code
  const poster = expectOk(await h.as('staffA')('communities', 'createPoster', { communityId: A, noticeId }), createPosterOutput)
  expect(poster.scene).toBe(`s=${made[0]._id}`)
})

test('another community’s staff are refused and nothing is written; residents may not make posters', async () => {
  const noticeId = await liveNotice('绿化带修剪通知')
  const event = await eventOf(A)
  const before = await codes()
  // staff of 新华社区 naming their own community but 栀子街's notice or event
  expectError(await poster('staffB', { communityId: B, noticeId }), 'AUTH.FORBIDDEN')
  expectError(await poster('staffB', { communityId: B, eventId: event._id }), 'AUTH.FORBIDDEN')
  // …or naming 栀子街 itself
  expectError(await poster('staffB', { communityId: A, noticeId }), 'AUTH.FORBIDDEN')
  expectError(await poster('residentA', { communityId: A, noticeId }), 'AUTH.FORBIDDEN')
  expect(await codes()).toEqual(before)
})

test('unknown and malformed: a code that names nothing is SHARE.CODE_NOT_FOUND; bad input writes nothing', async () => {
  expectError(await h.as('residentA')('communities', 'openShareCode', { code: 'abcdefgh' }), 'SHARE.CODE_NOT_FOUND')
  expectError(await h.as('residentB')('communities', 'openShareCode', { code: 'zzzz2222' }), 'SHARE.CODE_NOT_FOUND')
  for (const code of ['ABCDEFGH', 'abc', 'abcdefghi', 'abcdefg1', '{"$gt":""}'])
    expectError(await h.as('residentA')('communities', 'openShareCode', { code }), 'INPUT.INVALID')
  const before = await codes()
  expectError(await poster('staffA', { communityId: A, noticeId: 'no-such-notice' }), 'NOTICE.NOT_FOUND')
  expectError(await poster('staffA', { communityId: A, eventId: 'no-such-event' }), 'EVENT.NOT_FOUND')
  const event = await eventOf(A)
  expectError(await poster('staffA', { communityId: A, noticeId: 'x', eventId: event._id }), 'INPUT.INVALID')
  expect(await codes()).toEqual(before)
})
