/**
 * The one typed way to the database. `collection(db, COLLECTIONS.events)` is a `Collection<EventDoc>`: the document
 * type comes from the collection's name (DOCS below), filters and updates are checked against it, reads that could
 * be long either name their limit (at most one page of 1,000) or walk every page (`all`), and transactions get the
 * same typed handles. One retry policy (`retry`, `withTransaction`) and one error policy (`isDuplicateError`,
 * `isTransactionConflict`, `appErrorOr`) serve every function.
 */
import type {
  AdjustmentTaskDoc,
  AgendaItemDoc,
  AuditEntryDoc,
  AuditHeadDoc,
  ChildAccountDoc,
  ChildDoc,
  ChildLinkDoc,
  ChildProposalDoc,
  CommunityDoc,
  CouncilBallotDoc,
  CouncilDoc,
  CouncilMeetingDoc,
  CouncilMemberDoc,
  CouncilVoteDoc,
  DrawDoc,
  ErrorCode,
  EventDoc,
  FanoutJobDoc,
  InboxDoc,
  InsightsDistrictDoc,
  InsightsRollupDoc,
  MembershipDoc,
  NoticeDoc,
  NoticeReadDoc,
  PersonDoc,
  ProjectDoc,
  ProposalCommentDoc,
  ProposalDoc,
  ProposalReportDoc,
  ProposalSettingsDoc,
  ProposalSupportDoc,
  RatingDoc,
  SearchDoc,
  SeriesDoc,
  ShareCodeDoc,
  SignupDoc,
} from '../../types/index'
import type { CollectionName } from '../../types/collections'
import { AppError } from './errors'
import type { Command, Db, LogicOp, QueryOp, RawQuery, RawTransaction, ServerDate, UpdateOp } from './sdk'

export type { Command, Db, LogicOp, QueryOp, ServerDate, UpdateOp } from './sdk'

// ------------------------------------------------------------------------------------------------ documents by name

/** The document type stored in each collection (names from types/collections.ts). */
export interface DOCS {
  communities: CommunityDoc
  people: PersonDoc
  memberships: MembershipDoc
  children: ChildDoc
  child_links: ChildLinkDoc
  child_accounts: ChildAccountDoc
  notices: NoticeDoc
  notice_reads: NoticeReadDoc
  proposals: ProposalDoc
  proposal_supports: ProposalSupportDoc
  proposal_comments: ProposalCommentDoc
  proposal_reports: ProposalReportDoc
  proposal_settings: ProposalSettingsDoc
  projects: ProjectDoc
  inbox: InboxDoc
  events: EventDoc
  event_signups: SignupDoc
  event_draws: DrawDoc
  event_ratings: RatingDoc
  event_tasks: AdjustmentTaskDoc
  event_series: SeriesDoc
  councils: CouncilDoc
  council_members: CouncilMemberDoc
  council_proposals: ChildProposalDoc
  council_meetings: CouncilMeetingDoc
  council_votes: CouncilVoteDoc
  council_ballots: CouncilBallotDoc
  audit_log: AuditEntryDoc
  audit_heads: AuditHeadDoc
  /** day and month rollups of a community, and the district's month documents (`kind` tells them apart) */
  insights_daily: InsightsRollupDoc | InsightsDistrictDoc
  search: SearchDoc
  fanout: FanoutJobDoc
  share_codes: ShareCodeDoc
}

// Every collection name has a document type, and every document type a name.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const everyCollectionTyped: Exact<keyof DOCS, CollectionName> = true
void everyCollectionTyped
/** Agenda items live inside meetings (CouncilMeetingDoc.items), not in a collection of their own. */
export type { AgendaItemDoc }

export type Doc = { _id: string }

// ------------------------------------------------------------------------------------------------ filters, updates

type Plain = string | number | boolean | Date | null | undefined | readonly unknown[]
type Key<T> = Extract<keyof T, string>

