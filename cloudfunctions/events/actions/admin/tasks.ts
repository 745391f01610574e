import { eventsContract } from '../../../../types/index'
import { forbidden } from '../../../_kernel/errors'
import { action } from '../../../_kernel/router'
import { loadViewer } from '../../../_kernel/viewer'
import { toTaskView } from '../../domain/event-view'
import { canListForStaff } from '../../domain/permissions'
import { listTasks } from '../../repo'

/** Adjustment tasks (opened by low ratings) of a community, newest first. */
export const listAdjustmentTasks = action(eventsContract.tasks, async (ctx, input) => {
  const viewer = await loadViewer(ctx, [input.communityId])
  if (!canListForStaff(viewer, input.communityId)) forbidden()
  return { tasks: (await listTasks(ctx, input.communityId, input.status)).map(toTaskView) }
})
