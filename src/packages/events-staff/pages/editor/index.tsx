import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import {
  EVENT_CATEGORIES,
  EVENT_DESCRIPTION_MAX,
  EVENT_PLACE_MAX,
  EVENT_TITLE_MAX,
  PHASE_LABEL,
  QUOTAS_MAX,
  createEventInput,
  updateEventInput,
  type Allocation,
  type EventCategory,
  type EventView,
  type OpenTo,
  type Quota,
  type SeriesView,
} from 'types/events'
import { formatShanghai, fromWallClock, inShanghai, toWallClock, type WallClock } from 'types/time'
import FormField from '@/components/form-field'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { ClientError, Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
import { useLoadState } from '@/lib/use-load-state'
import { confirmAction } from '@/lib/confirm'
import { ROUTES, getCurrentCommunity, staffEventsApi } from '../../api'
import './index.scss'

type When = WallClock
/** One age-band quota row as typed (numbers as strings until they are checked); `key` keeps rows apart in React. */
type QuotaRow = { key: number; ageMin: string; ageMax: string; places: string }
type Form = {
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
type Start = { event: EventView | null; series: SeriesView[]; communityId: string }

const split = toWallClock
const join = fromWallClock
const num = (s: string) => (s.trim() === '' ? undefined : Number(s))
let quotaKeys = 0
const quotaRow = (q: { ageMin?: number; ageMax?: number; places?: number } = {}): QuotaRow => ({
  key: ++quotaKeys,
  ageMin: q.ageMin === undefined ? '' : String(q.ageMin),
  ageMax: q.ageMax === undefined ? '' : String(q.ageMax),
  places: q.places === undefined ? '' : String(q.places),
})

function emptyForm(): Form {
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

function formOf(e: EventView): Form {
  return {
    ...emptyForm(),
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

function DateTime({ label, value, onChange }: { label: string; value: When; onChange: (w: When) => void }) {
  return (
    <FormField label={label}>
      <View className='yb-row'>
        <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className='yb-picker'>{value.date}</View>
        </Picker>
        <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
          <View className='yb-picker'>{value.time}</View>
        </Picker>
      </View>
    </FormField>
  )
}

/**
 * 抽签 only: a share of the places kept for an age band (age on the event day), drawn first among that band; places a
 * band does not fill go to everyone else. Checked by the same schema as the function (createEventInput /
 * updateEventInput): each row, the total against the capacity, no overlapping bands. Fixed once published.
 */
function QuotaRows(props: {
  rows: QuotaRow[]
  errors: Record<string, string>
  fixed: boolean
  onChange: (i: number, field: 'ageMin' | 'ageMax' | 'places', value: string) => void
  onAdd: () => void
  onRemove: (i: number) => void
}) {
  const { rows, errors, fixed } = props
  const rowErrors = rows.map((_, i) => errors[`quotas.${i}`])
  if (fixed) {
    return (
      <FormField label='年龄段名额'>
        {rows.length === 0 && <Text className='yb-small'>没有设年龄段名额，所有人一起抽签。</Text>}
        {rows.map((q) => (
          <View key={q.key} className='event-editor__quota-fixed'>
            {q.ageMin}–{q.ageMax} 岁：保留 {q.places} 个名额
          </View>
        ))}
      </FormField>
    )
  }
  return (
    <FormField label='年龄段名额（选填）' error={rowErrors.some(Boolean) ? undefined : errors.quotas} className='event-editor__quotas'>
      <Text className='yb-small'>为某个年龄段保留名额，抽签时先在这个年龄段里抽；没抽满的名额留给其他人。</Text>
      {rows.map((q, i) => (
        <View key={q.key} className='yb-card event-editor__quota'>
          <View className='yb-row'>
            <Text className='yb-label event-editor__quota-title'>年龄段 {i + 1}</Text>
            <View className='yb-spacer' />
            <Button className='yb-btn event-editor__quota-remove' onClick={() => props.onRemove(i)}>
              删除
            </Button>
          </View>
          <View className='yb-row'>
            <Input
              className='yb-input event-editor__num event-editor__quota-min'
              type='number'
              value={q.ageMin}
              placeholder='最小'
              onInput={(ev) => props.onChange(i, 'ageMin', ev.detail.value)}
            />
            <Text>至</Text>
            <Input
              className='yb-input event-editor__num event-editor__quota-max'
              type='number'
              value={q.ageMax}
              placeholder='最大'
              onInput={(ev) => props.onChange(i, 'ageMax', ev.detail.value)}
            />
            <Text>岁</Text>
          </View>
          <View className='yb-row'>
            <Text>保留</Text>
            <Input
              className='yb-input event-editor__num event-editor__quota-places'
              type='number'
              value={q.places}
              placeholder='名额'
              onInput={(ev) => props.onChange(i, 'places', ev.detail.value)}
            />
            <Text>个名额</Text>
          </View>
          {rowErrors[i] && <View className='yb-field-error'>{rowErrors[i]}</View>}
        </View>
      ))}
      {rows.length < QUOTAS_MAX && (
        <Button className='yb-btn yb-btn--block' onClick={props.onAdd}>
          ＋ 添加年龄段名额
        </Button>
      )}
    </FormField>
  )
}

/** Staff: write a new event or course, edit one, publish it, or cancel it (everyone signed up is told). */
export default function EventEditorPage() {
  const [start, run, setStart] = useLoadState<Start>()
  const ids = useRef({ communityId: '', eventId: '' })
  const [form, setForm] = useState<Form>(emptyForm)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [reason, setReason] = useState('')

  const load = () =>
    run(async (): Promise<Result<Start>> => {
      let event: EventView | null = null
      if (ids.current.eventId) {
        const got = await staffEventsApi.get(ids.current.eventId)
        if (!got.ok) return got
        event = got.data
        ids.current.communityId = event.communityId
        setForm(formOf(event))
      }
      const list = await staffEventsApi.list(ids.current.communityId)
      if (!list.ok) return list
      return { ok: true, data: { event, series: list.data.series, communityId: ids.current.communityId } }
    })

  useLoad((params) => {
    ids.current = { communityId: params.communityId ?? getCurrentCommunity()?.communityId ?? '', eventId: params.eventId ?? '' }
    void load()
  })

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))
  const setQuota = (i: number, field: 'ageMin' | 'ageMax' | 'places', value: string) =>
    setForm((f) => ({ ...f, quotas: f.quotas.map((q, k) => (k === i ? { ...q, [field]: value } : q)) }))
  const addQuota = () => setForm((f) => ({ ...f, quotas: [...f.quotas, quotaRow()] }))
  const removeQuota = (i: number) => {
    setForm((f) => ({ ...f, quotas: f.quotas.filter((_, k) => k !== i) }))
    setErrors({}) // row errors are filed by position
  }
  const fail = (error: ClientError) => {
    if (error.issues) setErrors(issuesByField(error.issues))
    void Taro.showToast({ title: errorCopy(error), icon: 'none', duration: 3000 })
  }

  const save = async (publish: boolean) => {
    if (start.kind !== 'ready' || busy) return
    const existing = start.data.event
    let seriesId = form.seriesId || undefined
    setBusy(true)
    try {
      if (form.newSeries.trim()) {
        const s = await staffEventsApi.createSeries(ids.current.communityId, form.newSeries.trim())
        if (!s.ok) return fail(s.error)
        seriesId = s.data.seriesId
      }
      const fields = {
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
        // here and the schema below names them (请填写…) before anything is sent.
        quotas: (form.allocation === 'lottery'
          ? form.quotas.map((q) => ({ ageMin: num(q.ageMin), ageMax: num(q.ageMax), places: num(q.places) }))
          : []) as Quota[],
      }
      const published = existing && existing.status !== 'draft'
      // once published, how places are given is fixed: send only what may change
      const changes = published
        ? {
            title: fields.title,
            description: fields.description,
            category: fields.category,
            place: fields.place,
            startAt: fields.startAt,
            endAt: fields.endAt,
            capacity: fields.capacity,
            signupClosesAt: fields.signupClosesAt,
            ...(form.deadline ? { cancelBefore: fields.cancelBefore } : {}),
          }
        : fields
      const checked = existing
        ? updateEventInput.safeParse({ eventId: existing.eventId, ...changes })
        : createEventInput.safeParse({ communityId: ids.current.communityId, ...fields })
      if (!checked.success) return setErrors(issuesByField(checked.error.issues))
      setErrors({})
      const saved = existing
        ? await staffEventsApi.update({ eventId: existing.eventId, ...changes })
        : await staffEventsApi.create({ communityId: ids.current.communityId, ...fields })
      if (!saved.ok) return fail(saved.error)
      ids.current.eventId = saved.data.eventId
      let event = saved.data
      if (publish && event.status === 'draft') {
        const res = await staffEventsApi.publish(event.eventId)
        if (!res.ok) {
          setStart({ kind: 'ready', data: { ...start.data, event } })
          return fail(res.error)
        }
        event = res.data
      }
      setStart({ kind: 'ready', data: { ...start.data, event } })
      void Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success' })
      if (publish) setTimeout(() => Taro.redirectTo({ url: `${ROUTES.signups}?eventId=${event.eventId}` }), 800)
    } finally {
      setBusy(false)
    }
  }

  const cancelEvent = async (e: EventView) => {
    const confirm = await confirmAction({
      title: '取消活动',
      content: '已报名和候补的人都会收到通知。确定取消吗？',
      confirmText: '取消活动',
    })
    if (!confirm) return
    setBusy(true)
    const res = await staffEventsApi.cancelEvent(e.eventId, reason.trim() || undefined)
    setBusy(false)
    if (!res.ok) return fail(res.error)
    setStart({ kind: 'ready', data: { ...(start as any).data, event: res.data } })
    void Taro.showToast({ title: '已取消，已通知报名的人', icon: 'none' })
  }

  if (start.kind === 'loading')
    return (
      <PageShell className='event-editor'>
        <Loading />
      </PageShell>
    )
  if (start.kind === 'error')
    return (
      <PageShell className='event-editor'>
        <ErrorView error={start.error} onRetry={load} />
      </PageShell>
    )
  const e = start.data.event
  if (e && !e.viewer.canManage)
    return (
      <PageShell className='event-editor'>
        <Forbidden />
      </PageShell>
    )
  const fixed = !!e && e.status !== 'draft'
  const editable = !e || e.viewer.canEdit

  return (
    <PageShell className='event-editor'>
      {e && (
        <Text className='yb-small'>
          {PHASE_LABEL[e.phase]} · 已报 {e.counts.confirmed} / {e.capacity} · 候补 {e.counts.waitlisted}
        </Text>
      )}

      <FormField label='名称' error={errors.title}>
        <Input
          className='yb-input'
          value={form.title}
          maxlength={EVENT_TITLE_MAX}
          placeholder='例如：暑期课堂·小小科学家'
          onInput={(ev) => set('title', ev.detail.value)}
        />
      </FormField>
      <FormField label='类别'>
        <View className='yb-chips'>
          {EVENT_CATEGORIES.map((c) => (
            <View key={c} className={`yb-chip${form.category === c ? ' yb-chip--on' : ''}`} onClick={() => set('category', c)}>
              {c}
            </View>
          ))}
        </View>
      </FormField>
      <FormField label='地点' error={errors.place}>
        <Input
          className='yb-input'
          value={form.place}
          maxlength={EVENT_PLACE_MAX}
          placeholder='例如：党群服务中心二楼'
          onInput={(ev) => set('place', ev.detail.value)}
        />
      </FormField>
      <FormField label='介绍' error={errors.description}>
        <Textarea
          className='yb-textarea'
          value={form.description}
          maxlength={EVENT_DESCRIPTION_MAX}
          placeholder='内容、要带什么、注意事项'
          onInput={(ev) => set('description', ev.detail.value)}
        />
      </FormField>

      <DateTime label='开始' value={form.start} onChange={(w) => set('start', w)} />
      <DateTime label='结束' value={form.end} onChange={(w) => set('end', w)} />
      {!fixed && <DateTime label='开始报名' value={form.opens} onChange={(w) => set('opens', w)} />}
      <DateTime label='报名截止' value={form.closes} onChange={(w) => set('closes', w)} />
      <FormField>
        <View className='yb-chips'>
          <View className={`yb-chip${!form.deadline ? ' yb-chip--on' : ''}`} onClick={() => set('deadline', false)}>
            开始前都能取消
          </View>
          <View className={`yb-chip${form.deadline ? ' yb-chip--on' : ''}`} onClick={() => set('deadline', true)}>
            设取消截止时间
          </View>
        </View>
      </FormField>
      {form.deadline && <DateTime label='取消截止' value={form.cancelBefore} onChange={(w) => set('cancelBefore', w)} />}
      {errors.startAt && <View className='yb-field-error'>{errors.startAt}</View>}

      <FormField label='名额' error={errors.capacity}>
        <Input
          className='yb-input event-editor__capacity'
          type='number'
          value={form.capacity}
          onInput={(ev) => set('capacity', ev.detail.value)}
        />
      </FormField>
      <FormField label='参加者年龄（按活动当天，留空为不限）' error={errors.ageMin ?? errors.ageMax}>
        <View className='yb-row'>
          <Input
            className='yb-input event-editor__age'
            type='number'
            disabled={fixed}
            value={form.ageMin}
            placeholder='最小'
            onInput={(ev) => set('ageMin', ev.detail.value)}
          />
          <Text>至</Text>
          <Input
            className='yb-input event-editor__age'
            type='number'
            disabled={fixed}
            value={form.ageMax}
            placeholder='最大'
            onInput={(ev) => set('ageMax', ev.detail.value)}
          />
          <Text>岁</Text>
        </View>
      </FormField>
      {!fixed && (
        <FormField label='名额分配'>
          <View className='yb-chips'>
            <View
              className={`yb-chip${form.allocation === 'first_come' ? ' yb-chip--on' : ''}`}
              onClick={() => set('allocation', 'first_come')}
            >
              先到先得
            </View>
            <View className={`yb-chip${form.allocation === 'lottery' ? ' yb-chip--on' : ''}`} onClick={() => set('allocation', 'lottery')}>
              截止后公开抽签
            </View>
          </View>
        </FormField>
      )}
      {form.allocation === 'lottery' && (
        <QuotaRows rows={form.quotas} errors={errors} fixed={fixed} onChange={setQuota} onAdd={addQuota} onRemove={removeQuota} />
      )}
      {!fixed && (
        <FormField label='谁可以报名'>
          <View className='yb-chips'>
            <View className={`yb-chip${form.openTo === 'residents' ? ' yb-chip--on' : ''}`} onClick={() => set('openTo', 'residents')}>
              本社区居民
            </View>
            <View className={`yb-chip${form.openTo === 'anyone' ? ' yb-chip--on' : ''}`} onClick={() => set('openTo', 'anyone')}>
              所有人
            </View>
          </View>
        </FormField>
      )}
      <FormField label='课程系列（院落大学）'>
        <View className='yb-chips'>
          <View className={`yb-chip${form.seriesId === '' ? ' yb-chip--on' : ''}`} onClick={() => set('seriesId', '')}>
            不属于系列
          </View>
          {start.data.series.map((s) => (
            <View
              key={s.seriesId}
              className={`yb-chip${form.seriesId === s.seriesId ? ' yb-chip--on' : ''}`}
              onClick={() => set('seriesId', s.seriesId)}
            >
              {s.title}
            </View>
          ))}
        </View>
        <Input
          className='yb-input'
          value={form.newSeries}
          placeholder='或新建系列，例如：院落大学·书法班'
          onInput={(ev) => set('newSeries', ev.detail.value)}
        />
      </FormField>

      {editable && (
        <View className='yb-row yb-actions'>
          <Button className='yb-btn' disabled={busy} onClick={() => save(false)}>
            保存
          </Button>
          {(!e || e.status === 'draft') && (
            <Button className='yb-btn yb-btn--primary' disabled={busy} onClick={() => save(true)}>
              发布
            </Button>
          )}
        </View>
      )}
      {e?.viewer.canCancelEvent && e.status === 'published' && (
        <View className='yb-card'>
          <Text className='yb-label'>取消活动</Text>
          <Input
            className='yb-input'
            value={reason}
            maxlength={100}
            placeholder='原因（会告诉报名的人）'
            onInput={(ev) => setReason(ev.detail.value)}
          />
          <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => cancelEvent(e)}>
            取消活动并通知报名的人
          </Button>
        </View>
      )}
    </PageShell>
  )
}
