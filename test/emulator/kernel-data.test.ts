/**
 * The typed data kernel (cloudfunctions/_kernel/data.ts) through the real wx-server-sdk on the emulator, with the
 * app's own indexes in strict mode: reads that walk past 1,000, the one transaction retry policy and its errors.
 */
import path from 'node:path'
import { COLLECTIONS, type NoticeDoc } from '../../types/index'
import { AppError } from '../../cloudfunctions/_kernel/errors'
import { appErrorOr, collection, PAGE_MAX, withTransaction, type Db } from '../../cloudfunctions/_kernel/data'
import { failure, startWithSdk, type Harness } from './support'

let h: Harness
let db: Db
beforeAll(async () => {
  h = await startWithSdk({ schemaFile: path.join(__dirname, '..', '..', 'database', 'collections.json') })
  db = h.db
})
afterAll(async () => {
  await h.emu.stop()
})
beforeEach(() => h.emu.store.clear())

const at = new Date('2026-05-01T02:00:00Z')
function notice(i: number, communityId: string): NoticeDoc {
  return {
    _id: `n${String(i).padStart(5, '0')}_${communityId}`,
    communityId,
    title: `通知 ${i}`,
    body: '',
    category: '通知',
    pinned: false,
    status: 'published',
    publishAt: at,
    expiresAt: null,
    moderation: 'pass',
    readCount: 0,
    createdBy: 'o-staff',
    updatedBy: 'o-staff',
    createdAt: at,
    updatedAt: new Date(at.getTime() + i * 1000),
  }
}

describe('reading', () => {
  test('all() walks every page past 1,000 (and past 100 with small pages), each document once', async () => {
    h.emu.store.insert(COLLECTIONS.notices, [
      ...Array.from({ length: 2_050 }, (_, i) => notice(i, 'c1')),
      ...Array.from({ length: 30 }, (_, i) => notice(i, 'c2')),
    ])
    const notices = collection(db, COLLECTIONS.notices)
    const all = await notices.all({ communityId: 'c1' }, { orderBy: [['updatedAt', 'desc']] })
    expect(all).toHaveLength(2_050)
    expect(new Set(all.map((n) => n._id)).size).toBe(2_050)
    expect(all.every((n) => n.communityId === 'c1')).toBe(true)
    expect(all[0]._id).toBe('n02049_c1')
    const small = await notices.all({ communityId: 'c1' }, { orderBy: [['updatedAt', 'asc']], pageSize: 100 })
    expect(small).toHaveLength(2_050)
    expect(await notices.count({ communityId: 'c1' })).toBe(2_050)
    // one plain read stops at a page — which is why `find` wants its limit said, and refuses more than a page
    expect(await notices.find({ communityId: 'c1' }, { orderBy: [['updatedAt', 'desc']], limit: PAGE_MAX })).toHaveLength(1_000)
    await expect(notices.find({ communityId: 'c1' }, { limit: PAGE_MAX + 1 })).rejects.toThrow(RangeError)
  })

  test('all() refuses to grow past its maximum instead of stopping silently', async () => {
    h.emu.store.insert(
      COLLECTIONS.notices,
      Array.from({ length: 250 }, (_, i) => notice(i, 'c1')),
    )
    await expect(
      collection(db, COLLECTIONS.notices).all({ communityId: 'c1' }, { orderBy: [['updatedAt', 'desc']], pageSize: 100, max: 200 }),
    ).rejects.toThrow('more than 200 documents')
  })

  test('byId, byIds past 100, first, typed update with commands, conditional update', async () => {
    h.emu.store.insert(
      COLLECTIONS.notices,
      Array.from({ length: 150 }, (_, i) => notice(i, 'c1')),
    )
    const notices = collection(db, COLLECTIONS.notices)
    const _ = db.command
    expect((await notices.byId('n00007_c1'))?.title).toBe('通知 7')
    expect(await notices.byId('missing')).toBeNull()
    const ids = Array.from({ length: 150 }, (_, i) => notice(i, 'c1')._id)
    expect((await notices.byIds([...ids, 'missing', ids[0]])).length).toBe(150)
    expect((await notices.first({ communityId: 'c1' }, [['updatedAt', 'desc']]))?._id).toBe('n00149_c1')
    expect(await notices.updateById('n00001_c1', { readCount: _.inc(2) })).toBe(true)
    expect(await notices.updateById('n00001_c1', { pinned: true }, { status: 'draft' })).toBe(false)
    expect(await notices.update({ communityId: 'c1', updatedAt: _.lt(new Date(at.getTime() + 10_000)) }, { pinned: true })).toBe(10)
    expect((await notices.byId('n00001_c1'))?.readCount).toBe(2)
    expect(await notices.insertOnce(notice(1, 'c1'))).toBe(false)
    expect(await notices.insertOnce(notice(999, 'c1'))).toBe(true)
  })
})

describe('the one transaction policy', () => {
  beforeEach(() => h.emu.store.insert(COLLECTIONS.notices, [notice(1, 'c1')]))
  const id = 'n00001_c1'

  test('a conflicting operation is retried with backoff; it succeeds once the other transaction is done', async () => {
    const other = await h.db.startTransaction()
    await other
      .collection(COLLECTIONS.notices)
      .doc(id)
      .update({ data: { readCount: h._.inc(5) } })
    let attempts = 0
    const result = await withTransaction(db, async (tx) => {
      attempts++
      if (attempts === 2) await other.commit()
      const n = await tx.collection(COLLECTIONS.notices).get(id)
      await tx.collection(COLLECTIONS.notices).update(id, { readCount: db.command.inc(1) })
      return n?.readCount
    })
    expect(attempts).toBeGreaterThanOrEqual(2)
    expect(result).toBe(5)
    expect((await collection(db, COLLECTIONS.notices).byId(id))?.readCount).toBe(6)
  })

  test('a conflict that outlasts the attempts comes out as the busy code; nothing is written', async () => {
    const other = await h.db.startTransaction()
    await other
      .collection(COLLECTIONS.notices)
      .doc(id)
      .update({ data: { readCount: h._.inc(5) } })
    let attempts = 0
    const error = await failure(
      withTransaction(
        db,
        async (tx) => {
          attempts++
          await tx.collection(COLLECTIONS.notices).update(id, { readCount: db.command.inc(1) })
        },
        { attempts: 3, busy: 'COUNCIL.BUSY' },
      ),
    )
    expect(attempts).toBe(3)
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('COUNCIL.BUSY')
    await other.rollback()
    expect((await collection(db, COLLECTIONS.notices).byId(id))?.readCount).toBe(0)
  })

  test('an AppError thrown inside comes out as itself, at once, and rolls back; a missing document reads as null', async () => {
    let attempts = 0
    const error = await failure(
      withTransaction(db, async (tx) => {
        attempts++
        await tx.collection(COLLECTIONS.notices).update(id, { readCount: 9 })
        expect(await tx.collection(COLLECTIONS.notices).get('missing')).toBeNull()
        throw new AppError('NOTICE.NOT_FOUND', 'gone')
      }),
    )
    expect(attempts).toBe(1)
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('NOTICE.NOT_FOUND')
    expect((await collection(db, COLLECTIONS.notices).byId(id))?.readCount).toBe(0)
  })

  test('a duplicate insert inside a transaction is told by isDuplicateError-based insertOnce outside', async () => {
    const error = await failure(withTransaction(db, (tx) => tx.collection(COLLECTIONS.notices).insert(notice(1, 'c1'))))
    expect(appErrorOr(error)).toBe(error)
    expect(String(error.errMsg ?? error.message)).toMatch(/E11000|duplicate/i)
  })
})
