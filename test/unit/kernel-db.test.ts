/** The kernel's error classification and transaction retry (pure logic over error shapes the SDK produces). */
import { isDuplicateError, isTransactionConflict, withTransaction, type Db } from '../../cloudfunctions/_kernel/data'

/** A database whose only part used here is runTransaction (the rest is never touched by withTransaction). */
const fake = (runTransaction: () => Promise<unknown>) => ({ runTransaction }) as unknown as Db

describe('error classification', () => {
  it('recognises duplicate-key failures as wx-server-sdk reports them', () => {
    const err = Object.assign(
      new Error('collection.add:fail -501001 resource system error. E11000 duplicate key error collection: t index: _id_'),
      {
        errCode: -501001,
      },
    )
    expect(isDuplicateError(err)).toBe(true)
    expect(isDuplicateError({ code: 'DATABASE_DUPLICATE_WRITE', message: 'x' })).toBe(true)
    expect(isDuplicateError(new Error('document.get:fail -502005 database collection not exists'))).toBe(false)
  })
  it('recognises transaction conflicts from operations and from commits', () => {
    expect(isTransactionConflict({ errMsg: 'document.update:fail -501001 resource system error. Transaction is conflicted' })).toBe(true)
    expect(isTransactionConflict({ code: 'DATABASE_TRANSACTION_CONFLICT', message: '[ResourceUnavailable.TransactionConflict] ...' })).toBe(
      true,
    )
    expect(isTransactionConflict(new Error('other'))).toBe(false)
  })
})

describe('withTransaction', () => {
  it('retries a conflicting transaction, then succeeds', async () => {
    let calls = 0
    const db = fake(async () => {
      calls++
      if (calls < 3) throw new Error('Transaction is conflicted')
      return 'done'
    })
    await expect(withTransaction(db, async () => 'x')).resolves.toBe('done')
    expect(calls).toBe(3)
  })
  it('gives up after the attempts and rethrows other errors at once', async () => {
    let calls = 0
    const conflicting = fake(async () => {
      calls++
      throw new Error('TransactionConflict')
    })
    await expect(withTransaction(conflicting, async () => 'x', { attempts: 4 })).rejects.toThrow('TransactionConflict')
    expect(calls).toBe(4)
    calls = 0
    const broken = fake(async () => {
      calls++
      throw new Error('boom')
    })
    await expect(withTransaction(broken, async () => 'x')).rejects.toThrow('boom')
    expect(calls).toBe(1)
  })
})
