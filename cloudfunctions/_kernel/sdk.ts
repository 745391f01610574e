/**
 * The part of wx-server-sdk's database the app uses, described structurally (the SDK's own typings leave it `any`).
 * Results are `unknown`: only the typed layer in `data.ts` says what a document is. Each function's index.ts passes
 * the real SDK in; nothing else imports it.
 */

/** A query command the SDK builds (`_.gt(x)`, `_.in([...])`, …); `V` is the value type of the field it applies to. */
export interface QueryOp<V> {
  /** phantom: never present at run time */
  readonly __query?: V
  and<W>(other: QueryOp<W>): QueryOp<V | W>
  or<W>(other: QueryOp<W>): QueryOp<V | W>
}

/** An update command the SDK builds (`_.inc(1)`, `_.push([x])`, `_.set(obj)`); `V` is the field's value type. */
export interface UpdateOp<V> {
  /** phantom: never present at run time */
  readonly __update?: V
}

/** A whole-query combination (`_.and([...])`, `_.or([...])`) of filters over documents `T`. */
export interface LogicOp<T> {
  /** phantom: never present at run time */
  readonly __logic?: T
}

/** The server date placeholder (`db.serverDate()`): the database writes its own clock. */
export interface ServerDate {
  readonly __serverDate?: true
}

type Scalar = string | number | boolean | Date | null

/** `db.command`, typed: each command carries the value type it compares with or writes. */
export interface Command {
  eq<V>(value: V): QueryOp<V>
  neq<V>(value: V): QueryOp<V>
  gt<V extends Scalar>(value: V): QueryOp<V>
  gte<V extends Scalar>(value: V): QueryOp<V>
  lt<V extends Scalar>(value: V): QueryOp<V>
  lte<V extends Scalar>(value: V): QueryOp<V>
  in<V>(values: readonly V[]): QueryOp<V>
  nin<V>(values: readonly V[]): QueryOp<V>
  /** an array field holding every one of `values` */
  all<E>(values: readonly E[]): QueryOp<E[]>
  /** applies to a field of any type */
  exists(present: boolean): QueryOp<never>
  not<V>(op: QueryOp<V>): QueryOp<V>
  and<T>(filters: readonly (object | LogicOp<T>)[]): LogicOp<T>
  or<T>(filters: readonly (object | LogicOp<T>)[]): LogicOp<T>
  inc(by: number): UpdateOp<number>
  set<V>(value: V): UpdateOp<V>
  remove(): UpdateOp<never>
  push<E>(items: readonly E[] | { each: readonly E[]; slice?: number; position?: number }): UpdateOp<E[]>
  pull<E>(item: E | QueryOp<E>): UpdateOp<E[]>
  addToSet<E>(item: E): UpdateOp<E[]>
  /** projection operators for `field()` */
  project: { slice(n: number): object }
  /** aggregation expressions for `addFields()` / `project()` stages */
  aggregate: {
    concat(parts: readonly unknown[]): object
    ifNull(args: readonly unknown[]): object
    slice(args: readonly unknown[]): object
  }
}

export interface RawQuery {
  where(filter: object): RawQuery
  orderBy(field: string, order: 'asc' | 'desc'): RawQuery
  skip(n: number): RawQuery
  limit(n: number): RawQuery
  field(projection: Record<string, boolean | object>): RawQuery
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(param: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface RawDocRef {
  get(): Promise<{ data: unknown }>
  set(param: { data: object }): Promise<unknown>
  update(param: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

/** An aggregation pipeline (`collection.aggregate()`): stages in, `end()` runs it. */
export interface RawAggregate {
  match(filter: object): RawAggregate
  group(spec: object): RawAggregate
  sort(spec: Record<string, 1 | -1>): RawAggregate
  project(spec: object): RawAggregate
  addFields(spec: object): RawAggregate
  lookup(spec: { from: string; localField: string; foreignField: string; as: string }): RawAggregate
  limit(n: number): RawAggregate
  skip(n: number): RawAggregate
  end(): Promise<{ list: unknown[] }>
}

export interface RawCollection extends RawQuery {
  aggregate(): RawAggregate
  doc(id: string): RawDocRef
  add(param: { data: object }): Promise<{ _id: string }>
}

export interface RawTxCollection {
  doc(id: string): Omit<RawDocRef, 'get'> & { get(): Promise<{ data: unknown }> }
  add(param: { data: object }): Promise<{ _id: string }>
}

export interface RawTransaction {
  collection(name: string): RawTxCollection
}

/** wx-server-sdk's Database. */
export interface Db {
  collection(name: string): RawCollection
  command: Command
  serverDate(): ServerDate
  runTransaction<T>(run: (transaction: RawTransaction) => Promise<T>): Promise<T>
}
