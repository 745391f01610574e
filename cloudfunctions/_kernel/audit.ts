/**
 * The audit trail's kernel half. A router declares which of its actions are audited (`audited('staff-write', def)`);
 * the router kernel runs every action through `runAudited`, which appends one hash-chained entry to `audit_log` after
 * an audited action succeeds — unless the action already appended inside its own transaction
 * (`appendAuditInTransaction`). The chain is serialised per community by its `audit_heads` document, read and written
 * in the same transaction as the entry. Nothing here (or anywhere) updates or removes an entry.
 */
import { createHash } from 'node:crypto'
import {
  AUDIT_DISTRICT,
  AUDIT_GENESIS,
  COLLECTIONS,
  type AuditEntryDoc,
  type AuditHeadDoc,
  type AuditKind,
  type AuditRole,
} from '../../types/index'
import type { CollectionName } from '../../types/collections'
import type { Context } from './context'
import { collection, withTransaction, type Tx } from './data'
import type { ActionDef } from './router'
import { loadViewer } from './viewer'

const KIND = Symbol('audit kind')
type AuditedDef = ActionDef & { [KIND]?: AuditKind }

/** Declare an action audited: `create: audited('staff-write', createNotice)` in a router. */
export function audited<D extends ActionDef>(kind: AuditKind, def: D): D {
  return { ...def, [KIND]: kind }
}

/** The audit kind an action was declared with, or undefined (for tests and docs). */
export const auditKindOf = (def: ActionDef): AuditKind | undefined => (def as AuditedDef)[KIND]

/** Calls whose action already appended its entry inside its own transaction. */
const appendedInside = new WeakSet<Context>()

/** What one entry says, before the chain fields. */
export interface AuditFacts {
  communityId: string
  kind: AuditKind
  action: string
  actor: { openid: string; role: AuditRole }
  objectId: string | null
  summary: string
  at: Date
}

export const auditEntryId = (communityId: string, seq: number) => `${communityId}_${String(seq).padStart(10, '0')}`

