/**
 * Proposal statuses as residents read them. Split from proposals-base.ts (which re-exports it) so that the weapp main
 * package (the 议事 section on 首页) carries this table and not every constant of the feature (docs/decisions/0007).
 */
import type { ProposalStatus } from './proposals-base'

export const PROPOSAL_STATUS_LABEL: Record<ProposalStatus, string> = {
  pending: '待审核',
  returned: '退回修改',
  refused: '未通过审核',
  published: '征集附议',
  evaluating: '评估中',
  accepted: '已采纳',
  rejected: '未采纳',
  implementing: '实施中',
  completed: '已完成',
  withdrawn: '已撤回',
}