/** `a.b` paths one level into object-valued fields (e.g. `'chair.memberId'`), with the nested value type. */
type NestedPaths<T> = {
  [K in Key<T>]: NonNullable<T[K]> extends Plain
    ? never
    : NonNullable<T[K]> extends object
      ? { [P in Key<NonNullable<T[K]>> as `${K}.${P}`]: NonNullable<T[K]>[P] | (null extends T[K] ? null : never) }
      : never
}[Key<T>]
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
type Nested<T> = [NestedPaths<T>] extends [never] ? unknown : UnionToIntersection<NestedPaths<T>>

/** Array fields match one of their elements too (`{ tags: 'x' }`), as in MongoDB. */
type Element<V> = V extends readonly (infer E)[] ? E : never

type FieldFilter<V> = V | QueryOp<V> | Element<V> | QueryOp<Element<V>>

/** A filter over documents `T`: fields (and one-level `a.b` paths) with values or `_` query commands of their type. */
export type Filter<T> = { [K in Key<T>]?: FieldFilter<T[K]> } & { [P in keyof Nested<T>]?: FieldFilter<Nested<T>[P]> }

/** A `where` argument: a filter, or `_.and([...])` / `_.or([...])` of filters. */
export type Where<T> = Filter<T> | LogicOp<T>

/** A partial update: fields (and `a.b` paths) with values or `_` update commands of their type (`_.inc`, `_.push`…). */
export type Update<T> = { [K in Exclude<Key<T>, '_id'>]?: T[K] | UpdateOp<T[K]> | ServerDate } & {
  [P in keyof Nested<T>]?: Nested<T>[P] | UpdateOp<Nested<T>[P]>
}

/** A new document: every field, values or the server's date. */
export type NewDoc<T> = { [K in keyof T]: T[K] | (Date extends T[K] ? ServerDate : never) }

export type SortKey<T> = Key<T> | Extract<keyof Nested<T>, string>
export type Order<T> = readonly (readonly [SortKey<T>, 'asc' | 'desc'])[]

// ------------------------------------------------------------------------------------------------ reading

/** The most one read returns (wx-server-sdk on the server: 1,000; the default without `limit` is 100). */
export const PAGE_MAX = 1000
/** `all()` refuses to hold more than this many documents in memory, instead of stopping silently. */
export const ALL_MAX = 20_000

export interface FindOptions<T> {
  orderBy?: Order<T>
  /** required: how many at most (1..1000). A read that must see everything uses `all()`. */
  limit: number
  skip?: number
  fields?: readonly Key<T>[]
  /** array fields read as a slice of them (`{ claims: -24 }`: the last 24), with `fields` */
  slices?: { [K in Key<T>]?: number }
}

function sorted<D>(query: RawQuery<D>, order: readonly (readonly [string, 'asc' | 'desc'])[] | undefined): RawQuery<D> {
  let q = query
  for (const [field, direction] of order ?? []) q = q.orderBy(field, direction)
  return q
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) throw new RangeError(`limit must be 1..${PAGE_MAX}, got ${limit}`)
  return limit
}

/** A `field()` projection: `fields` whole, and the array fields of `slices` as the slice named. */
function projectionOf(
  _: Command,
  fields: readonly string[],
  slices: Record<string, number | undefined> = {},
): Record<string, boolean | object> {
  const out: Record<string, boolean | object> = Object.fromEntries(fields.map((f) => [f, true]))
  for (const [field, n] of Object.entries(slices)) if (n !== undefined) out[field] = _.project.slice(n)
  return out
}

/** A typed collection over documents `T`. */
export class Collection<T extends Doc> {
  constructor(
    readonly db: Db,
    readonly name: CollectionName,
  ) {}

  /** The SDK's collection, holding `T` (what DOCS says this name holds: the one place a stored document gets its type). */
  private get raw() {
    return this.db.collection<T>(this.name)
  }

