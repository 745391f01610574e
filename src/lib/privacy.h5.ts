import type * as Face from './privacy'

export const installPrivacyGuard: typeof Face.installPrivacyGuard = () => {}
export const getPrivacyRequest: typeof Face.getPrivacyRequest = () => null
export const subscribePrivacy: typeof Face.subscribePrivacy = () => () => {}
export const answerPrivacy: typeof Face.answerPrivacy = () => {}