/** sha256 over the entry's fields in a fixed order (the chain link: prevHash is one of them). */
export function entryHash(e: Omit<AuditEntryDoc, '_id' | 'hash'>): string {
  const at = e.at instanceof Date ? e.at.toISOString() : new Date(e.at as unknown as string).toISOString()
  const canonical = JSON.stringify([
    e.communityId,
    e.seq,
    e.kind,
    e.action,
    e.actor.openid,
    e.actor.role,
    e.objectId,
    e.summary,
    at,
    e.prevHash,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/** The next entry after `head` (null: the chain's first). Pure. */
export function nextEntry(head: Pick<AuditHeadDoc, 'seq' | 'hash'> | null, facts: AuditFacts): AuditEntryDoc {
  const seq = (head?.seq ?? 0) + 1
  const prevHash = head?.hash ?? AUDIT_GENESIS
  const body = { ...facts, seq, prevHash }
  return { _id: auditEntryId(facts.communityId, seq), ...body, hash: entryHash(body) }
}

/**
 * Append inside the caller's transaction `t` (the same transaction as the change). Marks the call so the kernel
 * does not append a second entry for it.
 */
export async function appendAuditInTransaction(tx: Tx, ctx: Context, facts: AuditFacts): Promise<AuditEntryDoc> {
  const head = await tx.collection(COLLECTIONS.auditHeads).get(facts.communityId)
  const entry = nextEntry(head, facts)
  const { _id, ...data } = entry
  await tx.collection(COLLECTIONS.auditLog).set(_id, data)
  await tx.collection(COLLECTIONS.auditHeads).set(facts.communityId, { seq: entry.seq, hash: entry.hash, updatedAt: facts.at })
  appendedInside.add(ctx)
  return entry
}

/** Append in a transaction of its own (for changes that were not transactional). */
export async function appendAudit(ctx: Context, facts: AuditFacts): Promise<AuditEntryDoc> {
  const entry = await withTransaction(ctx.db, (tx) => appendAuditInTransaction(tx, ctx, facts), { attempts: 8 })
  return entry
}

/** Input keys that name the action's object, in order of preference, and the collection that holds it. */
const OBJECT_KEYS: [key: string, collection: CollectionName | null][] = [
  ['noticeId', COLLECTIONS.notices],
  ['proposalId', COLLECTIONS.proposals],
  ['projectId', COLLECTIONS.projects],
  ['eventId', COLLECTIONS.events],
  ['meetingId', COLLECTIONS.councilMeetings],
  ['memberId', COLLECTIONS.councilMembers],
  ['councilId', COLLECTIONS.councils],
  ['childId', COLLECTIONS.children],
  ['openid', null],
  ['inboxId', null],
]
/**
 * Keys whose ids name a child (a child record, a council membership). The log keeps a one-way pseudonym of them, so
 * entries about one child still line up, yet erasing the child's data leaves nothing in the log that names them.
 */
const CHILD_KEYS = new Set(['childId', 'memberId'])
export const childPseudonym = (id: string) => `child:${createHash('sha256').update(`yuanba-audit:${id}`).digest('hex').slice(0, 16)}`

/** Where a function's key means another collection. */
const OVERRIDES: Record<string, Record<string, CollectionName>> = { council: { proposalId: COLLECTIONS.councilProposals } }

type Loose = Record<string, unknown>
const isObject = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x)

function objectOf(fn: string, input: Loose): { key: string; id: string; collection: CollectionName | null } | null {
  for (const [key, collection] of OBJECT_KEYS) {
    const id = input[key]
    if (typeof id === 'string' && id) return { key, id, collection: OVERRIDES[fn]?.[key] ?? collection }
  }
  return null
}

/** The entry's object: the input's named object (a child's as a pseudonym), else the id the output names. */
function objectIdOf(fn: string, input: Loose, output: unknown): string | null {
  const object = objectOf(fn, input)
  if (!object) return outputId(output)
  return CHILD_KEYS.has(object.key) ? childPseudonym(object.id) : object.id
}

/** The id of what an action created or changed, from its output (`{id}` or `{notice: {id}}`). */
function outputId(output: unknown): string | null {
  if (!isObject(output)) return null
  if (typeof output.id === 'string') return output.id
  if (typeof output._id === 'string') return output._id
  for (const value of Object.values(output)) if (isObject(value) && typeof value.id === 'string') return value.id
  return null
}

/** The fields the call touched — names only, never values (so never a child's data). */
export function summaryOf(where: string, input: Loose): string {
  const skip = new Set(['communityId', ...OBJECT_KEYS.map(([k]) => k)])
  const fields = Object.keys(input)
    .filter((k) => !skip.has(k) && input[k] !== undefined)
    .sort()
  return fields.length > 0 ? `${where}: ${fields.join(', ')}` : where
}

async function communityOf(ctx: Context, fn: string, input: Loose): Promise<string> {
  if (typeof input.communityId === 'string' && input.communityId) return input.communityId
  const object = objectOf(fn, input)
  if (object?.collection) {
    const doc: object | null = await collection(ctx.db, object.collection).byId(object.id)
    if (doc && 'communityId' in doc && typeof doc.communityId === 'string') return doc.communityId
  }
  return AUDIT_DISTRICT
}

async function roleOf(ctx: Context, communityId: string): Promise<AuditRole> {
  if (!ctx.openid) return 'none'
  const viewer = await loadViewer(ctx, communityId === AUDIT_DISTRICT ? [] : [communityId])
  if (viewer.isDistrictAdmin) return 'admin'
  if (viewer.isChild) return 'child'
  return viewer.roles[communityId] ?? 'none'
}

/**
 * The router kernel's one hook: run the action; if it is audited and succeeded and did not append inside its own
 * transaction, append its entry. The community is resolved before the run (an erase removes the record that names it).
 */
export async function runAudited(fn: string, actionName: string, def: ActionDef, ctx: Context, input: unknown): Promise<unknown> {
  const kind = auditKindOf(def)
  if (!kind) return def.run(ctx, input)
  const loose = isObject(input) ? input : {}
  const communityId = await communityOf(ctx, fn, loose)
  const output = await def.run(ctx, input)
  if (appendedInside.has(ctx)) return output
  const where = `${fn}.${actionName}`
  try {
    const role = await roleOf(ctx, communityId)
    // an action open to residents and staff alike (cancel a sign-up, cast a vote) is audited when staff do it
    if (kind === 'staff-write' && role !== 'staff' && role !== 'admin') return output
    await appendAudit(ctx, {
      communityId,
      kind,
      action: where,
      actor: { openid: ctx.openid, role },
      objectId: objectIdOf(fn, loose, output),
      summary: summaryOf(where, loose),
      at: ctx.now,
    })
  } catch (error) {
    // The change is made and cannot be taken back here (a retry by the client would repeat it): answer it, and say
    // loudly in the log that its entry is missing.
    ctx.log.error('AUDIT APPEND FAILED', error)
  }
  return output
}
