import { eventsContract } from '../../types/index'
import { audited } from '../_kernel/audit'
import { defineRouter } from '../_kernel/router'
import { cancelEvent } from './actions/admin/cancel-event'
import { checkIn } from './actions/admin/check-in'
import { closeAdjustment } from './actions/admin/close-adjustment'
import { createEvent } from './actions/admin/create-event'
import { createSeries } from './actions/admin/create-series'
import { drawLottery } from './actions/admin/draw-lottery'
import { exportSignUps } from './actions/admin/export-sign-ups'
import { listEventsForStaff } from './actions/admin/list-for-staff'
import { listSignUps } from './actions/admin/list-sign-ups'
import { monthOverviewAction } from './actions/admin/month-overview'
import { proxySignUp } from './actions/admin/proxy-sign-up'
import { publishEvent } from './actions/admin/publish-event'
import { listAdjustmentTasks } from './actions/admin/tasks'
import { updateEvent } from './actions/admin/update-event'
import { venuePoster } from './actions/admin/venue-poster'
import { cancelSignUp } from './actions/cancel-sign-up'
import { checkInAtVenue } from './actions/check-in-at-venue'
import { getEvent } from './actions/get-event'
import { previewEvent } from './actions/preview-event'
import { listEvents } from './actions/list-events'
import { lotteryLog } from './actions/lottery-log'
import { mySignUps } from './actions/my-sign-ups'
import { rateEvent } from './actions/rate-event'
import { signUp } from './actions/sign-up'
import { ticket } from './actions/ticket'

export const router = defineRouter(eventsContract, {
  create: audited('staff-write', createEvent),
  update: audited('staff-write', updateEvent),
  publish: audited('staff-write', publishEvent),
  cancelEvent: audited('staff-write', cancelEvent),
  list: listEvents,
  listForStaff: listEventsForStaff,
  get: getEvent,
  preview: previewEvent,
  signUp,
  cancel: audited('staff-write', cancelSignUp),
  mySignups: mySignUps,
  listSignups: listSignUps,
  checkIn: audited('staff-write', checkIn),
  checkInAtVenue,
  rate: rateEvent,
  export: audited('export', exportSignUps),
  draw: audited('staff-write', drawLottery),
  lotteryLog,
  proxySignUp: audited('staff-write', proxySignUp),
  closeAdjustment: audited('staff-write', closeAdjustment),
  tasks: listAdjustmentTasks,
  monthOverview: monthOverviewAction,
  createSeries: audited('staff-write', createSeries),
  ticket,
  venuePoster: audited('staff-write', venuePoster),
})
