import { insightsContract } from '../../../types/index'
import { action } from '../../_kernel/router'
import { districtInsights } from './load'

export const district = action(insightsContract.district, (ctx, input) => districtInsights(ctx, input.from, input.to))
