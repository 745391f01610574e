import { communitiesContract } from '../../../types/index'
import { AVATAR_FOLDER } from '../../../types/uploads'
import { action } from '../../_kernel/router'
import { checkUploadedPhotos } from '../../_kernel/storage'
import { ensurePerson, updateProfile } from '../repo'
import { loadProfile } from './get-profile'

/**
 * Nickname (from `<input type="nickname">`) and avatar (uploaded `chooseAvatar` file). The kernel checks the nickname
 * (scene 1, profile): risky → CONTENT.RISKY, review → CONTENT.REVIEW — a nickname is shown at once, so it is not queued.
 * The avatar must be an upload of this environment under avatars/ that exists (PHOTO.NOT_FOUND on avatarFileId).
 */
export const setProfile = action(communitiesContract.setProfile, async (ctx, input) => {
  const avatar = input.avatarFileId ? [{ fileId: input.avatarFileId, path: 'avatarFileId' }] : []
  await checkUploadedPhotos(ctx, avatar, AVATAR_FOLDER, '头像没有传好，请重新选择头像')
  await ensurePerson(ctx, ctx.openid, ctx.now)
  await updateProfile(
    ctx,
    ctx.openid,
    input.avatarFileId === undefined ? { nickname: input.nickname } : { nickname: input.nickname, avatarFileId: input.avatarFileId },
    ctx.now,
  )
  return loadProfile(ctx)
})
