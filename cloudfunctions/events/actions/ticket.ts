import QRCode from 'qrcode'
import { eventsContract, ticketQrText } from '../../../types/index'
import { fail, forbidden } from '../../_kernel/errors'
import { action } from '../../_kernel/router'
import { canSeeTicket } from '../domain/permissions'
import { getSignup, signupIdOf } from '../repo'
import { loadVisibleEvent, participantOf } from './load'

/** The ticket of a confirmed place as a QR code (`YBT:<code>`) for staff to scan; the code is also typed by hand. */
export const ticket = action(eventsContract.ticket, async (ctx, input) => {
  const { event, viewer } = await loadVisibleEvent(ctx, input.eventId)
  const signup = await getSignup(ctx, signupIdOf(event._id, participantOf(ctx, input.participantId)))
  if (signup && !canSeeTicket(viewer, event, signup)) forbidden()
  if (!signup || signup.status !== 'confirmed') fail('SIGNUP.NOT_FOUND', 'no confirmed place')
  const qrText = ticketQrText(signup.ticketCode)
  const qrDataUrl = await QRCode.toDataURL(qrText, { width: 320, margin: 2, errorCorrectionLevel: 'M' })
  return {
    eventId: event._id,
    participantId: signup.participantId,
    displayName: signup.displayName,
    ticketCode: signup.ticketCode,
    qrText,
    qrDataUrl,
  }
})
