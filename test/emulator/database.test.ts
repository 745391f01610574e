/**
 * The real wx-server-sdk 4.0.2 against the emulator: every database action and operator the issue lists, and the
 * failures the cloud gives (missing document / collection, duplicate _id, unknown operator, strict index mode).
 */
import { failure, startWithSdk, type Harness } from './support'

let h: Harness
beforeAll(async () => {
  h = await startWithSdk()
})
afterAll(async () => {
  await h.emu.stop()
})
beforeEach(() => h.emu.store.clear())

const events = () => h.db.collection('events')
const p = () => h.db.collection('p')

describe('insert and read', () => {
  test('add returns a 32-hex _id; doc().get() returns the document with types intact', async () => {
    const at = new Date('2026-05-01T08:00:00Z')
    const { _id } = await events().add({
      data: { title: 'Park cleanup', seatsLeft: 2, price: 2.5, tags: ['env'], at, nested: { a: null } },
    })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await events().doc(_id).get()
    expect(data).toEqual({ _id, title: 'Park cleanup', seatsLeft: 2, price: 2.5, tags: ['env'], at, nested: { a: null } })
    expect(data.at).toBeInstanceOf(Date)
  })

  test('add of several documents at once returns every id', async () => {
    const result = await events().add({ data: [{ title: 'a' }, { title: 'b' }] })
    expect(result._ids).toHaveLength(2)
    expect(
      (
        await events()
          .where({ title: h._.in(['a', 'b']) })
          .count()
      ).total,
    ).toBe(2)
  })

  test('serverDate() is stamped by the server, with its offset', async () => {
    const before = Date.now()
    const { _id } = await events().add({ data: { title: 't', createdAt: h.db.serverDate(), later: h.db.serverDate({ offset: 60_000 }) } })
    const { data } = await events().doc(_id).get()
    expect(data.createdAt.getTime()).toBeGreaterThanOrEqual(before)
    expect(data.later.getTime() - data.createdAt.getTime()).toBe(60_000)
  })

  test('a missing document: doc().get() fails as in the cloud', async () => {
    const error = await failure(events().doc('nope').get())
    expect(error.errMsg).toContain('document with _id nope does not exist')
  })

  test('a missing collection: DATABASE_COLLECTION_NOT_EXIST (-502005) for reads and writes; addCollection creates it', async () => {
    const read = await failure(h.db.collection('nosuch').get())
    expect(read.errCode).toBe(-502005)
    const write = await failure(h.db.collection('nosuch').add({ data: { a: 1 } }))
    expect(write.errCode).toBe(-502005)
    await h.db.createCollection('made_here')
    await h.db.collection('made_here').add({ data: { _id: 'x', a: 1 } })
    expect((await h.db.collection('made_here').doc('x').get()).data.a).toBe(1)
    expect(await failure(h.db.createCollection('made_here'))).toBeTruthy()
  })

  test('duplicate _id is refused with E11000 and nothing changes', async () => {
    await events().add({ data: { _id: 'same', title: 'first' } })
    const error = await failure(events().add({ data: { _id: 'same', title: 'second' } }))
    expect(error.errCode).toBe(-502001)
    expect(error.errMsg).toContain('E11000 duplicate key')
    expect((await events().doc('same').get()).data.title).toBe('first')
  })

  test('a unique index refuses a second document with the same key', async () => {
    const members = h.db.collection('members')
    await members.add({ data: { communityId: 'c1', openid: 'o1' } })
    await members.add({ data: { communityId: 'c2', openid: 'o1' } })
    const error = await failure(members.add({ data: { communityId: 'c1', openid: 'o1' } }))
    expect(error.errMsg).toContain('E11000')
    expect(error.errMsg).toContain('communityId_openid')
    expect(h.emu.store.dump('members')).toHaveLength(2)
  })
})

