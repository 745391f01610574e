import { noticesContract } from '../../types/index'
import { audited } from '../_kernel/audit'
import { defineRouter } from '../_kernel/router'
import { createNotice } from './actions/create-notice'
import { getNotice } from './actions/get-notice'
import { previewNotice } from './actions/preview-notice'
import { listNotices } from './actions/list-notices'
import { listNoticesForStaff } from './actions/list-notices-for-staff'
import { publishNotice } from './actions/publish-notice'
import { unpublishNotice } from './actions/unpublish-notice'
import { updateNoticeAction } from './actions/update-notice'

export const router = defineRouter(noticesContract, {
  create: audited('staff-write', createNotice),
  update: audited('staff-write', updateNoticeAction),
  publish: audited('staff-write', publishNotice),
  unpublish: audited('staff-write', unpublishNotice),
  list: listNotices,
  get: getNotice,
  preview: previewNotice,
  listForStaff: listNoticesForStaff,
})
