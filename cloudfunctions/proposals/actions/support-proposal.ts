import { proposalsContract } from '../../../types/index'
import { deliver } from '../../_kernel/inbox'
import { fail, forbidden, orFail } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { thresholdMessage } from '../domain/messages'
import { childRefusal, isAuthor, mayParticipate, mayTakeBackSupport } from '../domain/permissions'
import { answerDeadline, decideSupport, decideUnsupport } from '../domain/proposal-rules'
import { addSupport, getSettings, markThresholdReached, removeSupport } from '../repo'
import { loadProposalAndViewer, reload } from './load'

/**
 * Support (附议): one per resident and proposal (deterministic record _id), counted only while supports are open.
 * The support that takes the count to the threshold puts the proposal on the must-answer list — exactly once,
 * through a conditional update on `thresholdReachedAt: null` — and tells the author. Supporting twice changes nothing.
 */
export const supportProposal = action(proposalsContract.support, async (ctx, input) => {
  const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId)
  orFail(childRefusal(viewer) ?? true)
  if (!mayParticipate(viewer, p)) forbidden()
  orFail(decideSupport(p, ctx.now, isAuthor(viewer, p)))
  const settings = await getSettings(ctx, p.communityId)
  const outcome = await addSupport(ctx, p, ctx.openid, ctx.now)
  if (outcome === 'closed') fail('PROPOSAL.SUPPORT_CLOSED', 'supports closed meanwhile')
  if (outcome === 'added') {
    const dueAt = answerDeadline(ctx.now, settings.answerDays)
    if (await markThresholdReached(ctx, p._id, settings.supportThreshold, ctx.now, dueAt)) {
      ctx.log.info('threshold reached', { proposalId: p._id, threshold: settings.supportThreshold })
      await deliver(ctx, [p.createdBy], `${p._id}:threshold`, thresholdMessage(p, settings.supportThreshold, dueAt))
    }
  }
  const after = await reload(ctx, p._id)
  return {
    proposalId: p._id,
    supported: true,
    supportCount: after.supportCount,
    thresholdReached: after.thresholdReachedAt !== null,
    changed: outcome === 'added',
  }
})

/** Take one's support back while supports are open. Not supporting: nothing changes. */
export const unsupportProposal = action(proposalsContract.unsupport, async (ctx, input) => {
  const { proposal: p, viewer } = await loadProposalAndViewer(ctx, input.proposalId)
  if (!mayTakeBackSupport(viewer, p)) forbidden()
  orFail(decideUnsupport(p, ctx.now))
  const removed = await removeSupport(ctx, p._id, ctx.openid, ctx.now)
  const after = await reload(ctx, p._id)
  return {
    proposalId: p._id,
    supported: false,
    supportCount: after.supportCount,
    thresholdReached: after.thresholdReachedAt !== null,
    changed: removed,
  }
})
