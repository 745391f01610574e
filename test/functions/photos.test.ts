/**
 * Photos a client hands back are checked on the server (issue 6): a child's council proposal takes a photo only from
 * this environment's `council-photos/`, a resident proposal only from `proposals/<communityId>/`, a staff project's
 * progress and outcome photos only from `projects/<communityId>/`, a profile avatar only from `avatars/`, and the file
 * must exist in storage. A foreign, misplaced or missing fileID is refused with PHOTO.NOT_FOUND and nothing is written.
 */
import { councilContract, profileViewSchema, projectViewSchema, proposalViewSchema } from '../../types/index'
import { addCouncilMember } from './council-fixtures'
import { A, B, expectError, expectOk, startHarness, type Harness } from './harness'
import { addProject } from './proposals-fixtures'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.stop()
})

// eslint-disable-next-line @typescript-eslint/no-require-imports
const upload = async (cloudPath: string) =>
  (await require('wx-server-sdk').uploadFile({ cloudPath, fileContent: Buffer.from(`photo ${cloudPath}`) })).fileID as string
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
    await refusedWritingNothing(
      () => submit(memberId, 'cloud://someone-else-1a2b.7365-someone-else-1a2b-1300000000/council-photos/foreign.jpg'),
      'photo',
    )
    await refusedWritingNothing(() => submit(memberId, `${prefix}council-photos/../avatars/test-not-a-council-photo.png`), 'photo')
  })

  it('checks who may submit before looking at the photo', async () => {
    const memberId = await addCouncilMember(h)
    const res = await h.call(
      'council',
      'submitProposal',
      { memberId, ...idea, photo: 'cloud://x.y/council-photos/none.jpg' },
      'test-resident-xinhua',
    )
    expectError(res, 'AUTH.FORBIDDEN')
  })
})

describe('proposals.submit and update check their photos', () => {
  const base = {
    communityId: B,
    title: '小区门口增设快递柜',
    description: '快递堆在门卫室，经常丢件，建议增设快递柜。',
    category: '便民服务',
  }
  const resident = (action: string, input: unknown) => h.call('proposals', action, input, 'test-resident-xinhua')

  it('take photos uploaded under proposals/<communityId>/; refuse others, writing nothing', async () => {
    const good = await upload(`proposals/${B}/lockers-1.jpg`)
    const otherCommunity = await upload('proposals/community-zhizijie/lockers.jpg')
    const prefix = ownPrefix(good)
    const p = expectOk(await resident('submit', { ...base, photos: [good] }), proposalViewSchema)
    expect(p.photos.map((x) => x.fileId)).toEqual([good])

    await refusedWritingNothing(() => resident('submit', { ...base, photos: [good, `${prefix}proposals/${B}/missing.jpg`] }), 'photos.1')
    await refusedWritingNothing(() => resident('submit', { ...base, photos: [otherCommunity] }), 'photos.0')
    await refusedWritingNothing(
      () => resident('submit', { ...base, photos: [`cloud://another-env.6e6f/proposals/${B}/lockers-1.jpg`] }),
      'photos.0',
    )

    // editing: the photo already there stays; a new one must exist
    await refusedWritingNothing(
      () => resident('update', { proposalId: p.proposalId, photos: [good, `${prefix}proposals/${B}/missing.jpg`] }),
      'photos.1',
    )
    const second = await upload(`proposals/${B}/lockers-2.jpg`)
    const edited = expectOk(await resident('update', { proposalId: p.proposalId, photos: [good, second] }), proposalViewSchema)
    expect(edited.photos.map((x) => x.fileId)).toEqual([good, second])
  })
})