describe('queries', () => {
  beforeEach(async () => {
    await events().add({
      data: [
        { _id: 'e1', title: 'Park', seatsLeft: 2, category: '活动', startAt: new Date('2026-07-01T00:00:00Z') },
        { _id: 'e2', title: 'Council', seatsLeft: 0, category: '活动', startAt: new Date('2026-07-03T00:00:00Z') },
        { _id: 'e3', title: 'Course', seatsLeft: 5, category: '课程', startAt: new Date('2026-07-02T00:00:00Z') },
      ],
    })
  })

  test('where + orderBy + skip + limit + field', async () => {
    const { data } = await events().where({ category: '活动' }).orderBy('startAt', 'desc').skip(0).limit(1).field({ title: true }).get()
    expect(data).toEqual([{ _id: 'e2', title: 'Council' }])
    const page2 = await events().where({ category: '活动' }).orderBy('startAt', 'desc').skip(1).limit(1).get()
    expect(page2.data.map((d: any) => d._id)).toEqual(['e1'])
  })

  test('comparison operators, regex, $in/$nin, $ne, count', async () => {
    const ids = async (q: any, order = 'title') =>
      (
        await events()
          .where(q)
          .orderBy(order === 'title' ? 'title' : order, 'asc')
          .get()
      ).data.map((d: any) => d._id)
    expect(await ids({ title: h._.in(['Park', 'Course']) })).toEqual(['e3', 'e1'])
    expect(await ids({ title: h._.nin(['Park']) })).toEqual(['e2', 'e3'])
    expect(await ids({ title: h._.neq('Park') })).toEqual(['e2', 'e3'])
    expect(await ids({ title: h.db.RegExp({ regexp: '^c', options: 'i' }) })).toEqual(['e2', 'e3'])
    expect(
      (
        await events()
          .where({ seatsLeft: h._.gt(0).and(h._.lte(2)) })
          .count()
      ).total,
    ).toBe(1)
    expect(
      (
        await events()
          .where({ seatsLeft: h._.gte(0) })
          .count()
      ).total,
    ).toBe(3)
    expect(
      (
        await events()
          .where({ seatsLeft: h._.lt(1) })
          .count()
      ).total,
    ).toBe(1)
    expect(
      (
        await events()
          .where({ seatsLeft: h._.eq(5) })
          .count()
      ).total,
    ).toBe(1)
  })

  test('$and/$or/$nor/$not/$exists/$elemMatch/$all/$size and nested paths', async () => {
    await p().add({
      data: [
        { _id: 'p1', meta: { a: 1, b: 2 }, arr: [1, 2, 3], votes: 0, tags: ['x', 'y'], n: 1 },
        { _id: 'p2', meta: { a: 2 }, arr: [1], votes: 4, tags: [], n: 2 },
        { _id: 'p3', votes: 9, tags: ['y'], n: 3 },
      ],
    })
    const ids = async (q: any) => (await p().where(q).get()).data.map((d: any) => d._id).sort()
    expect(await ids({ meta: { a: 1 } })).toEqual(['p1']) // the SDK flattens nested objects to dot paths
    expect(await ids({ 'meta.a': h._.gte(1) })).toEqual(['p1', 'p2'])
    expect(await ids(h._.or([{ votes: h._.in([0, 1]) }, { votes: h._.gt(8) }]))).toEqual(['p1', 'p3'])
    expect(await ids(h._.and([{ votes: h._.gt(-1) }, { votes: h._.lt(5) }]))).toEqual(['p1', 'p2'])
    expect(await ids({ votes: h._.gte(0), meta: h._.exists(false) })).toEqual(['p3'])
    expect(await ids({ votes: h._.gte(0), arr: h._.elemMatch(h._.gt(2)) })).toEqual(['p1'])
    expect(await ids({ tags: h._.all(['x', 'y']) })).toEqual(['p1'])
    expect(await ids({ votes: h._.gte(0), tags: h._.size(0) })).toEqual(['p2'])
    expect(await ids(h._.nor([{ votes: 0 }, { votes: 9 }]).and({ votes: h._.gte(0) }))).toEqual(['p2'])
    expect(await ids({ votes: h._.not(h._.gt(3)) })).toEqual(['p1'])
  })

  test('limit defaults to 100 and is capped at 1000', async () => {
    h.emu.store.clear()
    const docs = Array.from({ length: 1100 }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, title: 'many', seatsLeft: i }))
    for (let i = 0; i < docs.length; i += 500) await events().add({ data: docs.slice(i, i + 500) })
    expect((await events().where({ title: 'many' }).get()).data).toHaveLength(100)
    expect((await events().where({ title: 'many' }).limit(1000).get()).data).toHaveLength(1000)
    expect((await events().where({ title: 'many' }).count()).total).toBe(1100)
  })

  test('an unknown operator is refused with an error naming it', async () => {
    const error = await failure(
      h.cloud
        .database()
        .collection('events')
        .where({ title: { $where: 'x' } } as any)
        .get(),
    )
    expect(error.errMsg).toMatch(/\$where/)
    const geo = await failure(
      p()
        .where({ loc: h._.geoNear({ geometry: new h.db.Geo.Point(113.3, 23.1), maxDistance: 1000 }) })
        .get(),
    )
    expect(geo.errMsg).toMatch(/\$nearSphere|geo/)
  })

  test('strict index mode refuses a query no declared index covers, naming the index to declare', async () => {
    const error = await failure(events().where({ place: '院坝' }).get())
    expect(error.errMsg).toContain('strict index mode')
    expect(error.errMsg).toContain('"keys":{"place":1}')
    const sort = await failure(events().where({ category: '活动' }).orderBy('place', 'asc').get())
    expect(sort.errMsg).toContain('sorts on [place]')
    // covered: leading key constrained, sort key in the index; and any query by _id
    await events().where({ category: '活动' }).orderBy('startAt', 'desc').get()
    await events().where({ _id: 'e1', place: '院坝' }).get()
  })
})

