import { communitiesContract } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { getShareCode } from '../repo'

/**
 * What a poster's scene `s=<code>` opens (docs/decisions/0100): the community and the notice or event. Anyone signed
 * in may ask — a code is printed on a wall; the page it leads to shows only what the person may see (a non-member gets
 * the public preview and a join button). An unknown code is SHARE.CODE_NOT_FOUND.
 */
export const openShareCode = action(communitiesContract.openShareCode, async (ctx, input) => {
  const share = await getShareCode(ctx, input.code)
  if (!share) fail('SHARE.CODE_NOT_FOUND', 'unknown share code')
  return { communityId: share.communityId, kind: share.kind, id: share.refId }
})
