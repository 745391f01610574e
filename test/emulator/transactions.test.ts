/**
 * Transactions through the real SDK: commit, rollback, snapshot reads, the two kinds of conflict and what the SDK's
 * own retry does with each (it retries a conflicting commit, not a conflicting operation), and the cloud's limits.
 */
import { Store } from '../../emulator/db/store'
import { adminRequest } from '../../emulator/doors'
import { failure, startWithSdk, type Harness } from './support'

let h: Harness
beforeAll(async () => {
  h = await startWithSdk()
})
afterAll(async () => {
  await h.emu.stop()
})
beforeEach(async () => {
  h.emu.store.clear()
  await h.db.collection('events').add({ data: { _id: 'ev', title: 'Summer class', seatsLeft: 2 } })
})

const seats = async () => (await h.db.collection('events').doc('ev').get()).data.seatsLeft

test('a two-document transaction commits both writes', async () => {
  const result = await h.db.runTransaction(async (t: any) => {
    const { data } = await t.collection('events').doc('ev').get()
    await t
      .collection('events')
      .doc('ev')
      .update({ data: { seatsLeft: h._.inc(-1) } })
    await t.collection('signups').add({ data: { _id: 'ev_alice', eventId: 'ev' } })
    return data.seatsLeft
  })
  expect(result).toBe(2)
  expect(await seats()).toBe(1)
  expect(h.emu.store.dump('signups')).toEqual([{ _id: 'ev_alice', eventId: 'ev' }])
  expect(h.emu.store.activeTransactions()).toBe(0)
})

test('rollback leaves nothing: neither a thrown error nor t.rollback() writes anything', async () => {
  const thrown = await failure(
    h.db.runTransaction(async (t: any) => {
      await t
        .collection('events')
        .doc('ev')
        .update({ data: { seatsLeft: 0 } })
      await t.collection('signups').add({ data: { _id: 'ev_bob', eventId: 'ev' } })
      throw new Error('changed my mind')
    }),
  )
  expect(thrown.message).toContain('changed my mind')
  const rolledBack = await failure(
    h.db.runTransaction(async (t: any) => {
      await t
        .collection('events')
        .doc('ev')
        .update({ data: { seatsLeft: 0 } })
      await t.rollback('full')
    }),
  )
  expect(rolledBack).toBe('full')
  expect(await seats()).toBe(2)
  expect(h.emu.store.dump('signups')).toEqual([])
})

test('startTransaction / commit / rollback by hand', async () => {
  const t = await h.db.startTransaction()
  await t
    .collection('events')
    .doc('ev')
    .update({ data: { seatsLeft: 1 } })
  await t.rollback()
  expect(await seats()).toBe(2)
  const t2 = await h.db.startTransaction()
  await t2
    .collection('events')
    .doc('ev')
    .update({ data: { seatsLeft: 1 } })
  expect(await seats()).toBe(2) // not visible before commit
  await t2.commit()
  expect(await seats()).toBe(1)
})

test('reads inside a transaction see the snapshot taken at its start', async () => {
  const t = await h.db.startTransaction()
  expect((await t.collection('events').doc('ev').get()).data.seatsLeft).toBe(2)
  await h.db
    .collection('events')
    .doc('ev')
    .update({ data: { seatsLeft: 0 } })
  expect((await t.collection('events').doc('ev').get()).data.seatsLeft).toBe(2)
  await t.rollback()
})

test('a write that lands between the operation and the commit makes the commit conflict; the SDK retries the whole callback', async () => {
  let attempts = 0
  const result = await h.db.runTransaction(async (t: any) => {
    attempts++
    const { data } = await t.collection('events').doc('ev').get()
    await t
      .collection('events')
      .doc('ev')
      .update({ data: { seatsLeft: data.seatsLeft - 1 } })
    if (attempts === 1)
      await h.db
        .collection('events')
        .doc('ev')
        .update({ data: { seatsLeft: h._.inc(-1) } }) // someone else
    return data.seatsLeft
  })
  expect(attempts).toBe(2)
  expect(result).toBe(1) // the retry saw the other writer's change
  expect(await seats()).toBe(0) // both decrements count; none lost
})

test('a conflicting operation fails at once with TransactionConflict and is not retried by the SDK', async () => {
  const first = await h.db.startTransaction()
  await first
    .collection('events')
    .doc('ev')
    .update({ data: { seatsLeft: h._.inc(-1) } })
  let attempts = 0
  const error = await failure(
    h.db.runTransaction(async (t: any) => {
      attempts++
      await t
        .collection('events')
        .doc('ev')
        .update({ data: { seatsLeft: h._.inc(-1) } })
    }),
  )
  expect(attempts).toBe(1)
  expect(error.errMsg ?? error.message).toContain('[ResourceUnavailable.TransactionConflict]')
  await first.commit()
  expect(await seats()).toBe(1)
})

test('the raw commit conflict reaches startTransaction users as DATABASE_TRANSACTION_CONFLICT', async () => {
  const t = await h.db.startTransaction()
  await t
    .collection('events')
    .doc('ev')
    .update({ data: { seatsLeft: 0 } })
  await h.db
    .collection('events')
    .doc('ev')
    .update({ data: { seatsLeft: 7 } })
  const error = await failure(t.commit())
  expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(await seats()).toBe(7)
})

test('inside a transaction only single-document operations by _id are accepted', async () => {
  const admin = (body: Record<string, unknown>) => adminRequest(h.emu.adminUrl, h.emu.secret, body)
  const { transactionId } = await admin({ action: 'database.startTransaction' })
  const body = await admin({
    action: 'database.modifyDocument',
    collectionName: 'events',
    transactionId,
    queryType: 'WHERE',
    multi: true,
    merge: true,
    upsert: false,
    query: '{"title":"Summer class"}',
    data: '{"$set":{"seatsLeft":{"$numberInt":"0"}}}',
  })
  expect(body.code).toBe('INVALID_PARAM')
  expect(body.message).toContain('transaction')
  await admin({ action: 'database.abortTransaction', transactionId })
  expect(await seats()).toBe(2)
})

test('a transaction older than its timeout no longer exists (TransactionNotExist)', async () => {
  let now = 1_000
  const store = new Store({ now: () => now, transactionTimeoutMs: 30_000 })
  store.ensureCollection('events')
  store.insert('events', [{ _id: 'ev', seatsLeft: 1 }])
  const id = store.begin()
  store.txnModify(id, 'events', { query: { _id: 'ev' }, data: { $inc: { seatsLeft: -1 } }, merge: true, upsert: false, multi: false })
  now += 30_001
  expect(() => store.commit(id)).toThrow(/TransactionNotExist/)
  expect(store.dump('events')[0].seatsLeft).toBe(1)
  store.close()
})
