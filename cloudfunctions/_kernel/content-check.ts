/**
 * Text content security (msgSecCheck v2). Used for every piece of user-written text before it is stored.
 * `risky` → CONTENT.RISKY (refused); `review` is returned to the caller, which decides (see docs/decisions).
 * If the check itself fails we fail closed: CONTENT.CHECK_UNAVAILABLE, nothing stored.
 */
import type { Context } from './context'
import { AppError } from './errors'

export const SEC_SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const
export type Suggest = 'pass' | 'review' | 'risky'

/** msgSecCheck accepts at most 2 500 characters. */
export const SEC_CHECK_MAX_CHARS = 2500

export async function checkText(
  ctx: Pick<Context, 'openid' | 'platform' | 'log'>,
  text: { scene: keyof typeof SEC_SCENE; content: string; title?: string; nickname?: string },
): Promise<Suggest> {
  const content = text.content.slice(0, SEC_CHECK_MAX_CHARS)
  let result: any
  try {
    result = await ctx.platform.openapi.security.msgSecCheck({
      version: 2,
      openid: ctx.openid,
      scene: SEC_SCENE[text.scene],
      content,
      ...(text.title ? { title: text.title } : {}),
      ...(text.nickname ? { nickname: text.nickname } : {}),
    })
  } catch (error: any) {
    if (error?.errCode === 87014) return 'risky' // v1-style answer
    ctx.log.error('msgSecCheck failed', { errCode: error?.errCode, errMsg: error?.errMsg ?? error?.message })
    throw new AppError('CONTENT.CHECK_UNAVAILABLE', 'content check unavailable')
  }
  const suggest = result?.result?.suggest
  if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
  ctx.log.error('msgSecCheck answered without result.suggest', result)
  throw new AppError('CONTENT.CHECK_UNAVAILABLE', 'content check gave no verdict')
}

/** Refuse risky text; returns 'pass' or 'review'. */
export async function checkTextOrRefuse(...args: Parameters<typeof checkText>): Promise<'pass' | 'review'> {
  const suggest = await checkText(...args)
  if (suggest === 'risky') throw new AppError('CONTENT.RISKY', 'content check: risky')
  return suggest
}
