import { useRef, useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import {
  EVENT_CATEGORIES,
  EVENT_DESCRIPTION_MAX,
  EVENT_PLACE_MAX,
  EVENT_TITLE_MAX,
  PHASE_LABEL,
  createEventInput,
  updateEventInput,
  type Allocation,
  type EventCategory,
  type EventView,
  type OpenTo,
  type SeriesView,
} from 'types/events'
import { formatShanghai, fromWallClock, inShanghai, toWallClock, type WallClock } from 'types/time'
import PageShell from '@/components/page-shell'
import { ErrorView, Forbidden, Loading } from '@/components/status-view'
import type { ClientError, Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
import { useLoadState } from '@/lib/use-load-state'
import { ROUTES, getCurrentCommunity, staffEventsApi } from '../../api'

type When = WallClock
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
}
type Start = { event: EventView | null; series: SeriesView[]; communityId: string }

const split = toWallClock
const join = fromWallClock
const num = (s: string) => (s.trim() === '' ? undefined : Number(s))

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
  }
}

function DateTime({ label, value, onChange }: { label: string; value: When; onChange: (w: When) => void }) {
  return (
    <View className='yb-field'>
      <Text className='yb-label'>{label}</Text>
      <View className='yb-row'>
        <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
          <View className='yb-picker'>{value.date}</View>
        </Picker>
        <Picker mode='time' value={value.time} onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}>
          <View className='yb-picker'>{value.time}</View>
        </Picker>
      </View>
    </View>
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
    load()
  })

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))
  const fail = (error: ClientError) => {
    if (error.issues) setErrors(issuesByField(error.issues))
    Taro.showToast({ title: errorCopy(error), icon: 'none', duration: 3000 })
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
      }
      const published = existing && existing.status !== 'draft'
      // once published, how places are given is fixed: send only what may change
      const changes = published
        ? { title: fields.title, description: fields.description, category: fields.category, place: fields.place, startAt: fields.startAt, endAt: fields.endAt, capacity: fields.capacity, signupClosesAt: fields.signupClosesAt, ...(form.deadline ? { cancelBefore: fields.cancelBefore } : {}) }
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
      Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success' })
      if (publish) setTimeout(() => Taro.redirectTo({ url: `${ROUTES.signups}?eventId=${event.eventId}` }), 800)
    } finally {
      setBusy(false)
    }
  }

  const cancelEvent = async (e: EventView) => {
    const { confirm } = await Taro.showModal({ title: '取消活动', content: '已报名和候补的人都会收到通知。确定取消吗？', confirmText: '取消活动' })
    if (!confirm) return
    setBusy(true)
    const res = await staffEventsApi.cancelEvent(e.eventId, reason.trim() || undefined)
    setBusy(false)
    if (!res.ok) return fail(res.error)
    setStart({ kind: 'ready', data: { ...(start as any).data, event: res.data } })
    Taro.showToast({ title: '已取消，已通知报名的人', icon: 'none' })
  }

  if (start.kind === 'loading') return <PageShell className='event-editor'><Loading /></PageShell>
  if (start.kind === 'error') return <PageShell className='event-editor'><ErrorView error={start.error} onRetry={load} /></PageShell>
  const e = start.data.event
  if (e && !e.viewer.canManage) return <PageShell className='event-editor'><Forbidden /></PageShell>
  const fixed = !!e && e.status !== 'draft'
  const editable = !e || e.viewer.canEdit

  return (
    <PageShell className='event-editor'>
      {e && <Text className='yb-small'>{PHASE_LABEL[e.phase]} · 已报 {e.counts.confirmed} / {e.capacity} · 候补 {e.counts.waitlisted}</Text>}

      <View className='yb-field'>
        <Text className='yb-label'>名称</Text>
        <Input className='yb-input' value={form.title} maxlength={EVENT_TITLE_MAX} placeholder='例如：暑期课堂·小小科学家' onInput={(ev) => set('title', ev.detail.value)} />
        {errors.title && <View className='yb-field-error'>{errors.title}</View>}
      </View>
      <View className='yb-field'>
        <Text className='yb-label'>类别</Text>
        <View className='yb-chips'>
          {EVENT_CATEGORIES.map((c) => (
            <View key={c} className={`yb-chip${form.category === c ? ' yb-chip--on' : ''}`} onClick={() => set('category', c)}>
              {c}
            </View>
          ))}
        </View>
      </View>
      <View className='yb-field'>
        <Text className='yb-label'>地点</Text>
        <Input className='yb-input' value={form.place} maxlength={EVENT_PLACE_MAX} placeholder='例如：党群服务中心二楼' onInput={(ev) => set('place', ev.detail.value)} />
        {errors.place && <View className='yb-field-error'>{errors.place}</View>}
      </View>
      <View className='yb-field'>
        <Text className='yb-label'>介绍</Text>
        <Textarea className='yb-textarea' value={form.description} maxlength={EVENT_DESCRIPTION_MAX} placeholder='内容、要带什么、注意事项' onInput={(ev) => set('description', ev.detail.value)} />
        {errors.description && <View className='yb-field-error'>{errors.description}</View>}
      </View>

      <DateTime label='开始' value={form.start} onChange={(w) => set('start', w)} />
      <DateTime label='结束' value={form.end} onChange={(w) => set('end', w)} />
      {!fixed && <DateTime label='开始报名' value={form.opens} onChange={(w) => set('opens', w)} />}
      <DateTime label='报名截止' value={form.closes} onChange={(w) => set('closes', w)} />
      <View className='yb-field'>
        <View className='yb-chips'>
          <View className={`yb-chip${!form.deadline ? ' yb-chip--on' : ''}`} onClick={() => set('deadline', false)}>
            开始前都能取消
          </View>
          <View className={`yb-chip${form.deadline ? ' yb-chip--on' : ''}`} onClick={() => set('deadline', true)}>
            设取消截止时间
          </View>
        </View>
      </View>
      {form.deadline && <DateTime label='取消截止' value={form.cancelBefore} onChange={(w) => set('cancelBefore', w)} />}
      {errors.startAt && <View className='yb-field-error'>{errors.startAt}</View>}

      <View className='yb-field'>
        <Text className='yb-label'>名额</Text>
        <Input className='yb-input' type='number' value={form.capacity} onInput={(ev) => set('capacity', ev.detail.value)} />
        {errors.capacity && <View className='yb-field-error'>{errors.capacity}</View>}
      </View>
      <View className='yb-field'>
        <Text className='yb-label'>参加者年龄（按活动当天，留空为不限）</Text>
        <View className='yb-row'>
          <Input className='yb-input event-editor__age' type='number' disabled={fixed} value={form.ageMin} placeholder='最小' onInput={(ev) => set('ageMin', ev.detail.value)} />
          <Text>至</Text>
          <Input className='yb-input event-editor__age' type='number' disabled={fixed} value={form.ageMax} placeholder='最大' onInput={(ev) => set('ageMax', ev.detail.value)} />
        </View>
        {errors.ageMax && <View className='yb-field-error'>{errors.ageMax}</View>}
      </View>
      {!fixed && (
        <View className='yb-field'>
          <Text className='yb-label'>名额分配</Text>
          <View className='yb-chips'>
            <View className={`yb-chip${form.allocation === 'first_come' ? ' yb-chip--on' : ''}`} onClick={() => set('allocation', 'first_come')}>
              先到先得
            </View>
            <View className={`yb-chip${form.allocation === 'lottery' ? ' yb-chip--on' : ''}`} onClick={() => set('allocation', 'lottery')}>
              截止后公开抽签
            </View>
          </View>
          <Text className='yb-label'>谁可以报名</Text>
          <View className='yb-chips'>
            <View className={`yb-chip${form.openTo === 'residents' ? ' yb-chip--on' : ''}`} onClick={() => set('openTo', 'residents')}>
              本社区居民
            </View>
            <View className={`yb-chip${form.openTo === 'anyone' ? ' yb-chip--on' : ''}`} onClick={() => set('openTo', 'anyone')}>
              所有人
            </View>
          </View>
        </View>
      )}
      <View className='yb-field'>
        <Text className='yb-label'>课程系列（院落大学）</Text>
        <View className='yb-chips'>
          <View className={`yb-chip${form.seriesId === '' ? ' yb-chip--on' : ''}`} onClick={() => set('seriesId', '')}>
            不属于系列
          </View>
          {start.data.series.map((s) => (
            <View key={s.seriesId} className={`yb-chip${form.seriesId === s.seriesId ? ' yb-chip--on' : ''}`} onClick={() => set('seriesId', s.seriesId)}>
              {s.title}
            </View>
          ))}
        </View>
        <Input className='yb-input' value={form.newSeries} placeholder='或新建系列，例如：院落大学·书法班' onInput={(ev) => set('newSeries', ev.detail.value)} />
      </View>

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
          <Input className='yb-input' value={reason} maxlength={100} placeholder='原因（会告诉报名的人）' onInput={(ev) => setReason(ev.detail.value)} />
          <Button className='yb-btn yb-btn--block' disabled={busy} onClick={() => cancelEvent(e)}>
            取消活动并通知报名的人
          </Button>
        </View>
      )}
    </PageShell>
  )
}
