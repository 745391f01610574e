/**
 * Sharing (issue 14, Build 1): what someone who never joined sees of a shared notice, event, proposal or project —
 * the public part only (what any resident of that community would see, never who signed up, supported or wrote
 * anonymously, never anything of a child), with the community, so the page can offer to join.
 */
import { z } from 'zod'
import { communityIdSchema } from './ids'

const isoInstant = z.string()

export const sharePreviewSchema = z.object({
  kind: z.enum(['notice', 'event', 'proposal', 'project']),
  communityId: communityIdSchema,
  title: z.string(),
  /** the first part of the text (≤ 300 characters) */
  text: z.string(),
  /** when it happens (an event) or was published (a notice) */
  at: isoInstant.nullable(),
  place: z.string().nullable(),
  /** a proposal still collecting supports: how many more it needs (0 once reached); null otherwise */
  supportsNeeded: z.number().int().nullable(),
  /** a project: its progress in percent */
  progress: z.number().int().nullable(),
})
export type SharePreview = z.infer<typeof sharePreviewSchema>

export const PREVIEW_TEXT_MAX = 300
export const previewText = (text: string): string => (text.length > PREVIEW_TEXT_MAX ? `${text.slice(0, PREVIEW_TEXT_MAX - 1)}…` : text)

/** A proposal's share card title: how many supports it still needs, in the words a neighbour would use. */
export function proposalShareTitle(title: string, supportsNeeded: number | null): string {
  return supportsNeeded && supportsNeeded > 0 ? `还差 ${supportsNeeded} 人附议：${title}` : `居民建议：${title}`
}

/**
 * A poster's short code (collection share_codes, `_id` = the code): the scene `s=<code>` of a notice's or an event's
 * poster names this, and 首页 opens that page. One per object (unique index on kind + refId), made by staff.
 */
export interface ShareCodeDoc {
  /** the code itself: SHARE_CODE_PATTERN */
  _id: string
  communityId: string
  kind: 'notice' | 'event'
  refId: string
  /** the poster made from it (cloud storage), reused until staff regenerate it */
  posterFileId: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
}
