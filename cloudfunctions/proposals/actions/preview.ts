import { previewText, proposalsContract } from '../../../types/index'
import { fail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { isListed, supportOpen } from '../domain/proposal-rules'
import { getProject, getProposal, getSettings } from '../repo'

/**
 * A shared proposal for anyone signed in, member or not: a listed proposal's title and text and how many supports
 * it still needs — never its author or supporters. Pending, returned, rejected-in-review and hidden ones do not exist.
 */
export const previewProposal = action(proposalsContract.preview, async (ctx, input) => {
  const p = await getProposal(ctx, input.proposalId)
  if (!p || !isListed(p)) fail('PROPOSAL.NOT_FOUND', 'proposal not found')
  const settings = await getSettings(ctx, p.communityId)
  const collecting = supportOpen(p, ctx.now) && !p.thresholdReachedAt
  return {
    kind: 'proposal' as const,
    communityId: p.communityId,
    title: p.title,
    text: previewText(p.description),
    at: null,
    place: null,
    supportsNeeded: collecting ? Math.max(0, settings.supportThreshold - p.supportCount) : null,
    progress: null,
  }
})

/** A shared project: its title, summary and progress (the public timeline is for members, on the project page). */
export const previewProject = action(proposalsContract.previewProject, async (ctx, input) => {
  const project = await getProject(ctx, input.projectId)
  if (!project) fail('PROJECT.NOT_FOUND', 'project not found')
  return {
    kind: 'project' as const,
    communityId: project.communityId,
    title: project.title,
    text: previewText(project.outcome?.text ?? project.summary ?? project.timeline[project.timeline.length - 1]?.text ?? ''),
    at: null,
    place: null,
    supportsNeeded: null,
    progress: project.progress,
  }
})
