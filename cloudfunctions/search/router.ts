import { searchContract } from '../../types/index'
import { audited } from '../_kernel/audit'
import { defineRouter } from '../_kernel/router'
import { reindex } from './actions/reindex'
import { search } from './actions/search'

export const router = defineRouter(searchContract, { search, reindex: audited('staff-write', reindex) })
