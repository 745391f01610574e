import { auditContract } from '../../types/index'
import { defineRouter } from '../_kernel/router'
import { listAudit } from './actions/list'
import { verifyAudit } from './actions/verify'

/** Reads only: no function edits or deletes an audit entry. */
export const router = defineRouter(auditContract, {
  list: listAudit,
  verify: verifyAudit,
})