  /** The document with this `_id`, or null (a `where({_id})` query: no throw, no index needed). */
  async byId(id: string): Promise<T | null> {
    const res = await this.raw.where({ _id: id }).limit(1).get()
    return res.data.length > 0 ? res.data[0] : null
  }

  /** Documents by `_id` (any number, 100 per read), in no particular order; missing ones are left out. */
  async byIds(ids: readonly string[]): Promise<T[]> {
    const unique = [...new Set(ids)]
    const out: T[] = []
    for (let i = 0; i < unique.length; i += 100) {
      const chunk = unique.slice(i, i + 100)
      const res = await this.raw
        .where({ _id: this.db.command.in(chunk) })
        .limit(chunk.length)
        .get()
      out.push(...res.data)
    }
    return out
  }

  /** One page: `limit` (≤ 1000) documents at most, in `orderBy` order. */
  async find(where: Where<T>, options: FindOptions<T>): Promise<T[]> {
    let q = sorted(this.raw.where(where), options.orderBy)
    if (options.skip) q = q.skip(options.skip)
    if (options.fields) q = q.field(projectionOf(this.db.command, options.fields, options.slices))
    const res = await q.limit(checkLimit(options.limit)).get()
    return res.data
  }

  /** One page of only `fields` (and `_id`) of each match: a light read of big documents. */
  async pick<K extends Key<T>>(
    where: Where<T>,
    fields: readonly K[],
    options: Omit<FindOptions<T>, 'fields'>,
  ): Promise<Pick<T, K | '_id'>[]> {
    return this.find(where, { ...options, fields })
  }

  /** The first match in `orderBy` order, or null. */
  async first(where: Where<T>, orderBy?: Order<T>): Promise<T | null> {
    return (await this.find(where, { orderBy, limit: 1 }))[0] ?? null
  }

  /**
   * Every match, in `orderBy` order (or the database's own, for a set that does not change while it is read — e.g.
   * one person's records being erased), walking pages of `pageSize` (default 1,000), so the result never stops silently
   * at 100 or 1,000. The order should follow an index (strict index mode checks it) and be stable; the pages are read
   * with `skip` over that same index and de-duplicated by `_id` (a document that moves while the walk runs may be
   * seen in its old or its new place, once). Throws past `max` documents: read those in pages instead.
   */
  async all(where: Where<T>, options: { orderBy?: Order<T>; pageSize?: number; max?: number } = {}): Promise<T[]> {
    const pageSize = checkLimit(options.pageSize ?? PAGE_MAX)
    const max = options.max ?? ALL_MAX
    const seen = new Map<string, T>()
    for (let skip = 0; ; skip += pageSize) {
      const page = await this.find(where, { orderBy: options.orderBy, limit: pageSize, skip })
      for (const doc of page) if (!seen.has(doc._id)) seen.set(doc._id, doc)
      if (seen.size > max) throw new RangeError(`${this.name}: more than ${max} documents match; read them in pages`)
      if (page.length < pageSize) return [...seen.values()]
    }
  }

  async count(where: Where<T>): Promise<number> {
    return (await this.raw.where(where).count()).total
  }

  /** Matches counted per distinct value of `keys` (one aggregate); throws rather than cut the groups at 1,000. */
  async countBy<K extends Key<T>>(where: Filter<T>, keys: readonly K[]): Promise<(Pick<T, K> & { count: number })[]> {
    const _id = Object.fromEntries(keys.map((k) => [k, `$${k}`]))
    // rows of this pipeline: the group's `_id` holds the values of `keys` (fields of T), `count` the matches
    const res = await this.raw
      .aggregate<{ _id: Pick<T, K>; count: number }>()
      .match(where)
      .group({ _id, count: { $sum: 1 } })
      .limit(PAGE_MAX)
      .end()
    if (res.list.length >= PAGE_MAX) throw new RangeError(`${this.name}: ${PAGE_MAX} or more groups`)
    return res.list.map((row) => ({ ...row._id, count: row.count }))
  }

