import { ANSWER_DECISION_LABEL, proposalsContract, type ProposalDoc } from '../../../../types/index'
import { contentVerdict } from '../../../_kernel/content-check'
import { fail, forbidden, orFail } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { answerMessage } from '../../domain/messages'
import { mayModerate } from '../../domain/permissions'
import { ANSWER_TRANSITION, answerFields, decideTransition } from '../../domain/proposal-rules'
import { transition } from '../../repo'
import { loadProposalAndViewer, proposalView, reload, tellAuthorAndSupporters } from '../load'

/**
 * Staff answer a published proposal: evaluating (评估中), then accepted (with an optional cost and due date) or
 * rejected — always with an explanation. The author and every supporter receive it.
 */
export const answerProposal = action(proposalsContract.answer, async (ctx, input) => {
  const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId, { staffOnly: true })
  if (!mayModerate(viewer, p)) forbidden()
  const { from, to } = orFail(decideTransition(p, ANSWER_TRANSITION[input.decision]))
  if (contentVerdict(ctx) === 'review' && !viewer.isDistrictAdmin) fail('CONTENT.REVIEW', 'the explanation needs review')
  const answer = answerFields(input, ctx.now)
  const changes: Partial<ProposalDoc> = { status: to, answer, updatedAt: ctx.now, updatedBy: ctx.openid }
  if (input.decision !== 'evaluating') changes.finalAnsweredAt = ctx.now
  const entry = {
    at: ctx.now,
    kind: 'answered' as const,
    text: `${ANSWER_DECISION_LABEL[input.decision]}：${input.explanation}`,
    audience: 'public' as const,
  }
  if (!(await transition(ctx, p._id, from, changes, entry))) fail('PROPOSAL.INVALID_STATE', 'the proposal changed meanwhile')
  await tellAuthorAndSupporters(ctx, p, `${p._id}:answer:${ctx.now.getTime()}`, answerMessage(p, answer, ctx.now))
  return proposalView(ctx, await reload(ctx, p._id), viewer)
})