describe('updates', () => {
  test('update operators: $inc $set $unset $push(+$each $position $slice $sort) $pull $addToSet $mul $min $max', async () => {
    await p().add({ data: { _id: 'p1', n: 1, x: 'gone', arr: [1, 2, 3], t: ['k'], m: 3, mn: 5, mx: 5, pa: [1, 2], meta: { a: 1 } } })
    const res = await p()
      .doc('p1')
      .update({
        data: {
          n: h._.inc(2),
          'meta.b': 7,
          x: h._.remove(),
          arr: h._.pull(2),
          t: h._.addToSet('k'),
          m: h._.mul(2),
          mn: h._.min(1),
          mx: h._.max(9),
          pa: h._.push({ each: [9, 0], position: 0, sort: -1, slice: 3 }),
        },
      })
    expect(res.stats.updated).toBe(1)
    const { data } = await p().doc('p1').get()
    expect(data).toEqual({ _id: 'p1', n: 3, arr: [1, 3], t: ['k'], m: 6, mn: 1, mx: 9, pa: [9, 2, 1], meta: { a: 1, b: 7 } })
  })

  test('set() replaces the document; set on a missing id upserts', async () => {
    await p().add({ data: { _id: 'p1', n: 1, keep: false } })
    await p()
      .doc('p1')
      .set({ data: { n: 2 } })
    expect((await p().doc('p1').get()).data).toEqual({ _id: 'p1', n: 2 })
    const created = await p()
      .doc('fresh')
      .set({ data: { n: 5 } })
    expect(created.stats).toEqual({ updated: 0, created: 1 })
    expect((await p().doc('fresh').get()).data).toEqual({ _id: 'fresh', n: 5 })
  })

  test('where().update() updates every match; a conditional update reports 0 when nothing matches', async () => {
    await events().add({
      data: [
        { title: 'a', seatsLeft: 0 },
        { title: 'b', seatsLeft: 0 },
        { title: 'c', seatsLeft: 3 },
      ],
    })
    const res = await events()
      .where({ seatsLeft: 0 })
      .update({ data: { full: true } })
    expect(res.stats.updated).toBe(2)
    const [c] = (await events().where({ title: 'c' }).get()).data
    const take = () =>
      events()
        .where({ _id: c._id, seatsLeft: h._.gt(0) })
        .update({ data: { seatsLeft: h._.inc(-1) } })
    expect((await take()).stats.updated).toBe(1)
    expect((await take()).stats.updated).toBe(1)
    expect((await take()).stats.updated).toBe(1)
    expect((await take()).stats.updated).toBe(0)
  })

  test('an update that changes nothing reports updated 0 (modified, not matched)', async () => {
    await events().add({ data: { _id: 'e', title: 'same' } })
    expect(
      (
        await events()
          .doc('e')
          .update({ data: { title: 'same' } })
      ).stats.updated,
    ).toBe(0)
  })

  test('_id cannot be changed', async () => {
    await events().add({ data: { _id: 'e', title: 'x' } })
    const error = await failure(
      events()
        .where({ title: 'x' })
        .update({ data: { _id: 'other' } }),
    )
    expect(error.errMsg).toContain('_id')
  })
})

describe('remove and aggregate', () => {
  test('doc().remove() and where().remove()', async () => {
    await events().add({
      data: [
        { _id: 'a', title: 'x' },
        { _id: 'b', title: 'x' },
        { _id: 'c', title: 'y' },
      ],
    })
    expect((await events().doc('c').remove()).stats.removed).toBe(1)
    expect((await events().where({ title: 'x' }).remove()).stats.removed).toBe(2)
    expect(h.emu.store.dump('events')).toEqual([])
  })

  test('aggregate: match, group, sort, lookup', async () => {
    await events().add({
      data: [
        { _id: 'e1', title: 'A', seatsLeft: 2, category: '活动' },
        { _id: 'e2', title: 'B', seatsLeft: 3, category: '活动' },
        { _id: 'e3', title: 'C', seatsLeft: 1, category: '课程' },
      ],
    })
    await h.db.collection('signups').add({ data: [{ eventId: 'e1' }, { eventId: 'e1' }, { eventId: 'e2' }] })
    const $ = h.db.command.aggregate
    const { list } = await events()
      .aggregate()
      .match({ category: h._.exists(true) })
      .group({ _id: '$category', seats: $.sum('$seatsLeft'), n: $.sum(1) })
      .sort({ _id: 1 })
      .end()
    expect(list).toEqual([
      { _id: '活动', seats: 5, n: 2 },
      { _id: '课程', seats: 1, n: 1 },
    ])
    const joined = await events()
      .aggregate()
      .match({ title: 'A' })
      .lookup({ from: 'signups', localField: '_id', foreignField: 'eventId', as: 'signups' })
      .end()
    expect(joined.list[0].signups).toHaveLength(2)
  })
})
