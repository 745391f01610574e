/** Loading shared by the council actions: the thing (or its NOT_FOUND) and the caller as a viewer of its community. */
import type { ChildProposalDoc, CouncilDoc, CouncilMeetingDoc, CouncilMemberDoc, VoteChoice } from '../../../types/index'
import type { Context } from '../../_kernel/context'
import { fail } from '../../_kernel/errors'
import type { Viewer } from '../../_kernel/permissions'
import { tempUrls } from '../../_kernel/storage'
import { loadViewer } from '../../_kernel/viewer'
import { canManageCouncil } from '../domain/permissions'
import type { MeetingExtras } from '../domain/views'
import { countVoted, getCouncil, getMeeting, getMember, getProposal, listMembersOf, listOpenVotes } from '../repo'

export async function requireCouncil(ctx: Context, communityId: string): Promise<CouncilDoc> {
  const council = await getCouncil(ctx, communityId)
  if (!council) fail('COUNCIL.NOT_FOUND', 'this community has no children’s council')
  return council
}

export async function loadMember(ctx: Context, memberId: string): Promise<{ member: CouncilMemberDoc; viewer: Viewer }> {
  const member = await getMember(ctx, memberId)
  if (!member) fail('COUNCIL.MEMBER_NOT_FOUND', 'member not found')
  return { member, viewer: await loadViewer(ctx, [member.communityId]) }
}

export async function loadProposal(ctx: Context, proposalId: string): Promise<{ proposal: ChildProposalDoc; viewer: Viewer }> {
  const proposal = await getProposal(ctx, proposalId)
  if (!proposal) fail('COUNCIL.PROPOSAL_NOT_FOUND', 'proposal not found')
  return { proposal, viewer: await loadViewer(ctx, [proposal.communityId]) }
}

export async function loadMeeting(ctx: Context, meetingId: string): Promise<{ meeting: CouncilMeetingDoc; viewer: Viewer }> {
  const meeting = await getMeeting(ctx, meetingId)
  if (!meeting) fail('COUNCIL.MEETING_NOT_FOUND', 'meeting not found')
  return { meeting, viewer: await loadViewer(ctx, [meeting.communityId]) }
}

/** A meeting the caller manages (AUTH.FORBIDDEN otherwise). */
export async function loadManagedMeeting(ctx: Context, meetingId: string): Promise<{ meeting: CouncilMeetingDoc; viewer: Viewer }> {
  const loaded = await loadMeeting(ctx, meetingId)
  if (!canManageCouncil(loaded.viewer, loaded.meeting.communityId)) fail('AUTH.FORBIDDEN', '没有权限执行此操作')
  return loaded
}

/** Members (for labels), open-vote ballots of closed items, and live vote counts for staff. */
export async function meetingExtras(ctx: Context, meeting: CouncilMeetingDoc, viewer: Viewer): Promise<MeetingExtras> {
  const members = new Map((await listMembersOf(ctx, meeting.councilId)).map((m) => [m._id, m]))
  const ballots = new Map<string, { memberId: string; choice: VoteChoice }[]>()
  const voted = new Map<string, number>()
  const manage = canManageCouncil(viewer, meeting.communityId)
  await Promise.all(
    meeting.items.map(async (item) => {
      if (!item.vote) return
      if (item.vote.status === 'closed' && !item.vote.secret) {
        ballots.set(item.itemId, (await listOpenVotes(ctx, meeting._id, item.itemId)).map((v) => ({ memberId: v.memberId, choice: v.choice! })))
      }
      if (manage) voted.set(item.itemId, await countVoted(ctx, meeting._id, item.itemId))
    }),
  )
  return { members, ballots, voted }
}

export async function photoUrls(ctx: Context, proposals: ChildProposalDoc[]): Promise<Map<string, string>> {
  const ids = proposals.map((p) => p.photo).filter((x): x is string => !!x)
  return ids.length ? tempUrls(ctx, ids) : new Map()
}

export const randomId = (prefix: string) => `${prefix}${Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`
