/**
 * Photos a client hands back are checked on the server (issue 6): a child's council proposal takes a photo only from
 * this environment's `council-photos/`, a resident proposal only from `proposals/<communityId>/`, and the file must
 * exist in storage. A foreign, misplaced or missing fileID is refused with PHOTO.NOT_FOUND and nothing is written.
 */
import { councilContract, proposalViewSchema } from '../../types/index'
import { addCouncilMember } from './council-fixtures'
import { B, expectError, expectOk, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

// eslint-disable-next-line @typescript-eslint/no-require-imports
const upload = async (cloudPath: string) => (await require('wx-server-sdk').uploadFile({ cloudPath, fileContent: Buffer.from(`photo ${cloudPath}`) })).fileID as string
/** cloud://<env>.<bucket>/ of this environment, from a real upload */
const ownPrefix = (fileId: string) => /^cloud:\/\/[^/]+\//.exec(fileId)![0]

/** The call is refused with PHOTO.NOT_FOUND on `path`, and no collection changed. */
async function refusedWritingNothing(call: () => Promise<any>, path: string) {
  const before = await h.snapshot()
  const res = await call()
  expectError(res, 'PHOTO.NOT_FOUND')
  expect(res.error.issues).toEqual([expect.objectContaining({ path })])
  expect(await h.snapshot()).toEqual(before)
}

describe('council.submitProposal checks the photo', () => {
  const idea = { noticed: '滑梯旁边太晒了', idea: '在滑梯旁边种一棵树', category: '大自然' }
  const submit = (memberId: string, photo: string) => h.call('council', 'submitProposal', { memberId, ...idea, photo }, 'demo-resident')

  it('takes a photo uploaded under council-photos/ of this environment, and shows it', async () => {
    const memberId = await addCouncilMember(h)
    const photo = await upload('council-photos/test-tree.jpg')
    const view = expectOk(await submit(memberId, photo), councilContract.submitProposal.output)
    expect(view.photoUrl).toContain('council-photos/test-tree.jpg')
  })

  it('refuses a missing file, another folder, another environment and a path that climbs out, writing nothing', async () => {
    const memberId = await addCouncilMember(h)
    const elsewhere = await upload('avatars/test-not-a-council-photo.png')
    const prefix = ownPrefix(elsewhere)
    await refusedWritingNothing(() => submit(memberId, `${prefix}council-photos/never-uploaded.jpg`), 'photo')
    await refusedWritingNothing(() => submit(memberId, elsewhere), 'photo')
    await upload('council-photos/foreign.jpg') // the same path exists here, but the fileID names another environment
    await refusedWritingNothing(() => submit(memberId, 'cloud://someone-else-1a2b.7365-someone-else-1a2b-1300000000/council-photos/foreign.jpg'), 'photo')
    await refusedWritingNothing(() => submit(memberId, `${prefix}council-photos/../avatars/test-not-a-council-photo.png`), 'photo')
  })

  it('checks who may submit before looking at the photo', async () => {
    const memberId = await addCouncilMember(h)
    const res = await h.call('council', 'submitProposal', { memberId, ...idea, photo: 'cloud://x.y/council-photos/none.jpg' }, 'test-resident-xinhua')
    expectError(res, 'AUTH.FORBIDDEN')
  })
})

describe('proposals.submit and update check their photos', () => {
  const base = { communityId: B, title: '小区门口增设快递柜', description: '快递堆在门卫室，经常丢件，建议增设快递柜。', category: '便民服务' }
  const resident = (action: string, input: unknown) => h.call('proposals', action, input, 'test-resident-xinhua')

  it('take photos uploaded under proposals/<communityId>/; refuse others, writing nothing', async () => {
    const good = await upload(`proposals/${B}/lockers-1.jpg`)
    const otherCommunity = await upload('proposals/community-zhizijie/lockers.jpg')
    const prefix = ownPrefix(good)
    const p = expectOk(await resident('submit', { ...base, photos: [good] }), proposalViewSchema)
    expect(p.photos.map((x) => x.fileId)).toEqual([good])

    await refusedWritingNothing(() => resident('submit', { ...base, photos: [good, `${prefix}proposals/${B}/missing.jpg`] }), 'photos.1')
    await refusedWritingNothing(() => resident('submit', { ...base, photos: [otherCommunity] }), 'photos.0')
    await refusedWritingNothing(() => resident('submit', { ...base, photos: [`cloud://another-env.6e6f/proposals/${B}/lockers-1.jpg`] }), 'photos.0')

    // editing: the photo already there stays; a new one must exist
    await refusedWritingNothing(() => resident('update', { proposalId: p.proposalId, photos: [good, `${prefix}proposals/${B}/missing.jpg`] }), 'photos.1')
    const second = await upload(`proposals/${B}/lockers-2.jpg`)
    const edited = expectOk(await resident('update', { proposalId: p.proposalId, photos: [good, second] }), proposalViewSchema)
    expect(edited.photos.map((x) => x.fileId)).toEqual([good, second])
  })
})
