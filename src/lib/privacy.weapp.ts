import type * as Face from './privacy'

type Resolve = (r: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void
declare const wx: {
  onNeedPrivacyAuthorization?: (listener: (resolve: Resolve, eventInfo: { referrer: string }) => void) => void
}

export const AGREE_BUTTON_ID = 'agree-btn'

/** Every API call that waits for consent; one answer settles them all (as in WeChat's own privacy demo). */
let pending: { resolves: Resolve[]; request: Face.PrivacyRequest } | null = null
let installed = false
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((l) => l())

export const installPrivacyGuard: typeof Face.installPrivacyGuard = () => {
  if (installed || typeof wx === 'undefined' || !wx.onNeedPrivacyAuthorization) return
  installed = true
  wx.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    if (pending) pending.resolves.push(resolve)
    else pending = { resolves: [resolve], request: { referrer: eventInfo?.referrer ?? '' } }
    notify()
  })
}

export const getPrivacyRequest: typeof Face.getPrivacyRequest = () => pending?.request ?? null

export const subscribePrivacy: typeof Face.subscribePrivacy = (listener) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const answerPrivacy: typeof Face.answerPrivacy = (answer) => {
  if (!pending) return
  if (answer === 'exposed') {
    pending.resolves.forEach((r) => r({ event: 'exposureAuthorization' }))
    return
  }
  const { resolves } = pending
  pending = null
  resolves.forEach((r) => r(answer === 'agree' ? { buttonId: AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' }))
  notify()
}