  // ---------------------------------------------------------------------------------------------- writing

  /** Insert with the database's own `_id`; the document as given, with its `_id`. */
  async insert<D extends NewDoc<Omit<T, '_id'>>>(doc: D): Promise<D & { _id: string }> {
    const res = await this.raw.add({ data: doc })
    return { ...doc, _id: res._id }
  }

  /** Insert with a deterministic `_id`; false if one with that `_id` (or a unique key) already exists. */
  async insertOnce(doc: NewDoc<T>): Promise<boolean> {
    try {
      await this.raw.add({ data: doc })
      return true
    } catch (error) {
      if (isDuplicateError(error)) return false
      throw error
    }
  }

  /** `where(filter).update(changes)` → how many documents changed (the conditional-update primitive). */
  async update(where: Where<T>, changes: Update<T>): Promise<number> {
    const res = await this.raw.where(where).update({ data: changes })
    return res.stats?.updated ?? 0
  }

  /** Write the whole document under `id` (created if missing, replaced if there). */
  async set(id: string, doc: NewDoc<Omit<T, '_id'>>): Promise<void> {
    await this.raw.doc(id).set({ data: doc })
  }

  /** Update one document by `_id`; true if it was there (and matched `also`). */
  async updateById(id: string, changes: Update<T>, also: Filter<T> = {}): Promise<boolean> {
    const res = await this.raw.where({ ...also, _id: id }).update({ data: changes })
    return (res.stats?.updated ?? 0) === 1
  }

  async remove(where: Where<T>): Promise<number> {
    const res = await this.raw.where(where).remove()
    return res.stats?.removed ?? 0
  }

  async removeById(id: string): Promise<boolean> {
    return (await this.removeByIds([id])) === 1
  }

  /** Remove documents by `_id` (any number, 100 per request); how many were removed. */
  async removeByIds(ids: readonly string[]): Promise<number> {
    let removed = 0
    for (let i = 0; i < ids.length; i += 100) {
      const res = await this.raw.where({ _id: this.db.command.in(ids.slice(i, i + 100)) }).remove()
      removed += res.stats?.removed ?? 0
    }
    return removed
  }
}

/** The typed collection `name` (its document type follows from the name). */
export function collection<N extends CollectionName>(db: Db, name: N): Collection<DOCS[N]> {
  return new Collection<DOCS[N]>(db, name)
}

// ------------------------------------------------------------------------------------------------ transactions

/** A collection inside a transaction: by-`_id` operations only (what the cloud's transactions allow). */
export class TxCollection<T extends Doc> {
  constructor(
    private readonly t: RawTransaction,
    readonly name: CollectionName,
  ) {}

  /** The document, or null when there is none (the SDK throws for a missing one — e.g. one a racer just removed). */
  async get(id: string): Promise<T | null> {
    try {
      const res = await this.t.collection<T>(this.name).doc(id).get()
      return res.data ? { ...res.data, _id: id } : null
    } catch (error) {
      if (isMissingDocument(error)) return null
      throw error
    }
  }

  /** Insert with a deterministic `_id` (a duplicate throws; `isDuplicateError` tells). */
  async insert(doc: NewDoc<T>): Promise<void> {
    await this.t.collection(this.name).add({ data: doc })
  }

  async set(id: string, doc: NewDoc<Omit<T, '_id'>>): Promise<void> {
    await this.t.collection(this.name).doc(id).set({ data: doc })
  }

  /** true if the document was there */
  async update(id: string, changes: Update<T>): Promise<boolean> {
    const res = await this.t.collection(this.name).doc(id).update({ data: changes })
    return (res.stats?.updated ?? 0) > 0
  }

  async remove(id: string): Promise<void> {
    await this.t.collection(this.name).doc(id).remove()
  }
}

/** What a transaction's callback gets: typed collections bound to the transaction. */
export interface Tx {
  collection<N extends CollectionName>(name: N): TxCollection<DOCS[N]>
}

