import { PROPOSAL_STATUSES, proposalsContract, type ProposalStatus } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canManageProposals, canReadProposals } from '../domain/permissions'
import { toProjectSummary } from '../domain/proposal-view'
import { countListed, countProjects, getCommunity, getProposals, listProjects, listPublic } from '../repo'
import { summaries } from './list-proposals'

const ITEMS = 20

/**
 * The three lists (三张清单) of a community: 问题清单 (the listed proposals — the needs — by category and status),
 * 项目清单 (projects, active first) and 成效清单 (completed projects with their outcome and the proposals they answered).
 */
export const threeLists = action(proposalsContract.threeLists, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canReadProposals(viewer, input.communityId) && !canManageProposals(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')

  const [counts, recent, active, completed, activeCount, completedCount] = await Promise.all([
    countListed(ctx, input.communityId),
    listPublic(ctx, input.communityId, {}, 50),
    listProjects(ctx, input.communityId, 'active', ITEMS),
    listProjects(ctx, input.communityId, 'completed', ITEMS),
    countProjects(ctx, input.communityId, 'active'),
    countProjects(ctx, input.communityId, 'completed'),
  ])

  const live = counts.filter((c) => c.status !== 'withdrawn')
  const byCategory = new Map<string, number>()
  for (const c of live) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + c.count)
  const byStatus = new Map<ProposalStatus, number>()
  for (const c of counts) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + c.count)

  const sources = await getProposals(ctx, [...new Set(completed.flatMap((p) => p.proposalIds))])
  const titleOf = new Map(sources.map((p) => [p._id, p.title]))

  return {
    communityId: input.communityId,
    problems: {
      total: live.reduce((sum, c) => sum + c.count, 0),
      byCategory: [...byCategory]
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
      byStatus: PROPOSAL_STATUSES.filter((s) => byStatus.has(s)).map((status) => ({ status, count: byStatus.get(status)! })),
      items: await summaries(ctx, recent.filter((p) => p.status !== 'withdrawn').slice(0, ITEMS), viewer, input.communityId),
    },
    projects: {
      total: activeCount + completedCount,
      active: activeCount,
      completed: completedCount,
      items: [...active, ...completed].slice(0, ITEMS).map(toProjectSummary),
    },
    outcomes: {
      total: completedCount,
      items: completed.map((project) => ({
        ...toProjectSummary(project),
        proposals: project.proposalIds.flatMap((id) => (titleOf.has(id) ? [{ proposalId: id, title: titleOf.get(id)! }] : [])),
      })),
    },
  }
})
