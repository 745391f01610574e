/** Loading shared by the council actions: the thing (or its NOT_FOUND) and the caller as a viewer of its community. */
import type { ActedBy, ChildProposalDoc, CouncilDoc, CouncilMeetingDoc, CouncilMemberDoc, VoteChoice } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail } from '../../_kernel/errors'
import { tempUrls } from '../../_kernel/storage'
import { loadViewer } from '../../_kernel/viewer'
import { actingAsChair, canManageAgenda, canManageCouncil, type CouncilViewer } from '../domain/permissions'
import type { MeetingExtras } from '../domain/views'
import { countVoted, getCouncil, getMeeting, getMember, getOwnChild, getProposal, listMembersOf, listOpenVotes } from '../repo'

type Viewer = CouncilViewer

/** The caller as a council viewer: roles in these communities, and the child whose own account this is (if any). */
export async function loadCouncilViewer(ctx: Context, communityIds: string[] = []): Promise<CouncilViewer> {
  const [viewer, ownChild] = await Promise.all([
    loadViewer(ctx, communityIds),
    ctx.openid ? getOwnChild(ctx, ctx.openid) : Promise.resolve(null),
  ])
  return { ...viewer, ownChildId: ownChild?._id ?? null }
}

/** The council's chair member, if one is named (whether they still hold the chair is holdsChair's question). */
export async function loadChair(ctx: Context, council: CouncilDoc): Promise<CouncilMemberDoc | null> {
  return council.chair ? getMember(ctx, council.chair.memberId) : null
}

/**
 * A meeting whose agenda the caller may edit: staff, or whoever acts as the chair (AUTH.FORBIDDEN otherwise).
 * `byChair` says who acted when it was the chair (null for staff).
 */
export async function loadAgendaMeeting(
  ctx: Context,
  meetingId: string,
): Promise<{ meeting: CouncilMeetingDoc; viewer: Viewer; byChair: ActedBy | null }> {
  const loaded = await loadMeeting(ctx, meetingId)
  const access = await agendaAccess(ctx, loaded.viewer, loaded.meeting.communityId)
  return { ...loaded, byChair: access.byChair }
}

/** Staff manage agendas; otherwise the caller must act as the chair of the community's council. */
export async function agendaAccess(
  ctx: Context,
  viewer: Viewer,
  communityId: string,
): Promise<{ council: CouncilDoc; byChair: ActedBy | null }> {
  const council = await getCouncil(ctx, communityId)
  if (canManageCouncil(viewer, communityId)) {
    if (!council) fail('COUNCIL.NOT_FOUND', 'this community has no children’s council')
    return { council, byChair: null }
  }
  const byChair = council ? actingAsChair(viewer, council, await loadChair(ctx, council), ctx.now) : null
  if (!council || !byChair) fail('AUTH.FORBIDDEN', '没有权限执行此操作')
  return { council, byChair }
}

export async function requireCouncil(ctx: Context, communityId: string): Promise<CouncilDoc> {
  const council = await getCouncil(ctx, communityId)
  if (!council) fail('COUNCIL.NOT_FOUND', 'this community has no children’s council')
  return council
}

export async function loadMember(ctx: Context, memberId: string): Promise<{ member: CouncilMemberDoc; viewer: Viewer }> {
  const member = await getMember(ctx, memberId)
  if (!member) fail('COUNCIL.MEMBER_NOT_FOUND', 'member not found')
  return { member, viewer: await loadCouncilViewer(ctx, [member.communityId]) }
}

export async function loadProposal(ctx: Context, proposalId: string): Promise<{ proposal: ChildProposalDoc; viewer: Viewer }> {
  const proposal = await getProposal(ctx, proposalId)
  if (!proposal) fail('COUNCIL.PROPOSAL_NOT_FOUND', 'proposal not found')
  return { proposal, viewer: await loadCouncilViewer(ctx, [proposal.communityId]) }
}

export async function loadMeeting(ctx: Context, meetingId: string): Promise<{ meeting: CouncilMeetingDoc; viewer: Viewer }> {
  const meeting = await getMeeting(ctx, meetingId)
  if (!meeting) fail('COUNCIL.MEETING_NOT_FOUND', 'meeting not found')
  return { meeting, viewer: await loadCouncilViewer(ctx, [meeting.communityId]) }
}

/** A meeting the caller manages (AUTH.FORBIDDEN otherwise). */
export async function loadManagedMeeting(ctx: Context, meetingId: string): Promise<{ meeting: CouncilMeetingDoc; viewer: Viewer }> {
  const loaded = await loadMeeting(ctx, meetingId)
  if (!canManageCouncil(loaded.viewer, loaded.meeting.communityId)) fail('AUTH.FORBIDDEN', '没有权限执行此操作')
  return loaded
}

/** Members (for labels), open-vote ballots of closed items, live vote counts for staff, and whether the caller edits the agenda. */
export async function meetingExtras(ctx: Context, meeting: CouncilMeetingDoc, viewer: Viewer): Promise<MeetingExtras> {
  const [all, council] = await Promise.all([listMembersOf(ctx, meeting.councilId), getCouncil(ctx, meeting.communityId)])
  const members = new Map(all.map((m) => [m._id, m]))
  const chair = council?.chair ? (members.get(council.chair.memberId) ?? null) : null
  const agenda = council ? canManageAgenda(viewer, council, chair, ctx.now) : canManageCouncil(viewer, meeting.communityId)
  const ballots = new Map<string, { memberId: string; choice: VoteChoice }[]>()
  const voted = new Map<string, number>()
  const manage = canManageCouncil(viewer, meeting.communityId)
  await Promise.all(
    meeting.items.map(async (item) => {
      if (!item.vote) return
      if (item.vote.status === 'closed' && !item.vote.secret) {
        ballots.set(
          item.itemId,
          (await listOpenVotes(ctx, meeting._id, item.itemId)).map((v) => ({ memberId: v.memberId, choice: v.choice! })),
        )
      }
      if (manage) voted.set(item.itemId, await countVoted(ctx, meeting._id, item.itemId))
    }),
  )
  return { members, ballots, voted, canManageAgenda: agenda }
}

export async function photoUrls(ctx: Context, proposals: ChildProposalDoc[]): Promise<Map<string, string>> {
  const ids = proposals.map((p) => p.photo).filter((x): x is string => !!x)
  return ids.length ? tempUrls(ctx, ids) : new Map()
}

export const randomId = (prefix: string) =>
  `${prefix}${Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`
