import { proposalsContract } from '../../../../types/index'
import { projectPhotoFolder } from '../../../../types/uploads'
import { contentVerdict } from '../../../_kernel/content-check'
import { fail, forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { checkUploadedPhotos } from '../../../_kernel/storage'
import { loadViewer } from '../../../_kernel/viewer'
import { canManageProposals } from '../../domain/permissions'
import { toProjectView } from '../../domain/proposal-view'
import { addProgress, getProject, getProposals } from '../../repo'
import { projectFiles, urlsFor } from '../load'

/**
 * Staff record progress on an active project: a percentage and a timeline entry with an optional photo. The photo must
 * be an upload of this environment under projects/<communityId>/ that exists (PHOTO.NOT_FOUND otherwise).
 */
export const updateProgress = action(proposalsContract.updateProgress, async (ctx, input) => {
  const project = await getProject(ctx, input.projectId)
  if (!project) fail('PROJECT.NOT_FOUND', 'project not found')
  const viewer = await loadViewer(ctx, [project.communityId])
  if (!canManageProposals(viewer, project.communityId)) forbidden()
  if (project.status !== 'active') fail('PROJECT.INVALID_STATE', 'the project is completed')
  await checkUploadedPhotos(ctx, input.photo ? [{ fileId: input.photo, path: 'photo' }] : [], projectPhotoFolder(project.communityId))
  if (contentVerdict(ctx) === 'review' && !viewer.isDistrictAdmin) fail('CONTENT.REVIEW', 'the progress text needs review')
  const entry = { at: ctx.now, text: input.text, progress: input.progress, photo: input.photo ?? null }
  if (!(await addProgress(ctx, project._id, entry, ctx.openid))) fail('PROJECT.INVALID_STATE', 'the project changed meanwhile')
  const after = { ...project, progress: entry.progress, timeline: [...project.timeline, entry], updatedAt: ctx.now }
  const [proposals, urls] = await Promise.all([getProposals(ctx, project.proposalIds), urlsFor(ctx, projectFiles(after))])
  return toProjectView(after, proposals, viewer, urls)
})
