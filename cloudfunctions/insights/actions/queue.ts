import { insightsContract } from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { outboxStats } from '../../_kernel/outbox'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canReadCommunityInsights, canReadDistrictInsights } from '../domain/permissions'

/** 待发送通知: what the fan-out queue still holds for one community (its staff, the admin) or the district (the admin). */
export const queue = action(insightsContract.queue, async (ctx, input) => {
  const communityId = input.communityId ?? null
  const viewer = await loadViewer(ctx, communityId === null ? [] : [communityId])
  if (communityId === null ? !canReadDistrictInsights(viewer) : !canReadCommunityInsights(viewer, communityId)) forbidden()
  const stats = await outboxStats(ctx, communityId ?? undefined)
  return {
    communityId,
    pending: stats.pendingRecipients,
    jobs: stats.pendingJobs,
    oldestAt: stats.pendingJobs > 0 ? new Date(ctx.now.getTime() - stats.oldestAgeMs).toISOString() : null,
    oldestAgeMs: stats.oldestAgeMs,
  }
})
