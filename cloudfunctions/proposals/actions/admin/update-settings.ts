import { proposalsContract } from '../../../../types/index'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { canEditSettings } from '../../domain/permissions'
import { toSettingsView } from '../../domain/proposal-view'
import { getCommunity, getSettings, saveSettings } from '../../repo'

/**
 * Staff change their community's settings. New category names pass the content check. Changing the categories
 * does not touch existing proposals (they keep theirs); a new threshold applies from the next support on.
 */
export const updateSettings = action(proposalsContract.updateSettings, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canEditSettings(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  const current = await getSettings(ctx, input.communityId)
  const added = (input.categories ?? []).filter((c) => !current.categories.includes(c))
  const next = {
    categories: input.categories ?? current.categories,
    review: input.review ?? current.review,
    supportThreshold: input.supportThreshold ?? current.supportThreshold,
    supportWindowDays: input.supportWindowDays ?? current.supportWindowDays,
    answerDays: input.answerDays ?? current.answerDays,
  }
  await saveSettings(ctx, input.communityId, next, ctx.openid, ctx.now)
  return toSettingsView(input.communityId, next, viewer)
})
