import { proposalsContract } from '../../../../types/index'
import { projectPhotoFolder } from '../../../../types/uploads'
import { contentVerdict } from '../../../_kernel/content-check'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { checkUploadedPhotos } from '../../../_kernel/storage'
import { loadViewer } from '../../../_kernel/viewer'
import { outcomeMessage } from '../../domain/messages'
import { canManageProposals } from '../../domain/permissions'
import { toProjectView } from '../../domain/proposal-view'
import { completeProjectTxn, getProject, getProposals } from '../../repo'
import { projectFiles, tellAuthorAndSupporters, urlsFor } from '../load'

/**
 * Staff complete a project and record its outcome (成效). The project and its proposals change in one transaction;
 * then the author and every supporter of each proposal receive the outcome. Outcome photos must be uploads of this
 * environment under projects/<communityId>/ that exist (PHOTO.NOT_FOUND otherwise).
 */
export const completeProject = action(proposalsContract.complete, async (ctx, input) => {
  const project = await getProject(ctx, input.projectId)
  if (!project) fail('PROJECT.NOT_FOUND', 'project not found')
  const viewer = await loadViewer(ctx, [project.communityId])
  if (!canManageProposals(viewer, project.communityId)) forbidden()
  if (project.status !== 'active') fail('PROJECT.INVALID_STATE', 'the project is already completed')
  const photos = input.photos ?? []
  await checkUploadedPhotos(
    ctx,
    photos.map((fileId, i) => ({ fileId, path: `photos.${i}` })),
    projectPhotoFolder(project.communityId),
  )
  if (contentVerdict(ctx) === 'review' && !viewer.isDistrictAdmin) fail('CONTENT.REVIEW', 'the outcome text needs review')

  const outcome = { text: input.outcome, photos, completedAt: ctx.now }
  const result = await completeProjectTxn(ctx, project._id, outcome, ctx.openid, {
    at: ctx.now,
    kind: 'completed',
    text: input.outcome,
    audience: 'public',
  })
  if ('refused' in result) fail(result.refused, 'cannot complete the project')

  const proposals = await getProposals(ctx, project.proposalIds)
  for (const p of proposals.filter((x) => x.status === 'completed' && x.projectId === project._id)) {
    await tellAuthorAndSupporters(
      ctx,
      p,
      `${p._id}:outcome:${project._id}`,
      outcomeMessage(p, { title: project.title, outcome: input.outcome }, ctx.now),
    )
  }
  const done = (await getProject(ctx, project._id))!
  return toProjectView(done, proposals, viewer, await urlsFor(ctx, projectFiles(done)))
})
