import {
  COLLECTIONS,
  insightsContract,
  type AdjustmentTaskDoc,
  type ChildProposalDoc,
  type EventDoc,
  type ProposalCommentDoc,
  type ProposalDoc,
} from '../../../types/index'
import { forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { loadViewer } from '../../_kernel/viewer'
import { canReadCommunityInsights } from '../domain/permissions'
import { todoItems, type TodoRecords } from '../domain/todo'

const LIMIT = 100

/** Everything waiting for a community's staff, from each feature's own collections (indexed queries only). */
export const todo = action(insightsContract.todo, async (ctx, input) => {
  const communityId = input.communityId
  const viewer = await loadViewer(ctx, [communityId])
  if (!canReadCommunityInsights(viewer, communityId)) forbidden()
  const _ = ctx._
  const get = async <T>(collection: string, where: Record<string, unknown>, orderBy: string): Promise<T[]> =>
    ((await ctx.db.collection(collection).where(where).orderBy(orderBy, 'asc').limit(LIMIT).get()) as { data: T[] }).data
  const [pendingProposals, mustAnswer, reportedProposals, reportedComments, childPending, childApproved, tasks, upcoming] =
    await Promise.all([
      get<ProposalDoc>(COLLECTIONS.proposals, { communityId, status: 'pending' }, 'createdAt'),
      get<ProposalDoc>(
        COLLECTIONS.proposals,
        { communityId, thresholdReachedAt: _.neq(null), answerDueAt: _.neq(null), finalAnsweredAt: null },
        'answerDueAt',
      ),
      get<ProposalDoc>(COLLECTIONS.proposals, { communityId, hidden: true, hiddenBy: 'reports' }, 'publishedAt'),
      get<ProposalCommentDoc>(COLLECTIONS.proposalComments, { communityId, hiddenBy: 'reports' }, 'createdAt'),
      get<ChildProposalDoc>(COLLECTIONS.councilProposals, { communityId, status: 'pending' }, 'createdAt'),
      get<ChildProposalDoc>(COLLECTIONS.councilProposals, { communityId, status: 'approved', answer: null }, 'createdAt'),
      get<AdjustmentTaskDoc>(COLLECTIONS.eventTasks, { communityId, status: 'open' }, 'openedAt'),
      get<EventDoc>(COLLECTIONS.events, { communityId, status: 'published', startAt: _.gt(ctx.now) }, 'startAt'),
    ])
  const records: TodoRecords = {
    pendingProposals,
    mustAnswer,
    reportedProposals,
    reportedComments,
    childPending,
    childApproved,
    tasks,
    upcoming,
  }
  const items = todoItems(communityId, records, ctx.now)
  return { items, count: items.length }
})
