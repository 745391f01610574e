import { z } from 'zod'
import { COMMUNITY_CODE_PATTERN, ID_PATTERN } from './patterns'

export { COMMUNITY_CODE_PATTERN, ID_PATTERN }

/** Document ids and openids: letters, digits, `_` and `-` only — so `{"$gt": ""}` or `a/../b` can never pass as an id. */
export const idSchema = z.string().regex(ID_PATTERN, '无效的编号')
export const communityIdSchema = idSchema
export const noticeIdSchema = idSchema
export const openidSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '无效的用户编号')

/**
 * A community's short code, the key of its QR scene `c=<code>`: lowercase letters, digits and `-`,
 * 2–30 characters so that the scene stays within WeChat's 32 characters.
 */
export const communityCodeSchema = z.string().regex(COMMUNITY_CODE_PATTERN, '无效的社区码')

/** A cloud storage file id (`cloud://env.xxx/path`). */
export const fileIdSchema = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[^\s?#]+$/, '无效的文件')

/** An instant as ISO-8601 with a zone (`2026-05-01T01:30:00.000Z` or `...+08:00`). */
export const isoInstantSchema = z.iso.datetime({ offset: true })
