/** Conditional updates are atomic: 1,000 concurrent "take a seat if seatsLeft > 0" on 50 seats → exactly 50 win. */
import { startWithSdk, type Harness } from './support'

let h: Harness
beforeAll(async () => {
  h = await startWithSdk()
})
afterAll(async () => {
  await h.emu.stop()
})

test('1,000 concurrent conditional decrements on one document: exactly 50 succeed, seatsLeft ends at 0', async () => {
  await h.db.collection('events').add({ data: { _id: 'summer', title: '暑期课堂', seatsLeft: 50 } })
  const takeSeat = () =>
    h.db
      .collection('events')
      .where({ _id: 'summer', seatsLeft: h._.gt(0) })
      .update({ data: { seatsLeft: h._.inc(-1) } })
  const results = await Promise.all(Array.from({ length: 1000 }, takeSeat))
  const won = results.filter((r: any) => r.stats.updated === 1).length
  expect(won).toBe(50)
  expect(results.filter((r: any) => r.stats.updated === 0)).toHaveLength(950)
  expect((await h.db.collection('events').doc('summer').get()).data.seatsLeft).toBe(0)
})

test('concurrent transactions on one counter never lose an update (conflicts are retried by the caller)', async () => {
  await h.db.collection('events').add({ data: { _id: 'counter', title: 'c', seatsLeft: 0 } })
  const bump = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await h.db.runTransaction(async (t: any) => {
          const { data } = await t.collection('events').doc('counter').get()
          await t
            .collection('events')
            .doc('counter')
            .update({ data: { seatsLeft: data.seatsLeft + 1 } })
        })
      } catch (error: any) {
        if (!String(error.errMsg ?? error.message).includes('TransactionConflict') || attempt > 50) throw error
        await new Promise((r) => setTimeout(r, Math.random() * 10))
      }
    }
  }
  await Promise.all(Array.from({ length: 40 }, bump))
  expect((await h.db.collection('events').doc('counter').get()).data.seatsLeft).toBe(40)
})
