import { councilContract } from '../../../types/index'
import { forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { answerMessage } from '../domain/messages'
import { canManageCouncil } from '../domain/permissions'
import { decideRespond } from '../domain/rules'
import { toProposalView } from '../domain/views'
import { notify } from '../notify'
import { getMember, recipientsOf, updateProposalIf } from '../repo'
import { loadProposal } from './load'

/** An adult's answer to a reviewed child proposal, in child-friendly words; the child and guardian receive it. */
export const respond = action(councilContract.respond, async (ctx, input) => {
  const { proposal, viewer } = await loadProposal(ctx, input.proposalId)
  if (!canManageCouncil(viewer, proposal.communityId)) forbidden()
  orFail(decideRespond(proposal) ?? true)
  const changes = { answer: { kind: input.kind, text: input.text, at: ctx.now, by: ctx.openid }, updatedAt: ctx.now }
  await updateProposalIf(ctx, proposal._id, {}, changes)
  const member = await getMember(ctx, proposal.memberId)
  if (member) {
    await notify(
      ctx,
      await recipientsOf(ctx, [member]),
      `council.answer:${proposal._id}:${ctx.now.getTime()}`,
      answerMessage(proposal, input, ctx.now),
    )
  }
  return toProposalView({ ...proposal, ...changes }, viewer, ctx.now, member, null)
})
