/**
 * The audit trail (`audit_log`): one entry per staff or admin write, export of personal data, role change and erase of
 * a child's data — who, community, action, object, which fields changed (never their values), when. Entries are
 * hash-chained per community; `verify` names the first entry that was edited, removed or reordered.
 */
import { z } from 'zod'
import { communityIdSchema, isoInstantSchema } from './ids'

/**
 * What kind of audited action this is; declared once per router action. `system-write`: a timer job's writes on behalf
 * of the community (draws, no-shows), one entry per run and community; a timer's erase of a child's data is `erase`.
 */
export const AUDIT_KINDS = ['staff-write', 'export', 'role-change', 'erase', 'system-write'] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

/** The community key of entries that belong to no community (district-level actions). */
export const AUDIT_DISTRICT = '_district'

/** The hash before the first entry of a chain. */
export const AUDIT_GENESIS = '0'.repeat(64)

/** The caller's standing before the change; `system`: a timer job (no caller). */
export const AUDIT_ROLES = ['admin', 'staff', 'resident', 'child', 'none', 'system'] as const
export type AuditRole = (typeof AUDIT_ROLES)[number]

/** An audit_log document; `_id` is `${communityId}_${seq padded to 10}`. */
export interface AuditEntryDoc {
  _id: string
  communityId: string
  /** 1, 2, 3 … per community, no gaps */
  seq: number
  kind: AuditKind
  /** `notices.update` */
  action: string
  actor: { openid: string; role: AuditRole }
  objectId: string | null
  /** what changed: the fields touched, never their values */
  summary: string
  at: Date
  prevHash: string
  /** sha256 over every field above (canonical JSON) */
  hash: string
}

/** audit_heads document per community: the last seq and hash; updated in the same transaction as each append. */
export interface AuditHeadDoc {
  _id: string
  seq: number
  hash: string
  updatedAt: Date
}

export const auditEntryView = z.object({
  id: z.string(),
  communityId: z.string(),
  seq: z.number().int(),
  kind: z.enum(AUDIT_KINDS),
  action: z.string(),
  actor: z.object({ openid: z.string(), role: z.enum(AUDIT_ROLES) }),
  objectId: z.string().nullable(),
  summary: z.string(),
  at: z.string(),
})
export type AuditEntryView = z.infer<typeof auditEntryView>

export const listAuditInput = z.strictObject({
  communityId: communityIdSchema.optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  /** the `cursor` of the previous page */
  cursor: z
    .string()
    .max(80)
    .regex(/^[0-9]{13}_[A-Za-z0-9_-]{1,70}$/, '无效的游标')
    .optional(),
})
export const listAuditOutput = z.object({ entries: z.array(auditEntryView), cursor: z.string().nullable() })

export const verifyAuditInput = z.strictObject({ communityId: z.union([communityIdSchema, z.literal(AUDIT_DISTRICT)]) })
export const verifyAuditOutput = z.object({
  communityId: z.string(),
  /** entries checked */
  checked: z.number().int(),
  ok: z.boolean(),
  /** the first entry that was edited, removed or reordered: its seq, id when present, and what is wrong */
  firstBad: z.object({ seq: z.number().int(), id: z.string().nullable(), problem: z.enum(['edited', 'removed', 'reordered']) }).nullable(),
})
export type VerifyAuditOutput = z.infer<typeof verifyAuditOutput>

export const auditContract = {
  list: { input: listAuditInput, output: listAuditOutput },
  verify: { input: verifyAuditInput, output: verifyAuditOutput },
} as const
