import type { Allocation, EventCategory, EventView, OpenTo, Quota } from 'types/events'
import { fromWallClock, inShanghai, toWallClock, type WallClock } from 'types/time'

type When = WallClock
/** One age-band quota row as typed (numbers as strings until they are checked); `key` keeps rows apart in React. */
export type QuotaRow = { key: number; ageMin: string; ageMax: string; places: string }
/** An event or course as the editor holds it: numbers as typed, times as Chengdu wall clocks. */
export type EventForm = {
  title: string
  description: string
  category: EventCategory
  place: string
  start: When
  end: When
  opens: When
  closes: When
  deadline: boolean
  cancelBefore: When
  capacity: string
  ageMin: string
  ageMax: string
  allocation: Allocation
  openTo: OpenTo
  seriesId: string
  newSeries: string
  quotas: QuotaRow[]
}

const split = toWallClock
const join = fromWallClock
const num = (s: string) => (s.trim() === '' ? undefined : Number(s))
let quotaKeys = 0
export const quotaRow = (q: { ageMin?: number; ageMax?: number; places?: number } = {}): QuotaRow => ({
  key: ++quotaKeys,
  ageMin: q.ageMin === undefined ? '' : String(q.ageMin),
  ageMax: q.ageMax === undefined ? '' : String(q.ageMax),
  places: q.places === undefined ? '' : String(q.places),
})

export function emptyEventForm(): EventForm {
  const start = inShanghai(new Date()).add(7, 'day').hour(9).minute(30).second(0)
  return {
    title: '',
    description: '',
    category: '活动',
    place: '',
    start: split(start.toDate()),
    end: split(start.add(2, 'hour').toDate()),
    opens: split(new Date()),
    closes: split(start.subtract(1, 'day').hour(20).minute(0).toDate()),
    deadline: false,
    cancelBefore: split(start.subtract(1, 'day').hour(18).minute(0).toDate()),
    capacity: '30',
    ageMin: '',
    ageMax: '',
    allocation: 'first_come',
    openTo: 'residents',
    seriesId: '',
    newSeries: '',
    quotas: [],
  }
}

/** An existing event, to edit. */
export function eventFormOf(e: EventView): EventForm {
  return {
    ...emptyEventForm(),
    title: e.title,
    description: e.description,
    category: e.category,
    place: e.place,
    start: split(e.startAt),
    end: split(e.endAt),
    opens: split(e.signupOpensAt),
    closes: split(e.signupClosesAt),
    deadline: e.cancelBefore !== e.startAt,
    cancelBefore: split(e.cancelBefore),
    capacity: String(e.capacity),
    ageMin: e.ageMin === null ? '' : String(e.ageMin),
    ageMax: e.ageMax === null ? '' : String(e.ageMax),
    allocation: e.allocation,
    openTo: e.openTo,
    seriesId: e.seriesId ?? '',
    quotas: e.quotas.map(quotaRow),
  }
}

/** The contract's fields from the form (for createEventInput), with the series it belongs to. */
export function eventFields(form: EventForm, seriesId: string | undefined) {
  return {
    title: form.title,
    description: form.description,
    category: form.category,
    place: form.place,
    startAt: join(form.start),
    endAt: join(form.end),
    capacity: num(form.capacity) ?? 0,
    signupOpensAt: join(form.opens),
    signupClosesAt: join(form.closes),
    allocation: form.allocation,
    openTo: form.openTo,
    ...(num(form.ageMin) !== undefined ? { ageMin: num(form.ageMin) } : {}),
    ...(num(form.ageMax) !== undefined ? { ageMax: num(form.ageMax) } : {}),
    ...(form.deadline ? { cancelBefore: join(form.cancelBefore) } : {}),
    ...(seriesId ? { seriesId } : {}),
    // only a lottery has age-band quotas; a draft switched to 先到先得 drops them. Empty cells stay undefined
    // here and the schema names them (请填写…) before anything is sent.
    quotas: (form.allocation === 'lottery'
      ? form.quotas.map((q) => ({ ageMin: num(q.ageMin), ageMax: num(q.ageMax), places: num(q.places) }))
      : []) as Quota[],
  }
}

/** Once published, how places are given is fixed: only what may still change (for updateEventInput). */
export function publishedChanges(fields: ReturnType<typeof eventFields>, deadline: boolean) {
  return {
    title: fields.title,
    description: fields.description,
    category: fields.category,
    place: fields.place,
    startAt: fields.startAt,
    endAt: fields.endAt,
    capacity: fields.capacity,
    signupClosesAt: fields.signupClosesAt,
    ...(deadline ? { cancelBefore: fields.cancelBefore } : {}),
  }
}
