/**
 * The data kernel's types, checked by the compiler: every `@ts-expect-error` line below must be an error (else tsc
 * reports the unused directive) and every other line must compile. `npm run typecheck` checks this file with the
 * rest; the test runs tsc on it alone so that `jest` fails too.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLECTIONS } from '../../types/index'
import { collection, type Db, type Tx, type Update } from '../../cloudfunctions/_kernel/data'
import type { EventDoc, NoticeDoc } from '../../types/index'

/** Never called: only compiled. */
export async function typeChecks(db: Db, tx: Tx) {
  const _ = db.command
  const notices = collection(db, COLLECTIONS.notices)
  const events = collection(db, COLLECTIONS.events)

  // the document type follows from the name
  const n: NoticeDoc | null = await notices.byId('x')
  // @ts-expect-error a notice is not an event
  const e: EventDoc | null = await notices.byId('x')
  void n
  void e

  // filters: known fields, values and operator values of the field's type
  await notices.find({ communityId: 'c1', status: 'published', publishAt: _.lte(new Date()) }, { limit: 10 })
  await notices.find({ expiresAt: _.eq(null) }, { limit: 10 })
  await notices.find({ title: _.in(['a', 'b']), readCount: _.gt(3).and(_.lt(9)) }, { limit: 10 })
  await notices.find(_.and<NoticeDoc>([{ communityId: 'c1' }, _.or<NoticeDoc>([{ pinned: true }, { readCount: 0 }])]), { limit: 10 })
  await events.count({ communityId: 'c1', title: _.exists(true) })
  // @ts-expect-error the range of a number field must be numbers
  await notices.count({ readCount: _.gt(3).and(_.lt('9')) })
  // @ts-expect-error no such field
  await notices.find({ communityID: 'c1' }, { limit: 10 })
  // @ts-expect-error a status that does not exist
  await notices.find({ status: 'archived' }, { limit: 10 })
  // @ts-expect-error a date field compared with a number
  await notices.find({ publishAt: _.lte(5) }, { limit: 10 })
  // @ts-expect-error `$in` values of the wrong type
  await notices.find({ readCount: _.in(['1']) }, { limit: 10 })
  // @ts-expect-error a read says how many it wants
  await notices.find({ communityId: 'c1' }, {})
  // @ts-expect-error sorting on a field that does not exist
  await notices.find({ communityId: 'c1' }, { orderBy: [['updated', 'desc']], limit: 5 })
  // @ts-expect-error all() sorts on known fields only
  await notices.all({ communityId: 'c1' }, { orderBy: [['updated', 'asc']] })

  // updates: values and update commands of the field's type
  const ok: Update<NoticeDoc> = { readCount: _.inc(1), pinned: true, updatedAt: new Date() }
  await notices.update({ _id: 'x', status: 'draft' }, ok)
  // @ts-expect-error `$inc` on a string field
  await notices.updateById('x', { title: _.inc(1) })
  // @ts-expect-error no such field
  await notices.updateById('x', { pinnedd: true })
  // @ts-expect-error `_id` never changes
  await notices.updateById('x', { _id: 'y' })

  // transactions: the same typed handles
  const t = tx.collection(COLLECTIONS.notices)
  const inTx: NoticeDoc | null = await t.get('x')
  void inTx
  await t.update('x', { readCount: _.inc(-1) })
  // @ts-expect-error a boolean field set to a number
  await t.update('x', { pinned: 1 })
  // @ts-expect-error not a collection name
  tx.collection('noticez')
}

test('the kernel types accept what is right and refuse what is wrong (tsc on this file)', () => {
  const root = path.resolve(__dirname, '..', '..')
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'yuanba-types-'))
  try {
    const tsconfig = path.join(tmp, 'tsconfig.json')
    writeFileSync(tsconfig, JSON.stringify({ extends: path.join(root, 'tsconfig.json'), include: [], files: [__filename] }))
    const res = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', tsconfig], { encoding: 'utf8' })
    expect(`${res.stdout}${res.stderr}`).toBe('')
    expect(res.status).toBe(0)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
})
