import { searchContract } from '../../types/index'
import { defineRouter } from '../_kernel/router'
import { reindex } from './actions/reindex'
import { search } from './actions/search'

export const router = defineRouter(searchContract, { search, reindex })
