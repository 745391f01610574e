/**
 * The audit trail's kernel half. A router declares which of its actions are audited (`audited('staff-write', def)`);
 * the router kernel runs every action through `runAudited`, which resolves the entry's facts before the run (community,
 * the caller's role before the change, action, kind) and hands the action `ctx.audit`. An action whose change is a
 * transaction appends its entry inside it — `await ctx.audit?.inTx(tx)` as the transaction's last step — so the change
 * and its entry commit together or not at all; for any other audited action the kernel appends after it succeeds, in a
 * transaction of its own. The chain is serialised per community by its `audit_heads` document, read and written in the
 * same transaction as the entry. Timer jobs append one `system` entry per run and community (`appendSystemAudit`).
 * Nothing here (or anywhere) updates or removes an entry: an append inserts, so a head that fell behind its log refuses
 * the append (and the change with it) instead of overwriting an entry. docs/decisions/0060, 0095.
 */
import { createHash } from 'node:crypto'
import {
  AUDIT_DISTRICT,
  AUDIT_GENESIS,
  AUDIT_KINDS,
  COLLECTIONS,
  type AuditEntryDoc,
  type AuditHeadDoc,
  type AuditKind,
  type AuditRole,
} from '../../types/index'
import type { CollectionName } from '../../types/collections'
import type { Context } from './context'
import { AppError } from './errors'
import { collection, withTransaction, type Tx } from './data'
import type { ActionDef } from './router'
import { loadViewer } from './viewer'

/** The key under which an audited action carries its kind (a symbol: copied with the def, never an input field). */
const KIND = Symbol('audit kind')
const isAuditKind = (x: unknown): x is AuditKind => AUDIT_KINDS.some((k) => k === x)

/** Declare an action audited: `create: audited('staff-write', createNotice)` in a router. */
export function audited<D extends ActionDef>(kind: AuditKind, def: D): D {
  return { ...def, [KIND]: kind }
}

/** The audit kind an action was declared with, or undefined (for tests and docs). */
export function auditKindOf(def: ActionDef): AuditKind | undefined {
  const kind: unknown = Reflect.get(def, KIND)
  return isAuditKind(kind) ? kind : undefined
}

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

/** What an action may add to the facts the kernel resolved: the id of what it created, a finer summary. */
export interface AuditDetail {
  objectId?: string | null
  summary?: string
}

/**
 * `ctx.audit` of an audited call: its entry, resolved by the kernel before the run. Absent for unaudited actions and
 * timer jobs (so callers write `await ctx.audit?.inTx(tx)`).
 */
export interface AuditScope {
  /**
   * Append this call's entry inside `tx`, the transaction that makes the change — as its last operation (the
   * community's chain head is held from that write to the commit). Each attempt of the transaction calls it again;
   * the entry commits with the change or not at all. One entry per call: once a transaction of this call has committed
   * with the entry, later calls (another transaction of the same action) append nothing. Does nothing when the call
   * is not recorded (a `staff-write` action done by a resident or a child).
   */
  inTx(tx: Tx, detail?: AuditDetail): Promise<void>
}
export const auditEntryId = (communityId: string, seq: number) => `${communityId}_${String(seq).padStart(10, '0')}`

/** sha256 over the entry's fields in a fixed order (the chain link: prevHash is one of them). */
export function entryHash(e: Omit<AuditEntryDoc, '_id' | 'hash'>): string {
  const at = e.at instanceof Date ? e.at.toISOString() : new Date(String(e.at)).toISOString()
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
 * Append inside transaction `tx`: read the community's head, insert the next entry (an insert: an entry already at
 * that seq — a head that fell behind its log — fails the transaction rather than being overwritten), move the head.
 */
export async function appendAuditInTransaction(t: Tx, facts: AuditFacts): Promise<AuditEntryDoc> {
  const head = await t.collection(COLLECTIONS.auditHeads).get(facts.communityId)
  const entry = nextEntry(head, facts)
  await t.collection(COLLECTIONS.auditLog).insert(entry)
  await t.collection(COLLECTIONS.auditHeads).set(facts.communityId, { seq: entry.seq, hash: entry.hash, updatedAt: facts.at })
  return entry
}

/** Append in a transaction of its own (for changes that were not transactional, reads that export, timer runs). */
export async function appendAudit(ctx: Pick<Context, 'db'>, facts: AuditFacts): Promise<AuditEntryDoc> {
  return withTransaction(ctx.db, (tx) => appendAuditInTransaction(tx, facts), { busy: 'SYSTEM.BUSY' })
}

