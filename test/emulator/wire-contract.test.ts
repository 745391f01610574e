/**
 * Wire contract: the request bodies wx-server-sdk 4.0.2 was captured sending (test/fixtures/tcb-wire, copied from
 * shared/reference/tcb-wire) are replayed by making the same SDK calls against the emulator. If an SDK upgrade changes
 * what goes on the wire, this fails and names the request that changed.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { FIXTURES, failure, startWithSdk, type Harness } from './support'

const WIRE = path.join(FIXTURES, 'tcb-wire')
const VOLATILE = ['envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken']

/** Parse embedded EJSON strings and blank out generated ids, so bodies compare by meaning. */
function normalize(value: any): any {
  if (typeof value === 'string') {
    if (/^[0-9a-f]{32}$/.test(value)) return '<id>'
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) return '<transaction>'
    if (/^[[{]/.test(value)) {
      try {
        return normalize(JSON.parse(value))
      } catch {
        return value
      }
    }
    return value
  }
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object') {
    const out: Record<string, any> = {}
    for (const key of Object.keys(value).sort()) if (!VOLATILE.includes(key)) out[key] = normalize(value[key])
    return out
  }
  return value
}

let h: Harness
beforeAll(async () => {
  h = await startWithSdk({ recordRequests: true, strictIndexes: false, schemaFile: path.join(FIXTURES, 'wire-schema.json') })
})
afterAll(async () => {
  await h.emu.stop()
})

test('the SDK sends exactly the captured request bodies, and accepts every answer', async () => {
  const { db } = h
  const _ = db.command
  const $ = _.aggregate
  await db.createCollection('events')
  const { _id: park } = await db.collection('events').add({
    data: { title: 'Park cleanup', seatsLeft: 2, tags: ['env'], at: new Date(1746086400000), createdAt: db.serverDate() },
  })
  await db.collection('events').add({
    data: [
      { title: 'Council #1', seatsLeft: 0, n: 1 },
      { title: 'Council #2', seatsLeft: 5, n: 2 },
    ],
  })
  const listed = await db
    .collection('events')
    .where({ seatsLeft: _.gt(0), title: db.RegExp({ regexp: '^(Park|Council)', options: 'i' }) })
    .orderBy('seatsLeft', 'desc')
    .orderBy('title', 'asc')
    .limit(20)
    .field({ title: true, seatsLeft: true })
    .get()
  expect(listed.data.map((d: any) => d.title)).toEqual(['Council #2', 'Park cleanup'])
  expect(
    (
      await db
        .collection('events')
        .where({ seatsLeft: _.gte(0) })
        .count()
    ).total,
  ).toBe(3)
  await db.collection('events').doc(park).get()
  await db
    .collection('events')
    .doc(park)
    .update({
      data: { seatsLeft: _.inc(-1), tags: _.push(['kids']), meta: { edited: true }, updatedAt: db.serverDate() },
    })
  await db
    .collection('events')
    .doc('fixed-id-1')
    .set({ data: { title: 'Set doc', seatsLeft: 1 } })
  await db
    .collection('events')
    .where({ seatsLeft: 0 })
    .update({ data: { full: true } })
  expect(
    (
      await db
        .collection('events')
        .where({ _id: park, seatsLeft: _.gt(0) })
        .update({ data: { seatsLeft: _.inc(-1) } })
    ).stats.updated,
  ).toBe(1)
  expect(
    (
      await db
        .collection('events')
        .where({ _id: park, seatsLeft: _.gt(0) })
        .update({ data: { seatsLeft: _.inc(-1) } })
    ).stats.updated,
  ).toBe(0)
  const agg = await db
    .collection('events')
    .aggregate()
    .match({ seatsLeft: _.gte(0) })
    .group({ _id: null, total: $.sum('$seatsLeft') })
    .end()
  expect(agg.list).toEqual([{ _id: null, total: 6 }])
  const t = await db.startTransaction()
  await t.collection('events').doc(park).get()
  await t
    .collection('events')
    .doc(park)
    .update({ data: { seatsLeft: _.inc(1) } })
  await t.collection('signups').add({ data: { eventId: park, who: 'alice' } })
  await t.commit()
  const t2 = await db.startTransaction()
  await t2
    .collection('events')
    .doc('fixed-id-1')
    .update({ data: { seatsLeft: 99 } })
  await t2.rollback()
  expect((await db.collection('events').doc('fixed-id-1').get()).data.seatsLeft).toBe(1)
  await db.collection('events').where({ title: 'Council #1' }).remove()
  await db.collection('events').doc('fixed-id-1').remove()
  await failure(db.collection('events').doc('nope').get())
  await failure(db.collection('nosuch').get())
  await failure(db.collection('events').add({ data: { _id: park, dup: 1 } }))

  const captured = readdirSync(WIRE)
    .filter((f) => f.endsWith('.json'))
    .sort()
  expect(captured).toHaveLength(26)
  expect(h.emu.requests).toHaveLength(captured.length)
  captured.forEach((file, i) => {
    const expected = JSON.parse(readFileSync(path.join(WIRE, file), 'utf8')).request.body
    const actual = h.emu.requests[i]
    expect({ file, body: normalize(actual) }).toEqual({ file, body: normalize(expected) })
  })
})
