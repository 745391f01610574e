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

/**
 * A query over a collection whose documents are `D` — `unknown` unless the caller knows what the collection holds:
 * only `data.ts` names it, from the collection's name (its DOCS table), so reads need no cast.
 */
export interface RawQuery<D = unknown> {
  where(filter: object): RawQuery<D>
  orderBy(field: string, order: 'asc' | 'desc'): RawQuery<D>
  skip(n: number): RawQuery<D>
  limit(n: number): RawQuery<D>
  field(projection: Record<string, boolean | object>): RawQuery<D>
  get(): Promise<{ data: D[] }>
  count(): Promise<{ total: number }>
  update(param: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

export interface RawDocRef<D = unknown> {
  get(): Promise<{ data: D }>
  set(param: { data: object }): Promise<unknown>
  update(param: { data: object }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}

/**
 * An aggregation pipeline (`collection.aggregate()`): stages in, `end()` runs it. `R` is what its rows are —
 * `unknown` unless the code that builds the pipeline states it (data.ts, from the stages it builds).
 */
export interface RawAggregate<R = unknown> {
  match(filter: object): RawAggregate<R>
  group(spec: object): RawAggregate<R>
  sort(spec: Record<string, 1 | -1>): RawAggregate<R>
  project(spec: object): RawAggregate<R>
  addFields(spec: object): RawAggregate<R>
  lookup(spec: { from: string; localField: string; foreignField: string; as: string }): RawAggregate<R>
  limit(n: number): RawAggregate<R>
  skip(n: number): RawAggregate<R>
  end(): Promise<{ list: R[] }>
}

export interface RawCollection<D = unknown> extends RawQuery<D> {
  aggregate<R = unknown>(): RawAggregate<R>
  doc(id: string): RawDocRef<D>
  add(param: { data: object }): Promise<{ _id: string }>
}

export interface RawTxCollection<D = unknown> {
  doc(id: string): RawDocRef<D>
  add(param: { data: object }): Promise<{ _id: string }>
}

export interface RawTransaction {
  collection<D = unknown>(name: string): RawTxCollection<D>
}

/** wx-server-sdk's Database. */
export interface Db {
  collection<D = unknown>(name: string): RawCollection<D>
  command: Command
  serverDate(): ServerDate
  runTransaction<T>(run: (transaction: RawTransaction) => Promise<T>): Promise<T>
}
