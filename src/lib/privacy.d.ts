/**
 * WeChat privacy guide (隐私保护指引, in force since 2023-09-15). weapp: `wx.onNeedPrivacyAuthorization` opens our own
 * pop-up (components/privacy-popup) whose agree button has `open-type="agreePrivacyAuthorization"`. H5: nothing to do.
 */
export type PrivacyRequest = { referrer: string }

/** Call once at app launch, before any privacy-scoped API (chooseAvatar, nickname input, chooseImage…). */
export function installPrivacyGuard(): void
export function getPrivacyRequest(): PrivacyRequest | null
export function subscribePrivacy(listener: () => void): () => void
/** 'exposed' reports the pop-up was shown; 'agree' after the agree button's bindagreeprivacyauthorization. */
export function answerPrivacy(answer: 'exposed' | 'agree' | 'disagree'): void
