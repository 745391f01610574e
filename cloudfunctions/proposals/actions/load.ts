/** Loading shared by the proposal actions: the proposal (or NOT_FOUND / FORBIDDEN), full views, and telling people. */
import type { ProjectDoc, ProposalDoc, ProposalView } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { enqueue } from '../../_kernel/outbox'
import { fail, forbidden } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { tempUrls } from '../../_kernel/storage'
import { loadViewer } from '../../_kernel/viewer'
import type { Message } from '../domain/messages'
import { canManageProposals, canReadProposals, canSeeProposal } from '../domain/permissions'
import { toProposalView } from '../domain/proposal-view'
import { childAccountsAmong, getProject, getProposal, getSettings, hasSupported, listComments, supporterOpenids } from '../repo'

/**
 * The proposal and the caller as a viewer of its community. Outsiders (not a member, not staff of it, not the
 * district admin) get AUTH.FORBIDDEN; members get PROPOSAL.NOT_FOUND for what they may not see.
 */
export async function loadProposalAndViewer(
  ctx: Context,
  proposalId: string,
  options: { staffOnly?: boolean } = {},
): Promise<{ proposal: ProposalDoc; viewer: Viewer }> {
  const proposal = await getProposal(ctx, proposalId)
  if (!proposal) fail('PROPOSAL.NOT_FOUND', 'proposal not found')
  const viewer = await loadViewer(ctx, [proposal.communityId])
  if (!canReadProposals(viewer, proposal.communityId) && !canManageProposals(viewer, proposal.communityId)) forbidden()
  // A staff action asked by someone who is not staff here: refused for the role, whatever the proposal's state.
  if (options.staffOnly && !canManageProposals(viewer, proposal.communityId)) forbidden()
  if (!canSeeProposal(viewer, proposal)) fail('PROPOSAL.NOT_FOUND', 'proposal not found')
  return { proposal, viewer }
}

/** Re-read after a write (the stored document is the truth: counters and timelines change under us). */
export async function reload(ctx: Context, proposalId: string): Promise<ProposalDoc> {
  const proposal = await getProposal(ctx, proposalId)
  if (!proposal) throw new Error(`proposal ${proposalId} vanished`)
  return proposal
}

/** Temporary URLs for a set of file ids (none: no call). */
export async function urlsFor(ctx: Context, fileIds: (string | null | undefined)[]): Promise<Map<string, string>> {
  const ids = [...new Set(fileIds.filter((f): f is string => typeof f === 'string' && f.length > 0))]
  return ids.length ? tempUrls(ctx, ids) : new Map()
}

export function projectFiles(project: ProjectDoc | null): (string | null)[] {
  if (!project) return []
  return [...project.timeline.map((e) => e.photo), ...(project.outcome?.photos ?? [])]
}

/** The full view of one proposal for this viewer: support, comments, project, photo URLs. */
export async function proposalView(ctx: Context, proposal: ProposalDoc, viewer: Viewer): Promise<ProposalView> {
  const [settings, supported, comments, project] = await Promise.all([
    getSettings(ctx, proposal.communityId),
    hasSupported(ctx, proposal._id, ctx.openid),
    listComments(ctx, proposal._id),
    proposal.projectId ? getProject(ctx, proposal.projectId) : Promise.resolve(null),
  ])
  const [urls, childAuthors] = await Promise.all([
    urlsFor(ctx, [...(proposal.photos ?? []), ...projectFiles(project)]),
    childAccountsAmong(
      ctx,
      comments.map((c) => c.createdBy),
    ),
  ])
  return toProposalView(proposal, viewer, ctx.now, settings, { supported, comments, project, urls, childAuthors })
}

/** Tell the author and every supporter (inbox + subscribe message), once per event — queued: the fan-out timer delivers. */
export async function tellAuthorAndSupporters(ctx: Context, proposal: ProposalDoc, eventKey: string, message: Message): Promise<void> {
  const supporters = await supporterOpenids(ctx, proposal._id)
  await enqueue(ctx, [proposal.createdBy, ...supporters], eventKey, message)
}