function txOf(t: RawTransaction): Tx {
  return { collection: <N extends CollectionName>(name: N) => new TxCollection<DOCS[N]>(t, name) }
}

// ------------------------------------------------------------------------------------------------ the retry policy

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** How long to wait before attempt `attempt + 1` (attempt ≥ 1): 10 ms per attempt so far, at most 200, plus 0–40 ms. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.min(200, 10 * attempt) + Math.floor(random() * 40)
}

export interface RetryOptions {
  /** attempts in all (≥ 1) */
  attempts: number
  /** which failures are worth another attempt (others propagate at once) */
  retryOn: (error: unknown) => boolean
  /** the wait between attempts (default `backoffMs`) */
  wait?: (attempt: number) => number
}

/** Run `work` until it succeeds, a failure is not retryable, or the attempts are used up (the last failure propagates). */
export async function retry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.wait ?? backoffMs
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt)
    } catch (error) {
      if (attempt >= options.attempts || !options.retryOn(error)) throw error
      await sleep(wait(attempt))
    }
  }
}

/**
 * Attempts for an ordinary transaction; hot documents (an event's counters under a burst) pass more. Every audited
 * staff transaction of a community also moves that community's audit chain head (docs/decisions/0095), so staff
 * writes of one community at the same instant queue there: one commits per round, and a round costs the backoff.
 * 12 attempts clear a burst of about ten at once (≈ 1 s of waits at most) before the caller is told to retry.
 */
export const TX_ATTEMPTS = 12

/**
 * `db.runTransaction` with typed handles, retried with the one backoff when an operation inside it hits a conflict
 * (the SDK itself retries only conflicting commits). The callback must be idempotent and use only by-`_id` operations.
 * An AppError thrown inside comes out as itself; a conflict that outlasts the attempts comes out as `busy` when given.
 */
export async function withTransaction<T>(
  db: Db,
  run: (tx: Tx) => Promise<T>,
  options: { attempts?: number; busy?: ErrorCode } = {},
): Promise<T> {
  try {
    return await retry(() => db.runTransaction((t) => run(txOf(t))), {
      attempts: options.attempts ?? TX_ATTEMPTS,
      retryOn: isTransactionConflict,
    })
  } catch (error) {
    throw appErrorOr(error, options.busy)
  }
}

// ------------------------------------------------------------------------------------------------ the error policy

/** A property of a failure or an answer of unknown shape (`errCode`, `errMsg`, …), if it has one. */
export function fieldOf(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined
}

function textOf(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error)
  return [fieldOf(error, 'code'), fieldOf(error, 'errMsg'), fieldOf(error, 'message')].filter((x) => typeof x === 'string').join(' ')
}

/** A second insert of the same `_id` (or a unique-index clash). */
export function isDuplicateError(error: unknown): boolean {
  return /E11000|duplicate|DATABASE_DUPLICATE_WRITE/i.test(textOf(error))
}

/** A transaction that lost to a concurrent one (from an operation inside it or from its commit). */
export function isTransactionConflict(error: unknown): boolean {
  return /TransactionConflict|Transaction is conflict|DATABASE_TRANSACTION_CONFLICT/i.test(textOf(error))
}

/** `doc(id).get()` of a document that is not there. */
export function isMissingDocument(error: unknown): boolean {
  return /does not exist|DOCUMENT_NOT_EXIST/i.test(textOf(error))
}

/**
 * The AppError a failure carries (runTransaction may wrap the callback's error in `.error` or `.cause`), else — for a
 * conflict and a `busy` code — that AppError, else the failure itself.
 */
export function appErrorOr(error: unknown, busy?: ErrorCode): unknown {
  if (error instanceof AppError) return error
  const inner = fieldOf(error, 'error') ?? fieldOf(error, 'cause')
  if (inner instanceof AppError) return inner
  if (busy && isTransactionConflict(error)) return new AppError(busy, 'too many changes at once, try again')
  return error
}
