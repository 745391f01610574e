/**
 * Text content security (msgSecCheck v2), run by the kernel for every input field the contract marks as read by
 * someone other than its author (`shownText` in types/text.ts) — before the action runs (docs/decisions/0036):
 *  - `risky` → CONTENT.RISKY, the action never runs, nothing is written;
 *  - `review` → what the action's contract entry declares: `refuse` (the default) → CONTENT.REVIEW, nothing written,
 *    the caller is asked to rephrase; `hold` → the action runs and reads the verdict from `ctx.content` to keep the
 *    text out of sight (a draft, `moderation: 'review'` awaiting staff or the district admin);
 *  - the check itself fails → CONTENT.CHECK_UNAVAILABLE (fail closed), nothing stored.
 * No action calls msgSecCheck itself: the verdict in the context is the only one.
 */
import type { z } from 'zod'
import { markedTexts, type TextScene } from '../../types/text'
import type { Context } from './context'
import { fieldOf } from './data'
import { AppError } from './errors'

export const SEC_SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const
export type Suggest = 'pass' | 'review' | 'risky'

/** msgSecCheck accepts at most 2 500 characters; a longer text is checked in pieces. */
export const SEC_CHECK_MAX_CHARS = 2500

/** What the contract declares for a `review` verdict on an action's text. */
export type ReviewOutcome = 'refuse' | 'hold'

/** The verdict on an action's marked texts, in the context. `pass` also when the input carried no marked text. */
export interface ContentVerdict {
  verdict: 'pass' | 'review'
  /** the marked fields that were checked (paths), and which of them the check sent to review */
  checked: string[]
  review: string[]
}

async function checkOne(ctx: Pick<Context, 'openid' | 'platform' | 'log'>, scene: TextScene, content: string): Promise<Suggest> {
  let result: unknown
  try {
    result = await ctx.platform.openapi.security.msgSecCheck({ version: 2, openid: ctx.openid, scene: SEC_SCENE[scene], content })
  } catch (error) {
    if (fieldOf(error, 'errCode') === 87014) return 'risky' // v1-style answer
    ctx.log.error('msgSecCheck failed', {
      errCode: fieldOf(error, 'errCode'),
      errMsg: fieldOf(error, 'errMsg') ?? fieldOf(error, 'message'),
    })
    throw new AppError('CONTENT.CHECK_UNAVAILABLE', 'content check unavailable')
  }
  const suggest = fieldOf(fieldOf(result, 'result'), 'suggest')
  if (suggest === 'pass' || suggest === 'review' || suggest === 'risky') return suggest
  ctx.log.error('msgSecCheck answered without result.suggest', result)
  throw new AppError('CONTENT.CHECK_UNAVAILABLE', 'content check gave no verdict')
}

/** One text's verdict: the worst of its pieces (a text over 2 500 characters is checked piece by piece). */
export async function checkText(ctx: Pick<Context, 'openid' | 'platform' | 'log'>, scene: TextScene, content: string): Promise<Suggest> {
  const chars = [...content]
  let worst: Suggest = 'pass'
  for (let i = 0; i < chars.length; i += SEC_CHECK_MAX_CHARS) {
    const suggest = await checkOne(ctx, scene, chars.slice(i, i + SEC_CHECK_MAX_CHARS).join(''))
    if (suggest === 'risky') return 'risky'
    if (suggest === 'review') worst = 'review'
  }
  return worst
}

const REPHRASE = '这段文字需要修改后再提交'

/**
 * Check every marked (`audience: 'others'`) text of a parsed input. Throws CONTENT.RISKY, or CONTENT.REVIEW when the
 * action's outcome is `refuse`; otherwise answers the verdict for the context. Issues name the fields.
 */
export async function checkMarkedInput(
  ctx: Pick<Context, 'openid' | 'platform' | 'log'>,
  schema: z.ZodType,
  input: unknown,
  outcome: ReviewOutcome,
): Promise<ContentVerdict> {
  const texts = markedTexts(schema, input).filter((t) => t.mark.audience === 'others' && t.text.length > 0)
  const verdicts = await Promise.all(texts.map((t) => checkText(ctx, t.mark.scene, t.text)))
  const at = (suggest: Suggest) => texts.filter((_, i) => verdicts[i] === suggest).map((t) => t.path)
  const risky = at('risky')
  if (risky.length > 0) {
    throw new AppError(
      'CONTENT.RISKY',
      'content check: risky',
      risky.map((path) => ({ path, code: 'content_risky', message: REPHRASE })),
    )
  }
  const review = at('review')
  if (review.length > 0 && outcome === 'refuse') {
    throw new AppError(
      'CONTENT.REVIEW',
      'content check: review — rephrase',
      review.map((path) => ({ path, code: 'content_review', message: REPHRASE })),
    )
  }
  return { verdict: review.length > 0 ? 'review' : 'pass', checked: texts.map((t) => t.path), review }
}

/**
 * The kernel's verdict on this call's marked texts (`hold` actions): 'review' keeps the text out of sight. Fails
 * closed if the context was built without a check (a programming error, never a pass).
 */
export function contentVerdict(ctx: Pick<Context, 'content'>): 'pass' | 'review' {
  if (!ctx.content) throw new Error('no content verdict in the context: the kernel did not check this input')
  return ctx.content.verdict
}

/**
 * The moderation of an edited record: 'review' when the texts sent now were, or when a text kept from before (not
 * sent again) had been — an edit of one field never clears the verdict on another.
 */
export function moderationAfterEdit(
  sent: 'pass' | 'review',
  previous: string | null | undefined,
  keepsOldText: boolean,
): 'pass' | 'review' {
  return sent === 'review' || (keepsOldText && previous === 'review') ? 'review' : 'pass'
}
