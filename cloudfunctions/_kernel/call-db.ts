/**
 * The database as one call sees it (docs/decisions/0112). Before the call has changed anything, a request the platform
 * refuses for quota ends the call as SYSTEM.BUSY: nothing happened, the client waits and asks again. Once a write has
 * succeeded, that is no longer true — the client's second call would find the change made (a record already there, a
 * proposal already withdrawn) and answer something else, or leave a count unmade. So from the first successful write
 * on, every request of the call (the count after its record, the reads that build the answer) is `completing`: asked
 * again here when refused for quota. The router and the timers give each call its own.
 */
import { completing } from './quota'
import type { Db, RawAggregate, RawCollection, RawDocRef, RawQuery } from './sdk'

export function callDb(db: Db): Db {
  let changed = false
  const read = <T>(work: () => Promise<T>): Promise<T> => (changed ? completing(work) : work())
  const write = async <T>(work: () => Promise<T>): Promise<T> => {
    const result = await read(work)
    changed = true
    return result
  }

  const query = <D>(q: RawQuery<D>): RawQuery<D> => ({
    where: (filter) => query(q.where(filter)),
    orderBy: (field, order) => query(q.orderBy(field, order)),
    skip: (n) => query(q.skip(n)),
    limit: (n) => query(q.limit(n)),
    field: (projection) => query(q.field(projection)),
    get: () => read(() => q.get()),
    count: () => read(() => q.count()),
    update: (param) => write(() => q.update(param)),
    remove: () => write(() => q.remove()),
  })

  const aggregate = <R>(a: RawAggregate<R>): RawAggregate<R> => ({
    match: (filter) => aggregate(a.match(filter)),
    group: (spec) => aggregate(a.group(spec)),
    sort: (spec) => aggregate(a.sort(spec)),
    project: (spec) => aggregate(a.project(spec)),
    addFields: (spec) => aggregate(a.addFields(spec)),
    lookup: (spec) => aggregate(a.lookup(spec)),
    limit: (n) => aggregate(a.limit(n)),
    skip: (n) => aggregate(a.skip(n)),
    end: () => read(() => a.end()),
  })

  const docRef = <D>(d: RawDocRef<D>): RawDocRef<D> => ({
    get: () => read(() => d.get()),
    set: (param) => write(() => d.set(param)),
    update: (param) => write(() => d.update(param)),
    remove: () => write(() => d.remove()),
  })

  const collection = <D>(c: RawCollection<D>): RawCollection<D> => ({
    ...query(c),
    aggregate: <R>() => aggregate(c.aggregate<R>()),
    doc: (id) => docRef(c.doc(id)),
    add: (param) => write(() => c.add(param)),
  })

  return {
    collection: <D>(name: string) => collection(db.collection<D>(name)),
    command: db.command,
    serverDate: () => db.serverDate(),
    // a transaction refused for quota was aborted: asking again is safe; committed, it changed something
    runTransaction: (run) => write(() => db.runTransaction(run)),
  }
}
