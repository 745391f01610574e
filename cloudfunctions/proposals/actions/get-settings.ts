import { proposalsContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canManageProposals, canReadProposals } from '../domain/permissions'
import { toSettingsView } from '../domain/proposal-view'
import { getCommunity, getSettings } from '../repo'

/** The community's proposal settings (categories for the submit form, threshold, window, deadline, review mode). */
export const getSettingsAction = action(proposalsContract.settings, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canReadProposals(viewer, input.communityId) && !canManageProposals(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  return toSettingsView(input.communityId, await getSettings(ctx, input.communityId), viewer)
})
