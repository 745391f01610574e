import { councilContract, type AgendaItemDoc } from '../../../types/index'
import { fail, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { decideAgendaEdit, insertItem } from '../domain/rules'
import { toMeetingView } from '../domain/views'
import { getProposal, mutateMeeting, updateProposalIf } from '../repo'
import { loadAgendaMeeting, meetingExtras, randomId } from './load'

/** An agenda item from a reviewed child proposal (its idea, presented by its child) or a free item. Staff or the chair. */
export const addAgendaItem = action(councilContract.addAgendaItem, async (ctx, input) => {
  const { meeting, viewer, byChair } = await loadAgendaMeeting(ctx, input.meetingId)
  orFail(decideAgendaEdit(meeting) ?? true)
  let item: AgendaItemDoc
  const base = { itemId: randomId('item'), durationMinutes: input.durationMinutes, order: 0, vote: null, decision: null }
  if (input.proposalId !== undefined) {
    const proposal = await getProposal(ctx, input.proposalId)
    if (!proposal || proposal.communityId !== meeting.communityId) fail('COUNCIL.PROPOSAL_NOT_FOUND', 'proposal not found')
    if (proposal.status !== 'approved') fail('COUNCIL.PROPOSAL_INVALID_STATE', 'only approved proposals go on an agenda')
    const title = input.title ?? ([...proposal.idea].length > 30 ? `${[...proposal.idea].slice(0, 29).join('')}…` : proposal.idea)
    item = { ...base, title, presenterAlias: proposal.alias, presenterMemberId: proposal.memberId, proposalId: proposal._id }
  } else {
    item = { ...base, title: input.title!, presenterAlias: input.presenterAlias ?? null, presenterMemberId: null, proposalId: null }
  }
  const updated = await mutateMeeting(ctx, meeting._id, (m) => {
    orFail(decideAgendaEdit(m) ?? true)
    return { items: insertItem(m.items, item, input.order), updatedAt: ctx.now, updatedBy: ctx.openid, ...(byChair ? { byChair } : {}) }
  })
  if (item.proposalId) await updateProposalIf(ctx, item.proposalId, {}, { meetingId: meeting._id, updatedAt: ctx.now })
  return toMeetingView(updated, viewer, ctx.now, await meetingExtras(ctx, updated, viewer))
})
