import { randomBytes } from 'node:crypto'
import { proposalsContract, type ProjectDoc } from '../../../../types/index'
import { contentVerdict } from '../../../_kernel/content-check'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { canManageProposals } from '../../domain/permissions'
import { toProjectView } from '../../domain/proposal-view'
import { createProjectTxn, getCommunity, getProposals } from '../../repo'

/**
 * Staff turn one or more accepted proposals into a project (owner, due date, cost). In one transaction: each
 * proposal must still be accepted and in no project; they all move to implementing.
 */
export const createProject = action(proposalsContract.createProject, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canManageProposals(viewer, input.communityId)) forbidden()
  if (!(await getCommunity(ctx, input.communityId))) fail('COMMUNITY.NOT_FOUND', 'community not found')
  if (contentVerdict(ctx) === 'review' && !viewer.isDistrictAdmin) fail('CONTENT.REVIEW', 'the project text needs review')

  const project: ProjectDoc = {
    _id: randomBytes(16).toString('hex'),
    communityId: input.communityId,
    title: input.title,
    summary: input.summary || null,
    owner: input.owner,
    proposalIds: [...new Set(input.proposalIds)],
    progress: 0,
    status: 'active',
    dueDate: input.dueDate ?? null,
    cost: input.cost ?? null,
    timeline: [{ at: ctx.now, text: `项目立项，负责人：${input.owner}`, progress: 0, photo: null }],
    outcome: null,
    createdBy: ctx.openid,
    updatedBy: ctx.openid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    completedAt: null,
  }
  const result = await createProjectTxn(ctx, project, {
    at: ctx.now,
    kind: 'project',
    text: `纳入项目「${input.title}」`,
    audience: 'public',
  })
  if ('refused' in result) fail(result.refused, `cannot build the project from ${result.proposalId ?? 'these proposals'}`)
  return toProjectView(project, await getProposals(ctx, project.proposalIds), viewer, new Map())
})
