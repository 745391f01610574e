import { insightsContract } from '../../types/index'
import { audited } from '../_kernel/audit'
import { defineRouter } from '../_kernel/router'
import { community } from './actions/community'
import { district } from './actions/district'
import { exportInsights } from './actions/export'
import { queue } from './actions/queue'
import { todo } from './actions/todo'

export const router = defineRouter(insightsContract, {
  community,
  district,
  export: audited('export', exportInsights),
  todo,
  queue,
})
