import { insightsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { communityInsights } from './load'

export const community = action(insightsContract.community, (ctx, input) => communityInsights(ctx, input.communityId, input.from, input.to))
