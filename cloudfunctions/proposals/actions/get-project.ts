import { proposalsContract } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canManageProposals, canReadProposals } from '../domain/permissions'
import { toProjectView } from '../domain/proposal-view'
import { getProject, getProposals } from '../repo'
import { projectFiles, urlsFor } from './load'

/** One project: owner, progress, timeline with photos, the proposals it answers, and the outcome once completed. */
export const getProjectAction = action(proposalsContract.getProject, async (ctx, input) => {
  const project = await getProject(ctx, input.projectId)
  if (!project) fail('PROJECT.NOT_FOUND', 'project not found')
  const viewer = await loadViewer(ctx, [project.communityId])
  if (!canReadProposals(viewer, project.communityId) && !canManageProposals(viewer, project.communityId)) forbidden()
  const [proposals, urls] = await Promise.all([getProposals(ctx, project.proposalIds), urlsFor(ctx, projectFiles(project))])
  return toProjectView(project, proposals, viewer, urls)
})