describe('proposals.updateProgress and complete check project photos', () => {
  const staff = (action: string, input: unknown) => h.call('proposals', action, input, 'demo-staff')
  const progress = (projectId: string, photo: string) => staff('updateProgress', { projectId, progress: 40, text: '灯杆已立好。', photo })
  const complete = (projectId: string, photos: string[]) =>
    staff('complete', { projectId, outcome: '两盏路灯已亮，院坝晚上不再黑。', photos })

  it('take photos uploaded under projects/<communityId>/ of this environment, and show them', async () => {
    const { projectId } = await addProject(h)
    const lamp = await upload(`projects/${A}/lamp-post.jpg`)
    const after = expectOk(await progress(projectId, lamp), projectViewSchema)
    expect(after.timeline.at(-1)).toMatchObject({ progress: 40, photoUrl: expect.stringContaining(`projects/${A}/lamp-post.jpg`) })
    const lit = await upload(`projects/${A}/lamps-lit.jpg`)
    const done = expectOk(await complete(projectId, [lamp, lit]), projectViewSchema)
    expect(done.outcomePhotos.map((p) => p.fileId)).toEqual([lamp, lit])
    expect(done.outcomePhotos.every((p) => p.url.includes(`projects/${A}/`))).toBe(true)
  })

  it('refuse another environment, another folder or community, and a file never uploaded, writing nothing', async () => {
    const { projectId } = await addProject(h)
    const here = await upload(`projects/${A}/already-here.jpg`)
    const prefix = ownPrefix(here)
    const proposalPhoto = await upload(`proposals/${A}/not-a-project-photo.jpg`)
    const otherCommunity = await upload(`projects/${B}/their-project.jpg`)
    const foreign = `cloud://someone-else-1a2b.7365-someone-else-1a2b-1300000000/projects/${A}/already-here.jpg` // same path, other env
    const missing = `${prefix}projects/${A}/never-uploaded.jpg`
    for (const photo of [foreign, proposalPhoto, otherCommunity, missing]) {
      await refusedWritingNothing(() => progress(projectId, photo), 'photo')
    }
    await refusedWritingNothing(() => complete(projectId, [here, foreign]), 'photos.1')
    await refusedWritingNothing(() => complete(projectId, [proposalPhoto]), 'photos.0')
    await refusedWritingNothing(() => complete(projectId, [otherCommunity]), 'photos.0')
    await refusedWritingNothing(() => complete(projectId, [here, missing]), 'photos.1')
  })

  it('checks who may manage the project before looking at the photo', async () => {
    const { projectId } = await addProject(h)
    expectError(
      await h.call(
        'proposals',
        'updateProgress',
        { projectId, progress: 40, text: '进展', photo: 'cloud://x.y/projects/none.jpg' },
        'demo-staff-xinhua',
      ),
      'AUTH.FORBIDDEN',
    )
  })
})

describe('communities.setProfile checks the avatar', () => {
  const setProfile = (openid: string, avatarFileId: string) =>
    h.call('communities', 'setProfile', { nickname: '院坝邻居', avatarFileId }, openid)

  it('takes an avatar uploaded under avatars/ of this environment, and shows it', async () => {
    const avatar = await upload('avatars/test-avatar-ok.png')
    const p = expectOk(await setProfile('test-avatar-person', avatar), profileViewSchema)
    expect(p).toMatchObject({
      nickname: '院坝邻居',
      avatarFileId: avatar,
      avatarUrl: expect.stringContaining('avatars/test-avatar-ok.png'),
    })
    expect(expectOk(await h.call('communities', 'profile', {}, 'test-avatar-person'), profileViewSchema).avatarFileId).toBe(avatar)
  })

  it('refuses another environment, another folder and a file never uploaded, writing nothing (not even the person)', async () => {
    const here = await upload('avatars/test-avatar-here.png')
    const prefix = ownPrefix(here)
    const councilPhoto = await upload('council-photos/not-an-avatar.png')
    const refusals = [
      'cloud://someone-else-1a2b.7365-someone-else-1a2b-1300000000/avatars/test-avatar-here.png',
      councilPhoto,
      `${prefix}avatars/never-uploaded.png`,
      `${prefix}avatars/../council-photos/not-an-avatar.png`,
    ]
    for (const avatarFileId of refusals) {
      await refusedWritingNothing(() => setProfile('test-avatar-newcomer', avatarFileId), 'avatarFileId') // no person yet
      await refusedWritingNothing(() => setProfile('demo-resident', avatarFileId), 'avatarFileId') // nickname unchanged too
    }
  })
})
