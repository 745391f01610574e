import { communitiesContract } from '../../../types/index'
import { checkTextOrRefuse } from '../../_kernel/content-check'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { ensurePerson, updateProfile } from '../repo'
import { loadProfile } from './get-profile'

/**
 * Nickname (from `<input type="nickname">`) and avatar (uploaded `chooseAvatar` file). The nickname passes msgSecCheck
 * (scene 1, profile): risky → CONTENT.RISKY, review → CONTENT.REVIEW — a nickname is shown at once, so it is not queued.
 */
export const setProfile = action(communitiesContract.setProfile, async (ctx, input) => {
  const verdict = await checkTextOrRefuse(ctx, { scene: 'profile', content: input.nickname, nickname: input.nickname })
  if (verdict === 'review') fail('CONTENT.REVIEW', 'nickname needs review')
  await ensurePerson(ctx, ctx.openid, ctx.now)
  await updateProfile(
    ctx,
    ctx.openid,
    input.avatarFileId === undefined ? { nickname: input.nickname } : { nickname: input.nickname, avatarFileId: input.avatarFileId },
    ctx.now,
  )
  return loadProfile(ctx)
})