/** One timer run's entry for one community: actor `system`, a summary of counts (never a person's data). */
export async function appendSystemAudit(
  ctx: Pick<Context, 'db' | 'now'>,
  p: { communityId: string; kind: AuditKind; action: string; counts: Record<string, number> },
): Promise<AuditEntryDoc> {
  const counts = Object.entries(p.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
  return appendAudit(ctx, {
    communityId: p.communityId,
    kind: p.kind,
    action: p.action,
    actor: { openid: '', role: 'system' },
    objectId: null,
    summary: counts.length > 0 ? `${p.action}: ${counts.join(', ')}` : p.action,
    at: ctx.now,
  })
}

/** Sums counts per community over one timer run; `flush` appends one entry for each community where anything changed. */
export class SystemAuditTally {
  private readonly byCommunity = new Map<string, Record<string, number>>()
  constructor(
    readonly kind: AuditKind,
    readonly action: string,
  ) {}
  add(communityId: string, what: string, n = 1): void {
    if (n <= 0) return
    const counts = this.byCommunity.get(communityId) ?? {}
    counts[what] = (counts[what] ?? 0) + n
    this.byCommunity.set(communityId, counts)
  }
  /** One entry per community; a failed append is logged (the run's changes are made) and the next community goes on. */
  async flush(ctx: Pick<Context, 'db' | 'now' | 'log'>): Promise<number> {
    let appended = 0
    for (const [communityId, counts] of this.byCommunity) {
      try {
        await appendSystemAudit(ctx, { communityId, kind: this.kind, action: this.action, counts })
        appended++
      } catch (error) {
        ctx.log.error('AUDIT APPEND FAILED', {
          communityId,
          action: this.action,
          error: error instanceof Error ? error.message : String(error),
        })
      }
    }
    this.byCommunity.clear()
    return appended
  }
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

/** One audited call's entry: appended inside the change's transaction (`inTx`) or, failing that, after the run. */
class CallAudit implements AuditScope {
  /** entries written by `inTx` in transactions that may or may not have committed: `_id` → hash */
  private readonly staged = new Map<string, string>()
  private committed = false

  constructor(
    private readonly ctx: Context,
    readonly facts: AuditFacts,
    /** false: a staff-write done by someone who is not staff: nothing is recorded */
    readonly recorded: boolean,
  ) {}

  async inTx(tx: Tx, detail: AuditDetail = {}): Promise<void> {
    if (!this.recorded || (await this.landed())) return
    const entry = await appendAuditInTransaction(tx, {
      ...this.facts,
      objectId: detail.objectId !== undefined ? detail.objectId : this.facts.objectId,
      summary: detail.summary ?? this.facts.summary,
    })
    this.staged.set(entry._id, entry.hash)
  }

  /** Whether one of the entries `inTx` staged is stored (its transaction committed). One read, only after an `inTx`. */
  async landed(): Promise<boolean> {
    if (this.committed || this.staged.size === 0) return this.committed
    const found = await collection(this.ctx.db, COLLECTIONS.auditLog).byIds([...this.staged.keys()])
    this.committed = found.some((e) => this.staged.get(e._id) === e.hash)
    return this.committed
  }
}

/**
 * The router kernel's one hook. For an audited action: resolve the entry's facts before the run (the community — an
 * erase removes the record that names it — and the caller's role before the change), hand the action `ctx.audit`,
 * run it; if it succeeded without its entry landing inside its own transaction, append the entry now.
 */
export async function runAudited(fn: string, actionName: string, def: ActionDef, ctx: Context, input: unknown): Promise<unknown> {
  const kind = auditKindOf(def)
  if (!kind) return def.run(ctx, input)
  const loose = isObject(input) ? input : {}
  const where = `${fn}.${actionName}`
  const communityId = await communityOf(ctx, fn, loose)
  const role = await roleOf(ctx, communityId)
  // an action open to residents and staff alike (cancel a sign-up, cast a vote) is audited when staff do it
  const recorded = kind !== 'staff-write' || role === 'staff' || role === 'admin'
  const facts: AuditFacts = {
    communityId,
    kind,
    action: where,
    actor: { openid: ctx.openid, role },
    objectId: objectIdOf(fn, loose, null),
    summary: summaryOf(where, loose),
    at: ctx.now,
  }
  const scope = new CallAudit(ctx, facts, recorded)
  ctx.audit = scope
  const output = await def.run(ctx, input)
  if (!recorded || (await scope.landed())) return output
  try {
    await appendAudit(ctx, { ...facts, objectId: objectIdOf(fn, loose, output) })
  } catch (error) {
    // An export is a read: nothing to take back, so no unrecorded export leaves — the caller is refused.
    if (kind === 'export') throw error instanceof AppError ? error : new AppError('SYSTEM.BUSY', 'the export could not be recorded')
    // A change made outside a transaction cannot be taken back here (a retry by the client would repeat it): answer
    // it, and say loudly in the log that its entry is missing.
    ctx.log.error('AUDIT APPEND FAILED', error)
  }
  return output
}
